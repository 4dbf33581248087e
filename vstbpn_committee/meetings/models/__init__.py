from . import calendar_event
from . import calendar_attendee
from . import vstbpn_training_participation
from . import calendar_event_figures
