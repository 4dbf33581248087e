import html

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import YEAR, VstbpnCampaignCase

REPORT = "vstbpn_campaign.vstbpn_campaign_plan_report"


@tagged("post_install", "-at_install")
class TestPlanPrint(VstbpnCampaignCase):
    """A unit's Action Month plan prints as a KẾ HOẠCH in the layout of
    Decree 30/2020/NĐ-CP and, once approved, is issued in the unit's series."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.district_a.document_symbol = "BVSTBPN"
        cls.Member.create(
            {
                "committee_id": cls.district_a.id,
                "partner_id": cls.bob.id,
                "role": "head",
                "date_start": "2015-01-01",
            }
        )
        cls.plan_a.with_user(cls.officer_a).write(
            {
                "objectives": "<p>Đến với mọi phường, xã.</p>",
                "partner_ids": [(6, 0, cls.partner.ids)],
                "budget_line_ids": [
                    (
                        0,
                        0,
                        {
                            "category_id": cls.env.ref(
                                "vstbpn_committee.budget_category_communication"
                            ).id,
                            "amount": 15000000,
                        },
                    )
                ],
            }
        )

    def _approved(self):
        self._activity()
        self.plan_a.with_user(self.officer_a).action_submit()
        self.plan_a.with_user(self.officer_p).action_approve()
        return self.plan_a

    def _html(self, plan):
        return html.unescape(
            self.env["ir.actions.report"]
            ._render_qweb_html(REPORT, plan.ids)[0]
            .decode()
        )

    def test_the_plan_prints_its_activities_targets_and_signer_in_vietnamese(self):
        plan = self._approved()
        printed = self._html(plan)
        for text in [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "KẾ HOẠCH",
            f"Tổ chức {plan.campaign_id.name}",
            "Đến với mọi phường, xã.",
            "Chung tay chấm dứt bạo lực đối với phụ nữ và trẻ em gái",
            # the activities, their time and place, and the targets
            "HOẠT ĐỘNG",
            "Talk on gender equality",
            "Ward hall",
            f"20/11/{YEAR}",
            "CHỈ TIÊU",
            "Enterprise E",
            "15.000.000",
            # the signature block
            "Nơi nhận:",
            "Province P",
            "TM. DISTRICT A",
            "TRƯỞNG BAN",
            "Bob",
        ]:
            self.assertIn(text, printed)
        self.assertIn("30 nữ", printed)
        self.assertNotIn("Dự thảo", printed)
        self.assertIn("/KH-BVSTBPN", printed, "room for the number")

    def test_the_approved_plan_is_issued_in_the_units_series(self):
        plan = self._approved()
        plan.with_user(self.officer_a).action_issue_document()
        document = plan.document_id
        self.assertEqual(document.document_reference, "01/KH-BVSTBPN")
        self.assertEqual(document.state, "issued")
        self.assertEqual(document.committee_id, self.district_a)
        self.assertEqual(document.signer_name, "Bob")
        self.assertIn("Talk on gender equality", document.body)
        register = self.env["vstbpn.document"].with_user(self.officer_a)
        self.assertIn(
            document, register.search([("committee_id", "=", self.district_a.id)])
        )
        plan.with_user(self.officer_a).action_print()
        self.assertEqual(plan.document_id, document, "issued once")
        self.assertIn("01/KH-BVSTBPN", self._html(plan))

    def test_printing_the_approved_plan_issues_it_for_the_units_officer(self):
        plan = self._approved()
        # the organiser prints it without numbering it in the unit's series
        action = plan.with_user(self.officer_p).action_print()
        self.assertEqual(
            action["report_name"], "vstbpn_campaign.vstbpn_campaign_plan_document"
        )
        self.assertFalse(plan.document_id)
        plan.with_user(self.officer_a).action_print()
        self.assertEqual(plan.document_id.document_reference, "01/KH-BVSTBPN")

    def test_issuing_is_refused_before_approval_and_to_others(self):
        self._activity()
        plan = self.plan_a
        self.assertIn("(Dự thảo, chưa được phê duyệt)", self._html(plan))
        with self.assertRaisesText(UserError, "chưa được phê duyệt"):
            self.vi(plan.with_user(self.officer_a)).action_issue_document()
        plan.with_user(self.officer_a).action_submit()
        with self.assertRaisesText(UserError, "chưa được phê duyệt"):
            self.vi(plan.with_user(self.officer_a)).action_issue_document()
        plan.with_user(self.officer_p).action_approve()
        # a sibling unit does not even read the plan
        with self.assertRaises(AccessError):
            plan.with_user(self.officer_b).action_issue_document()
        # the organiser reads it, but the unit numbers its own documents
        with self.assertRaisesText(AccessError, "cán bộ của District A"):
            self.vi(plan.with_user(self.officer_p)).action_issue_document()
        self.assertFalse(plan.document_id)
