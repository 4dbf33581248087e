from . import test_meeting
from . import test_calendar_for_everyone
