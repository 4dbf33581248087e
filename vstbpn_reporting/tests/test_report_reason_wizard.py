from odoo.tests import tagged

from odoo.addons.vstbpn_committee.tests.reason_wizard_common import ReasonWizardSteps

from .common import VstbpnReportingCase


@tagged("post_install", "-at_install")
class TestReportReasonWizard(ReasonWizardSteps, VstbpnReportingCase):
    """A report returned through the one reason wizard: by the committee
    above only, with a reason kept on record and in the chatter."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._open_period_with_reports()
        cls.report_a.with_user(cls.officer_a).action_submit()

    def test_return_with_the_reason_on_record(self):
        wizard = self._opened(
            self.report_a, self.officer_p, "action_open_return_wizard"
        )
        wizard.action_confirm()
        report = self.report_a
        self.assertEqual(report.state, "draft")
        self.assertEqual(report.return_reason, self.REASON)
        self.assertEqual(report.returned_user_id, self.officer_p)
        self.assertEqual(report.date_returned, self.today())
        self.assertIn(self.REASON, self._last_note(report))
        report.with_user(self.officer_a).action_submit()
        self.assertFalse(report.return_reason or report.returned_user_id)

    def test_an_empty_reason_is_refused(self):
        self._assert_empty_reason_refused(
            self.report_a, "action_return", self.officer_p
        )
        self.assertEqual(self.report_a.state, "submitted")

    def test_other_methods_and_other_units_are_refused(self):
        for action_name in ("action_accept", "action_submit", "unlink", "write"):
            with self.subTest(action=action_name):
                self._assert_refused(self.report_a, action_name, self.officer_p)
        # a sibling does not read the report; the unit does not review itself
        self._assert_refused(self.report_a, "action_return", self.officer_b)
        self._assert_refused(self.report_a, "action_return", self.officer_a)
        self.assertEqual(self.report_a.state, "submitted")

    def test_can_review_and_can_edit(self):
        report = self.report_b
        self.assertTrue(report.with_user(self.officer_p).can_review)
        self.assertFalse(report.with_user(self.officer_p).can_edit)
        self.assertFalse(report.with_user(self.officer_b).can_review)
        self.assertTrue(report.with_user(self.officer_b).can_edit)
        report.with_user(self.officer_b).action_submit()
        self.assertFalse(report.with_user(self.officer_b).can_edit)
