from . import test_calendar_for_everyone
from . import test_calendar_integrity
from . import test_meeting
