from datetime import date, datetime

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import YEAR, VstbpnCampaignCase


@tagged("post_install", "-at_install")
class TestReporting(VstbpnCampaignCase):
    """The campaign's results fill the Action Month report and the annual
    report without retyping, and consolidate upward like any other figure."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.ind_activities = ref("vstbpn_campaign.indicator_am_activities")
        cls.ind_talks = ref("vstbpn_campaign.indicator_am_format_talk")
        cls.ind_participants = ref("vstbpn_campaign.indicator_am_participants")
        cls.ind_cash = ref("vstbpn_campaign.indicator_am_cash")
        cls.ind_partners = ref("vstbpn_campaign.indicator_am_partners")
        cls.ind_views = ref("vstbpn_campaign.indicator_am_views")
        cls.ind_held = ref("vstbpn_reporting.indicator_act_action_month")

    def setUp(self):
        super().setUp()
        self.talk_a = self._done(
            self._activity(
                partner_line_ids=[
                    Command.create(
                        {
                            "partner_id": self.partner.id,
                            "role": "enterprise",
                            "cash_amount": 3_000_000,
                        }
                    ),
                ]
            ),
            20,
            10,
        )
        self._done(self._activity(format_id=self.launch.id, name="Launch"), 40, 25)
        self._done(
            self._activity(format_id=self.social.id, name="Posts"),
            0,
            0,
            online_posts=3,
            online_views=900,
        )
        self._activity(name="Planned only")
        self.talk_b = self._done(
            self._activity(plan=self.plan_b, user=self.officer_b), 8, 4
        )

    def _value(self, report, indicator):
        return report.value_ids.filtered(lambda v: v.indicator_id == indicator)

    def _report(self, period, committee):
        return period.report_ids.filtered(lambda r: r.committee_id == committee)

    def test_results_report_fills_itself(self):
        action = self.campaign.with_user(self.officer_p).action_request_reports()
        period = self.campaign.period_ids
        self.assertEqual(action["domain"], [("period_id", "=", period.id)])
        self.assertEqual(
            period.template_id, self.env.ref("vstbpn_campaign.template_action_month")
        )
        self.assertEqual(period.state, "open")
        self.assertEqual(period.deadline, self.campaign.report_deadline)
        report_a = self._report(period, self.district_a)
        participants = self._value(report_a, self.ind_participants)
        self.assertEqual(
            (participants.female, participants.male, participants.total), (60, 35, 95)
        )
        self.assertEqual(participants.result_total, 95)
        self.assertEqual(self._value(report_a, self.ind_activities).value_number, 3)
        self.assertEqual(
            self._value(report_a, self.ind_talks).value_number, 1, "by format"
        )
        self.assertEqual(self._value(report_a, self.ind_cash).value_number, 3_000_000)
        self.assertEqual(self._value(report_a, self.ind_partners).value_number, 1)
        self.assertEqual(self._value(report_a, self.ind_views).value_number, 900)
        report_b = self._report(period, self.district_b)
        self.assertEqual(self._value(report_b, self.ind_participants).total, 12)
        with self.assertRaises(UserError):
            self.campaign.with_user(self.officer_p).action_request_reports()

    def test_consolidated_upward(self):
        self.campaign.with_user(self.officer_p).action_request_reports()
        period = self.campaign.period_ids
        for unit, user in (
            (self.district_a, self.officer_a),
            (self.district_b, self.officer_b),
        ):
            self._report(period, unit).with_user(user).action_submit()
            self._report(period, unit).with_user(self.officer_p).action_accept()
        province = self._report(period, self.province).with_user(self.officer_p)
        province.action_consolidate()
        participants = self._value(province, self.ind_participants)
        self.assertEqual(
            (
                participants.result_female,
                participants.result_male,
                participants.result_total,
            ),
            (68, 39, 107),
        )
        self.assertEqual(self._value(province, self.ind_activities).result_number, 4)

    def test_refill_until_submitted(self):
        self.campaign.with_user(self.officer_p).action_request_reports()
        report_a = self._report(self.campaign.period_ids, self.district_a).with_user(
            self.officer_a
        )
        self._done(self._activity(name="Late talk"), 5, 5)
        self.assertEqual(self._value(report_a, self.ind_participants).total, 95)
        report_a.action_fill_campaign_values()
        self.assertEqual(self._value(report_a, self.ind_participants).total, 105)
        self.assertTrue(report_a.has_campaign_sources)
        self.assertFalse(report_a.has_hr_sources)
        report_a.action_submit()
        with self.assertRaises(UserError):
            report_a.action_fill_campaign_values()

    def test_units_fill_only_their_own_report(self):
        self.campaign.with_user(self.officer_p).action_request_reports()
        report_a = self._report(self.campaign.period_ids, self.district_a)
        with self.assertRaises(UserError):
            report_a.with_user(self.officer_b).action_fill_campaign_values()

    def test_annual_report_takes_the_same_figures(self):
        template = self.env.ref("vstbpn_reporting.template_annual")
        self.assertIn(self.ind_participants, template.line_ids.indicator_id)
        period = (
            self.env["vstbpn.report.period"]
            .with_user(self.officer_p)
            .create(
                {
                    "name": "Annual 2017",
                    "template_id": template.id,
                    "committee_id": self.province.id,
                    "date_from": date(YEAR, 1, 1),
                    "date_to": date(YEAR, 12, 31),
                }
            )
        )
        period.action_open()
        report_a = self._report(period, self.district_a)
        self.assertEqual(self._value(report_a, self.ind_participants).total, 95)
        self.assertTrue(
            self._value(report_a, self.ind_held).value_bool, "Action Month organised"
        )
        commune = self._report(period, self.commune_a1)
        self.assertFalse(self._value(commune, self.ind_held).value_bool)

    def test_other_years_are_not_counted(self):
        period = (
            self.env["vstbpn.report.period"]
            .with_user(self.officer_p)
            .create(
                {
                    "name": "Annual 2018",
                    "template_id": self.env.ref("vstbpn_reporting.template_annual").id,
                    "committee_id": self.province.id,
                    "date_from": date(YEAR + 1, 1, 1),
                    "date_to": date(YEAR + 1, 12, 31),
                }
            )
        )
        period.action_open()
        self.assertEqual(
            self._value(
                self._report(period, self.district_a), self.ind_participants
            ).total,
            0,
        )

    def test_figures_in_one_pass(self):
        """A fixed number of queries (two grouped reads), whatever the units."""
        indicator = self.ind_participants
        period = self.env["vstbpn.report.period"].new(
            {"date_from": date(YEAR, 1, 1), "date_to": date(YEAR, 12, 31)}
        )
        units = self.district_a | self.district_b | self.commune_a1 | self.province
        self.env.flush_all()
        with self.assertQueryCount(__system__=3):
            figures = indicator._get_campaign_figures(units, period)
        self.assertEqual(figures[self.district_b.id]["actual_total"], 12)
        self.assertEqual(figures[self.commune_a1.id]["activities"], {})
        self.assertEqual(self.talk_a.date_start, datetime(YEAR, 11, 20, 2))
