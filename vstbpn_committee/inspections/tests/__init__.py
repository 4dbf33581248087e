from . import test_inspection
from . import test_inspection_plan_print
