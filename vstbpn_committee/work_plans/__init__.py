"""Work plans with budgets and programmes."""

from . import models
