from datetime import date

from odoo import Command
from odoo.tests import tagged

from .common import YEAR, VstbpnCampaignCase

NO_MEETING = "Action Month organised, but no meeting reported"
CROWDED = "{left} participants: more than the halls hold ({right})"


@tagged("post_install", "-at_install")
class TestFilledFiguresAreChecked(VstbpnCampaignCase):
    """The Action Month figures that fill themselves (in one SQL statement,
    not through write()) are checked against the validation rules like
    typed ones: the unit sees what they break before it submits."""

    def setUp(self):
        super().setUp()
        self._done(self._activity(), 60, 35)

    def _warning(self, template, left, right, message):
        """A warning rule on ``template``: left ≤ right."""
        return self.env["vstbpn.validation.rule"].create(
            {
                "name": message,
                "left_expression": left,
                "operator": "le",
                "right_expression": right,
                "importance": "warning",
                "message": message,
                "template_ids": [Command.set(template.ids)],
            }
        )

    @staticmethod
    def _report(period, committee):
        return period.report_ids.filtered(lambda r: r.committee_id == committee)

    def test_opening_checks_the_figures_it_fills(self):
        """ACT-08 (Action Month organised) answers itself when the annual
        period opens: a rule it breaks shows at once."""
        template = self.env.ref("vstbpn_reporting.template_annual")
        rule = self._warning(template, "[ACT-08]", "[ACT-01]", NO_MEETING)
        period = self.env["vstbpn.report.period"].create(
            {
                "name": "Annual 2017",
                "template_id": template.id,
                "committee_id": self.province.id,
                "date_from": date(YEAR, 1, 1),
                "date_to": date(YEAR, 12, 31),
            }
        )
        period = period.with_user(self.officer_p)
        period.action_open()
        report_a = self._report(period, self.district_a)
        violation = report_a.violation_ids.filtered(lambda v: v.rule_id == rule)
        self.assertEqual((violation.left_value, violation.right_value), (1, 0))
        self.assertEqual(violation.message, NO_MEETING)
        # no activity, nothing organised: the rule has nothing to check
        commune = self._report(period, self.commune_a1)
        self.assertFalse(commune.violation_ids.filtered(lambda v: v.rule_id == rule))

    def test_refilling_checks_the_figures_again(self):
        template = self.env.ref("vstbpn_campaign.template_action_month")
        rule = self._warning(template, "[AM-15.total]", "100", CROWDED)
        self.campaign.with_user(self.officer_p).action_request_reports()
        report_a = self._report(self.campaign.period_ids, self.district_a)
        self.assertFalse(report_a.violation_ids.filtered(lambda v: v.rule_id == rule))
        self._done(self._activity(name="Late talk"), 5, 5)
        report_a.with_user(self.officer_a).action_fill_campaign_values()
        violation = report_a.violation_ids.filtered(lambda v: v.rule_id == rule)
        self.assertEqual(violation.left_value, 105)
        self.assertIn("participants: more than the halls hold", violation.message)
