"""Official documents: types, numbering, sending to units, carrying out."""

from . import controllers, models
