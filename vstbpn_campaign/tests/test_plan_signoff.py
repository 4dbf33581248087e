from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import VstbpnCampaignCase


@tagged("post_install", "-at_install")
class TestPlanSignoff(VstbpnCampaignCase):
    """District A signs its Action Month plan before the organiser gets it:
    its head signs, and the plan is submitted, as the head."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.district_a.signoff_required = True
        cls.head_user_a = cls._new_user("t_head_a", "officer", cls.district_a)
        cls.head_a = cls._signatory(
            cls.district_a, cls.head_user_a, "Trần Thị Thu Hà", "head"
        )
        cls.plan_a.with_user(cls.officer_a).objectives = "<p>Đến từng phường.</p>"

    def test_the_plan_reaches_the_organiser_once_signed(self):
        with self.assertRaisesText(AccessError, "ký duyệt"):
            self.vi(self.plan_a.with_user(self.officer_a)).action_submit()
        self.plan_a.with_user(self.officer_a).action_request_signoff(self.head_a.id)
        with self.assertRaises(UserError):
            self.plan_a.with_user(self.officer_a).objectives = "<p>Khác</p>"
        # the signer returns it: the officer corrects and submits it again
        self.plan_a.signoff_id.with_user(self.head_user_a).action_return(
            "Bổ sung đối tác"
        )
        self.plan_a.with_user(self.officer_a).partner_ids = self.partner
        self.plan_a.with_user(self.officer_a).action_request_signoff(self.head_a.id)
        self.plan_a.signoff_id.with_user(self.head_user_a).action_sign()
        self.assertEqual(self.plan_a.state, "submitted")
        self.assertEqual(self.plan_a.submitted_user_id, self.head_user_a)
        self.plan_a.with_user(self.officer_p).action_approve()
        self.assertEqual(self.plan_a.state, "approved")
        # district B, which does not sign off, submits as before
        self.plan_b.with_user(self.officer_b).action_submit()
        self.assertEqual(self.plan_b.state, "submitted")
