from . import work_plan_xlsx
