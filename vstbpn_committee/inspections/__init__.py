"""Inspections of the units below: plans, teams, findings, recommendations."""

from . import models
