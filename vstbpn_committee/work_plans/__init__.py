"""Work plans with budgets and programmes."""

from . import controllers, models
