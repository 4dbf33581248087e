from odoo.tests import tagged

from odoo.addons.vstbpn_committee.tests.reason_wizard_common import ReasonWizardSteps

from .common import VstbpnCampaignCase


@tagged("post_install", "-at_install")
class TestPlanReasonWizard(ReasonWizardSteps, VstbpnCampaignCase):
    """An Action Month plan returned, an activity cancelled, through the one
    reason wizard: by whoever may, with the reason on record."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan_a.with_user(cls.officer_a).action_submit()

    def test_plan_returned_with_the_reason_on_record(self):
        wizard = self._opened(self.plan_a, self.officer_p, "action_open_return_wizard")
        wizard.action_confirm()
        plan = self.plan_a
        self.assertEqual(plan.state, "draft")
        self.assertEqual(plan.return_reason, self.REASON)
        self.assertEqual(plan.returned_user_id, self.officer_p)
        self.assertEqual(plan.date_returned, self.today())
        self.assertIn(self.REASON, self._last_note(plan))

    def test_activity_cancelled_with_the_reason_on_record(self):
        activity = self._activity(plan=self.plan_b, user=self.officer_b)
        wizard = self._opened(activity, self.officer_b, "action_open_cancel_wizard")
        wizard.action_confirm()
        self.assertEqual(activity.state, "cancelled")
        self.assertEqual(activity.cancel_reason, self.REASON)

    def test_an_empty_reason_is_refused(self):
        activity = self._activity(plan=self.plan_b, user=self.officer_b)
        self._assert_empty_reason_refused(self.plan_a, "action_return", self.officer_p)
        self._assert_empty_reason_refused(activity, "action_cancel", self.officer_b)
        self.assertEqual(self.plan_a.state, "submitted")
        self.assertEqual(activity.state, "planned")

    def test_other_methods_and_other_units_are_refused(self):
        activity = self._activity(plan=self.plan_b, user=self.officer_b)
        for records, action_name in (
            (self.plan_a, "action_approve"),
            (self.plan_a, "action_cancel"),
            (activity, "action_return"),
            (activity, "action_reset_to_planned"),
        ):
            with self.subTest(model=records._name, action=action_name):
                self._assert_refused(records, action_name, self.officer_p)
        # a sibling unit reaches neither the plan nor the activity
        self._assert_refused(self.plan_a, "action_return", self.officer_b)
        self._assert_refused(activity, "action_cancel", self.officer_a)
        self.assertEqual(self.plan_a.state, "submitted")
        self.assertEqual(activity.state, "planned")

    def test_can_review_and_can_edit(self):
        plan = self.plan_b
        self.assertTrue(plan.with_user(self.officer_p).can_review)
        self.assertFalse(plan.with_user(self.officer_p).can_edit)
        self.assertFalse(plan.with_user(self.officer_b).can_review)
        self.assertTrue(plan.with_user(self.officer_b).can_edit)
        self.assertFalse(plan.with_user(self.officer_a).can_edit)
        plan.with_user(self.officer_b).action_submit()
        self.assertFalse(plan.with_user(self.officer_b).can_edit)
