# Odoo runs the test_* modules that this package holds: the suite-wide ones
# below, and each room's (the rooms keep their tests beside their models).
from . import test_bad_input
from . import test_demo_company
from . import test_integrity
from . import test_integrity_registry
from . import test_integrity_rpc
from . import test_operations_ui
from . import test_rule_policies
from . import test_tools
from . import test_ui
from . import test_view_display
from ..core.tests import (
    test_committee,
    test_committee_review,
    test_decision,
    test_member,
    test_official_document,
    test_reason_wizard,
    test_request_mixin,
    test_security,
)
from ..documents.tests import (
    test_document,
    test_document_docx,
    test_document_incoming,
    test_document_numbering,
    test_document_security,
    test_document_seed,
    test_document_signature,
    test_signature_images,
    test_signoff,
    test_document_replacement,
    test_document_task,
    test_document_task_ui,
    test_document_task_board,
    test_document_task_board_ui,
    test_document_ui,
)
from ..work_plans.tests import (
    test_programme,
    test_work_plan,
    test_work_plan_docx,
    test_work_plan_signoff,
    test_work_plan_expense,
    test_xlsx_download,
)
from ..meetings.tests import (
    test_calendar_for_everyone,
    test_calendar_integrity,
    test_meeting,
)
from ..inspections.tests import (
    test_inspection,
    test_inspection_plan_print,
)
