from . import vstbpn_document_type
from . import vstbpn_document_counter
from . import vstbpn_document
from . import vstbpn_document_recipient
from . import vstbpn_document_report
from . import mail_activity
from . import vstbpn_document_source_mixin
from . import vstbpn_document_figures
