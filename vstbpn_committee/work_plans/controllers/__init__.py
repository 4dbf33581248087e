from . import work_plan_xlsx
from . import work_plan_settlement_xlsx
