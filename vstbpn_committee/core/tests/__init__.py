from . import test_committee
from . import test_committee_review
from . import test_decision
from . import test_member
from . import test_official_document
from . import test_reason_wizard
from . import test_request_mixin
from . import test_security
