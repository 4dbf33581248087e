from datetime import date

from odoo.tests import tagged

from .common import YEAR, VstbpnCampaignCase


@tagged("post_install", "-at_install")
class TestActionMonthAsAFigureSource(VstbpnCampaignCase):
    """The Action Month is one source of the registry of automatic figures:
    a key and its method, written by the shared writer, not a fill of its
    own."""

    def test_the_registry_lists_the_action_month(self):
        Source = self.env["vstbpn.figure.source"]
        source = Source._sources()["campaign"]
        self.assertIn("campaign_participants", source.indicator_sources)
        self.assertFalse(source.checked, "activities are checked when validated")
        self.assertTrue(hasattr(Source, "_figures_campaign"))
        fill = type(self.env["vstbpn.report"])._fill_automatic_values
        self.assertEqual(
            fill.__module__,
            "odoo.addons.vstbpn_reporting.models.vstbpn_indicator_source",
            "the Action Month does not override the fill",
        )

    def test_refilling_the_action_month_leaves_the_other_sources_alone(self):
        self._done(self._activity(), 60, 35)
        period = (
            self.env["vstbpn.report.period"]
            .with_user(self.officer_p)
            .create(
                {
                    "name": "Annual 2017",
                    "template_id": self.env.ref("vstbpn_reporting.template_annual").id,
                    "committee_id": self.province.id,
                    "date_from": date(YEAR, 1, 1),
                    "date_to": date(YEAR, 12, 31),
                }
            )
        )
        period.action_open()
        report_a = period.report_ids.filtered(
            lambda r: r.committee_id == self.district_a
        ).with_user(self.officer_a)
        staff, participants = (
            report_a.value_ids.filtered(lambda v, i=indicator: v.indicator_id == i)
            for indicator in (
                self.env.ref("vstbpn_reporting.indicator_hr_staff"),
                self.env.ref("vstbpn_campaign.indicator_am_participants"),
            )
        )
        staff.write({"female": 4, "male": 2})
        self._done(self._activity(name="Late talk"), 5, 5)
        report_a.action_fill_campaign_values()
        self.assertEqual(participants.total, 105)
        self.assertEqual(participants.result_total, 105)
        self.assertEqual((staff.female, staff.male, staff.total), (4, 2, 6))
