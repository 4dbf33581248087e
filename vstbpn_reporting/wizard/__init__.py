from . import vstbpn_report_import
from . import vstbpn_report_import_validation
