from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from ...tests.common_operations import VstbpnOperationsCase


@tagged("post_install", "-at_install")
class TestWorkPlanSignoff(VstbpnOperationsCase):
    """District A signs its work plan before it goes to the province: its
    deputy head signs KT. TRƯỞNG BAN, and the plan is then submitted, as the
    deputy, for the province's approval."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.district_a.signoff_required = True
        cls.deputy_user_a = cls._new_user("t_deputy_a", "officer", cls.district_a)
        cls.deputy_a = cls._signatory(
            cls.district_a, cls.deputy_user_a, "Võ Văn Tâm", "deputy_head"
        )
        cls.plan = cls._plan(cls.district_a, cls.officer_a)

    def test_the_signed_plan_is_submitted_as_the_signer(self):
        with self.assertRaisesText(AccessError, "ký duyệt"):
            self.vi(self.plan.with_user(self.officer_a)).action_submit()
        self.plan.with_user(self.officer_a).action_request_signoff(self.deputy_a.id)
        self.assertEqual(self.plan.signoff_state, "submitted")
        # waiting for signature: neither changed nor submitted
        with self.assertRaises(UserError):
            self.plan.with_user(self.officer_a).write({"objectives": "<p>Khác</p>"})
        with self.assertRaises(AccessError):
            self.plan.signoff_id.with_user(self.officer_a).action_sign()
        self.plan.signoff_id.with_user(self.deputy_user_a).action_sign()
        self.assertEqual(self.plan.state, "submitted")
        self.assertEqual(self.plan.submitted_user_id, self.deputy_user_a)
        signature = self.plan._vstbpn_document_signature()
        self.assertEqual(
            (signature["authority"], signature["body"], signature["title"]),
            ("KT.", "TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"),
        )
        self.assertEqual(signature["name"], "Võ Văn Tâm")
        # approved above, and issued with the signer's block
        self.plan.with_user(self.manager_p).action_approve()
        self.assertEqual(self.plan.state, "approved")

    def test_returned_by_the_province_it_is_signed_again(self):
        self.plan.with_user(self.officer_a).action_request_signoff(self.deputy_a.id)
        self.plan.signoff_id.with_user(self.deputy_user_a).action_sign()
        self.plan.with_user(self.manager_p).action_return("Thiếu dự toán tập huấn")
        self.plan.with_user(self.officer_a).write({"objectives": "<p>Sửa</p>"})
        # the first signature was used: a new submission needs a new one
        with self.assertRaises(AccessError):
            self.plan.with_user(self.deputy_user_a).action_submit()
        self.plan.with_user(self.officer_a).action_request_signoff(self.deputy_a.id)
        self.plan.signoff_id.with_user(self.deputy_user_a).action_sign()
        self.assertEqual(self.plan.state, "submitted")
        self.assertEqual(self.plan.signoff_count, 2)
