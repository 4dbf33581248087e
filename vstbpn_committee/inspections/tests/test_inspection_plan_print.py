import html

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from ...tests.common_operations import VstbpnOperationsCase

REPORT = "vstbpn_committee.vstbpn_inspection_plan_report"


@tagged("post_install", "-at_install")
class TestInspectionPlanPrint(VstbpnOperationsCase):
    """The inspection plan prints as a KẾ HOẠCH in the layout of Decree
    30/2020/NĐ-CP and, once confirmed, is issued in its committee's series."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Member.create(
            {
                "committee_id": cls.province.id,
                "partner_id": cls.bob.id,
                "role": "head",
                "date_start": "2020-01-01",
            }
        )
        # a plain member of the province's committee, who may lead a team
        cls.member_p = cls._new_member_user(
            "t_print_member_p", "Member of P", cls.province
        )

    def _plan_of_the_province(self, leader=None):
        plan = self._inspection_plan(
            self.province,
            self.district_a | self.district_b,
            user=self.officer_p,
            leader=leader,
        )
        plan.team_ids.filtered(
            lambda m: m.role == "member"
        ).job_title = "Chuyên viên Sở Nội vụ"
        return plan

    def _html(self, plan):
        return html.unescape(
            self.env["ir.actions.report"]
            ._render_qweb_html(REPORT, plan.ids)[0]
            .decode()
        )

    def test_the_plan_prints_its_team_units_areas_and_signer_in_vietnamese(self):
        plan = self._plan_of_the_province()
        plan.with_user(self.officer_p).action_confirm()
        printed = self._html(plan)
        for text in [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "KẾ HOẠCH",
            plan.name,
            "MỤC ĐÍCH, YÊU CẦU",
            "ĐOÀN KIỂM TRA",
            # the team: its members, their positions and roles
            "Alice",
            "Chuyên viên Sở Nội vụ",
            self.officer_p.partner_id.name,
            "Trưởng đoàn",
            # the units inspected and their dates
            "District A",
            "District B",
            f"10/09/{self.YEAR}",
            f"11/09/{self.YEAR}",
            # the signature block
            "Nơi nhận:",
            "TM. PROVINCE P",
            "TRƯỞNG BAN",
            "Bob",
        ]:
            self.assertIn(text, printed)
        self.assertLess(printed.index("District A"), printed.index("District B"))
        # the six areas of the 2017 directive, in Vietnamese
        areas = self.vi(self.areas)
        self.assertEqual(len(areas), 6)
        for area in areas:
            self.assertIn(area.name, printed)
        self.assertNotIn("Team Leader", printed)
        # not issued yet: room for the number, no draft mark once confirmed
        self.assertIn("/KH", printed)
        self.assertNotIn("chưa xác nhận", printed)

    def test_a_draft_prints_as_a_draft_and_is_not_issued(self):
        self.province.document_symbol = "BVSTBPN"
        plan = self._plan_of_the_province()
        action = plan.with_user(self.officer_p).action_print()
        self.assertEqual(
            action["report_name"], "vstbpn_committee.vstbpn_inspection_plan_document"
        )
        self.assertFalse(plan.document_id)
        self.assertIn("(Dự thảo, chưa xác nhận)", self._html(plan))

    def test_the_confirmed_plan_is_issued_in_the_committees_series(self):
        self.province.document_symbol = "BVSTBPN"
        plan = self._plan_of_the_province()
        plan.with_user(self.officer_p).action_confirm()
        plan.with_user(self.officer_p).action_issue_document()
        document = plan.document_id
        self.assertEqual(document.document_reference, "01/KH-BVSTBPN")
        self.assertEqual(document.state, "issued")
        self.assertEqual(plan.date_confirmed, self.today())
        self.assertEqual(document.date, plan.date_confirmed)
        self.assertEqual(document.document_type_id.abbreviation, "KH")
        self.assertEqual(document.signer_name, "Bob")
        self.assertEqual(
            document.addressee_committee_ids, self.district_a | self.district_b
        )
        self.assertIn("Alice", document.body)
        # in the committee's register of documents
        register = self.env["vstbpn.document"].with_user(self.officer_p)
        self.assertIn(
            document,
            register.search(
                [("committee_id", "=", self.province.id), ("state", "=", "issued")]
            ),
        )
        # issued once: printing again prints it with its number
        plan.with_user(self.officer_p).action_print()
        self.assertEqual(plan.document_id, document)
        self.assertIn("01/KH-BVSTBPN", self._html(plan))
        # the inspected unit receives it
        document.with_user(self.officer_a).check_access("read")

    def test_printing_the_confirmed_plan_issues_it(self):
        self.province.document_symbol = "BVSTBPN"
        plan = self._plan_of_the_province()
        plan.with_user(self.officer_p).action_confirm()
        plan.with_user(self.officer_p).action_print()
        self.assertEqual(plan.document_id.document_reference, "01/KH-BVSTBPN")

    def test_issuing_is_refused_before_confirmation_and_to_others(self):
        self.province.document_symbol = "BVSTBPN"
        plan = self._plan_of_the_province(leader=self.member_p)
        with self.assertRaisesText(UserError, "chưa được xác nhận"):
            self.vi(plan.with_user(self.officer_p)).action_issue_document()
        plan.with_user(self.officer_p).action_confirm()
        # a sibling unit does not even read the plan
        with self.assertRaises(AccessError):
            plan.with_user(self.officer_b).action_issue_document()
        # the team's leader reads it, but only officers number documents
        with self.assertRaisesText(AccessError, "cán bộ của Province P"):
            self.vi(plan.with_user(self.member_p)).action_issue_document()
        # nor does the leader's print issue it
        plan.with_user(self.member_p).action_print()
        self.assertFalse(plan.document_id)
