from . import controllers
from . import core
from . import documents
from . import work_plans
from . import meetings
from . import inspections
