from . import vstbpn_report_rows
from . import vstbpn_report_xlsx
from . import vstbpn_report_xlsx_form
from . import vstbpn_report_xlsx_consolidation
from . import vstbpn_report_xlsx_download
from . import vstbpn_report_rows_target
