from . import vstbpn_report_return
from . import vstbpn_report_import
from . import vstbpn_report_import_validation
from . import vstbpn_report_return_validation
