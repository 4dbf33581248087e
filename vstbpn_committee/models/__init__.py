from . import vstbpn_official_document_mixin
from . import vstbpn_committee_level
from . import vstbpn_committee
from . import vstbpn_committee_member
from . import vstbpn_committee_decision
from . import vstbpn_committee_decision_line
from . import res_users
from . import hr_employee
