from . import test_programme
from . import test_work_plan
from . import test_xlsx_download
from . import test_work_plan_expense
from . import test_work_plan_docx
from . import test_work_plan_signoff
