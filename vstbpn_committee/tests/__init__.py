# Odoo runs the test_* modules that this package holds: the suite-wide ones
# below, and each room's (the rooms keep their tests beside their models).
from . import test_ui
from . import test_tools
from . import test_integrity
from . import test_integrity_registry
from . import test_operations_ui
from . import test_integrity_rpc
from . import test_bad_input
from . import test_view_display
from . import test_demo_company
from ..core.tests import (
    test_committee,
    test_member,
    test_decision,
    test_security,
    test_official_document,
    test_committee_review,
)
from ..documents.tests import (
    test_document,
    test_document_numbering,
    test_document_security,
    test_document_seed,
    test_document_ui,
)
from ..work_plans.tests import (
    test_programme,
    test_work_plan,
    test_xlsx_download,
)
from ..meetings.tests import (
    test_meeting,
    test_calendar_for_everyone,
)
from ..inspections.tests import test_inspection
