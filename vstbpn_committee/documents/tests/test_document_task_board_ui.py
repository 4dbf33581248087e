from datetime import timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user


@tagged("post_install", "-at_install")
class TestDocumentTaskBoardUi(HttpCase):
    """In a real browser, in Vietnamese: the province reads the follow-up
    board of its directive and opens the overdue cell; and the board's XLSX
    route."""

    def test_the_province_opens_an_overdue_cell(self):
        self.env["res.lang"]._activate_lang("vi_VN")
        province, district, commune = self._tree()
        officer = mail_new_test_user(
            self.env,
            login="tour_board_province",
            lang="vi_VN",
            tz="Asia/Ho_Chi_Minh",
            groups="base.group_user,vstbpn_committee.group_officer",
        )
        officer.vstbpn_committee_ids = province
        directive = self._directive(province, district | commune)
        line_of = {line.committee_id: line for line in directive.task_line_ids}
        line_of[district]._vstbpn_trusted_write(
            {
                "state": "done",
                "date_done": line_of[district].deadline,
                "closed_by": "hand",
            }
        )
        self.start_tour(
            f"/odoo/vstbpn.document/{directive.id}",
            "vstbpn_document_task_board_tour",
            login=officer.login,
        )

    def test_the_board_downloads_as_xlsx(self):
        """The board's XLSX route, narrowed by level, and its answer to an
        unknown document."""
        province, district, commune = self._tree()
        officer = mail_new_test_user(
            self.env,
            login="tour_board_xlsx",
            groups="base.group_user,vstbpn_committee.group_officer",
        )
        officer.vstbpn_committee_ids = province
        directive = self._directive(province, district | commune)
        self.authenticate(officer.login, officer.login)
        level = self.env.ref("vstbpn_committee.level_commune")
        response = self.url_open(
            f"/vstbpn_committee/document/{directive.id}/task_board.xlsx"
            f"?level_id={level.id}"
        )
        self.assertEqual(response.status_code, 200)
        self.assertTrue(response.content.startswith(b"PK"))
        self.assertIn("theo-doi-nhiem-vu", response.headers["Content-Disposition"])
        missing = self.url_open("/vstbpn_committee/document/0/task_board.xlsx")
        self.assertEqual(missing.status_code, 400)

    def _tree(self):
        Committee = self.env["vstbpn.committee"]
        province = Committee.create(
            {
                "name": "Tour Board Province",
                "code": "TOURB-P",
                "document_symbol": "TOURB",
                "level_id": self.env.ref("vstbpn_committee.level_province").id,
            }
        )
        district = Committee.create(
            {
                "name": "Tour Board District",
                "code": "TOURB-D",
                "parent_id": province.id,
                "level_id": self.env.ref("vstbpn_committee.level_district").id,
            }
        )
        commune = Committee.create(
            {
                "name": "Tour Board Commune",
                "code": "TOURB-C",
                "parent_id": district.id,
                "level_id": self.env.ref("vstbpn_committee.level_commune").id,
            }
        )
        return province, district, commune

    def _directive(self, province, units):
        """Issued a week ago, its one task due two days ago (Viet Nam)."""
        today = fields.Date.context_today(
            self.env["res.users"].with_context(tz="Asia/Ho_Chi_Minh")
        )
        document = self.env["vstbpn.document"].create(
            {
                "committee_id": province.id,
                "document_type_id": self.env.ref(
                    "vstbpn_committee.document_type_letter"
                ).id,
                "date": today - timedelta(days=7),
                "subject": "triển khai nhiệm vụ của tour",
                "addressee_committee_ids": [Command.set(units.ids)],
                "body": "<p>Các đơn vị báo cáo.</p>",
                "signer_title": "Trưởng ban",
                "signer_name": "Người ký",
            }
        )
        self.env["vstbpn.document.task"].create(
            {
                "document_id": document.id,
                "name": "Báo cáo kết quả",
                "deadline": today - timedelta(days=2),
            }
        )
        document.action_issue()
        return document
