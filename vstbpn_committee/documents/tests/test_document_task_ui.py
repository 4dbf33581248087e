from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from ...tests.test_operations_ui import OperationsUiCase


@tagged("post_install", "-at_install")
class TestDocumentTaskPhoneUi(OperationsUiCase):
    """A commune officer closes a task of the district's directive from a
    phone-width screen, in Vietnamese."""

    browser_size = "375x667"
    touch_enabled = True

    def test_commune_officer_closes_a_task_from_the_phone(self):
        commune = self.env["vstbpn.committee"].create(
            {
                "name": "Tour Task Commune",
                "code": "TOURM-A1",
                "parent_id": self.district_a.id,
                "level_id": self.env.ref("vstbpn_committee.level_commune").id,
            }
        )
        officer = self._user("tour_task_commune_officer", "officer", commune)
        today = fields.Date.context_today(officer)
        directive = self.env["vstbpn.document"].create(
            {
                "committee_id": self.district_a.id,
                "document_type_id": self.env.ref(
                    "vstbpn_committee.document_type_letter"
                ).id,
                "date": today - timedelta(days=10),
                "subject": "triển khai nhiệm vụ năm",
                "addressee_committee_ids": [(6, 0, commune.ids)],
                "body": "<p>Tổng kết phong trào thi đua.</p>",
                "signer_title": "Trưởng ban",
                "signer_name": "Nguyễn Văn A",
                "task_ids": [
                    (
                        0,
                        0,
                        {
                            "name": "Tổng kết phong trào thi đua",
                            "kind": "other",
                            "deadline": today + timedelta(days=20),
                        },
                    )
                ],
            }
        )
        directive.action_issue()
        self.start_tour(
            "/odoo/action-vstbpn_committee.vstbpn_document_task_line_action?view_type=kanban",
            "vstbpn_task_closed_on_phone_tour",
            login="tour_task_commune_officer",
        )
        line = directive.task_line_ids
        self.assertEqual(line.state, "done")
        self.assertEqual(line.closed_by, "hand")
        self.assertEqual(line.done_user_id, officer)
        self.assertEqual(line.done_note, "Đã tổ chức tổng kết tại hội trường xã.")
