from . import test_campaign
from . import test_plan
from . import test_activity
from . import test_access
from . import test_reporting
from . import test_documents
from . import test_ui
from . import test_quality
