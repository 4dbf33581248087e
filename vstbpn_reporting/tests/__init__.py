from . import test_period
from . import test_report
from . import test_consolidation
from . import test_reminders
from . import test_hr_statistics
from . import test_access
from . import test_xlsx
from . import test_indicator
