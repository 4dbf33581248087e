"""Meetings and trainings: Odoo calendar events of a committee."""

from . import models
