"""The committee core: levels, committees, members, decisions, and the shared mixins."""

from . import models
