from datetime import date, timedelta

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import VstbpnReportingCase


@tagged("post_install", "-at_install")
class TestConsolidation(VstbpnReportingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._open_period_with_reports()

    def _fill_districts(self):
        self._fill(
            self.report_a,
            {
                self.ind_participants: {"female": 30, "male": 10},
                self.ind_meetings: {"value_number": 2},
                self.ind_victims: {"female": 8, "male": 2},
                self.ind_supported: {"female": 6, "male": 1},
                self.ind_council_women: {"value_number": 2},
                self.ind_deputies: {"value_number": 10},
                self.ind_council: {"value_number": 20},
                self.ind_avg: {"value_number": 20},
                self.ind_min: {"value_number": 3},
                self.ind_max: {"value_number": 3},
                self.ind_plan: {"value_bool": True},
                self.ind_text: {"value_text": "No budget"},
            },
        )
        self._fill(
            self.report_b,
            {
                self.ind_participants: {"female": 15, "male": 5},
                self.ind_meetings: {"value_number": 1},
                self.ind_victims: {"female": 12, "male": 3},
                self.ind_supported: {"female": 12, "male": 0},
                self.ind_council_women: {"value_number": 12},
                self.ind_deputies: {"value_number": 40},
                self.ind_council: {"value_number": 30},
                self.ind_avg: {"value_number": 30},
                self.ind_min: {"value_number": 5},
                self.ind_max: {"value_number": 5},
                self.ind_plan: {"value_bool": False},
                self.ind_text: {"value_text": "Staff changes"},
            },
        )

    def _submit_and_accept(self, reports):
        reports.action_submit()
        reports.with_user(self.officer_p).action_accept()

    def test_only_committees_with_units_below_offer_consolidation(self):
        self.assertTrue(self.report_p.has_units_below)
        self.assertFalse(self.report_a.has_units_below)

    def test_consolidation_follows_each_rule(self):
        self._fill_districts()
        self._fill(self.report_p, {self.ind_meetings: {"value_number": 4}})
        self._submit_and_accept(self.report_a | self.report_b)
        self.report_p.with_user(self.officer_p).action_consolidate()

        def result(indicator):
            value = self._value(self.report_p, indicator)
            return (value.result_female, value.result_male, value.result_total)

        self.assertTrue(self.report_p.is_consolidated)
        self.assertEqual(result(self.ind_participants), (45, 15, 60), "sum by sex")
        self.assertEqual(self._value(self.report_p, self.ind_meetings).result_number, 7)
        self.assertEqual(self._value(self.report_p, self.ind_avg).result_number, 25)
        # 14 women among 50 deputies, not the average of 20 % and 30 %
        self.assertEqual(self._value(self.report_p, self.ind_council).result_number, 28)
        self.assertEqual(self._value(self.report_p, self.ind_min).result_number, 3)
        self.assertEqual(self._value(self.report_p, self.ind_max).result_number, 5)
        self.assertEqual(self._value(self.report_p, self.ind_plan).result_yes, 1)
        # ratio from the sums (18/20, 1/5, 19/25), not the average of the ratios
        self.assertEqual(result(self.ind_support_rate), (90.0, 20.0, 76.0))
        text = self._value(self.report_p, self.ind_text).result_text
        self.assertIn("District A: No budget", text)
        self.assertIn("District B: Staff changes", text)
        self.assertEqual(
            self.report_p.consolidated_report_ids, self.report_a | self.report_b
        )
        self.assertFalse(self.report_p.missing_committee_ids)
        # the unit's own input is kept apart from the consolidated figures
        self.assertEqual(self._value(self.report_p, self.ind_meetings).value_number, 4)

    def test_breakdown_per_unit(self):
        self._fill_districts()
        self._submit_and_accept(self.report_a | self.report_b)
        self.report_p.action_consolidate()
        breakdown = self.report_p._get_consolidation_breakdown()
        self.assertEqual(
            breakdown[self.ind_participants][self.district_a][:3], (30, 10, 40)
        )
        self.assertEqual(
            breakdown[self.ind_participants][self.district_b][:3], (15, 5, 20)
        )
        action = self.report_p.action_open_breakdown()
        values = self.env["vstbpn.report.value"].search(action["domain"])
        self.assertEqual(
            values.committee_id, self.province | self.district_a | self.district_b
        )

    def test_only_accepted_unless_submitted_asked_and_missing_listed(self):
        self._fill_districts()
        self._submit_and_accept(self.report_a)
        self.report_b.action_submit()
        self.report_p.action_consolidate()
        self.assertEqual(self.report_p.missing_committee_ids, self.district_b)
        self.assertEqual(
            self._value(self.report_p, self.ind_participants).result_total, 40
        )
        self.report_p.action_consolidate_with_submitted()
        self.assertFalse(self.report_p.missing_committee_ids)
        self.assertEqual(
            self._value(self.report_p, self.ind_participants).result_total, 60
        )

    def test_late_units_are_listed(self):
        self._fill_districts()
        self.period.deadline = date.today() - timedelta(days=1)
        self._submit_and_accept(self.report_a | self.report_b)
        self.report_p.action_consolidate()
        self.assertEqual(
            self.report_p.late_committee_ids, self.district_a | self.district_b
        )

    def test_ratio_with_missing_denominator_is_refused(self):
        self._fill(self.report_a, {self.ind_supported: {"female": 2, "male": 1}})
        self._submit_and_accept(self.report_a)
        with self.assertRaisesText(ValidationError, "đang thiếu hoặc bằng 0"):
            self.vi(self.report_p).action_consolidate()
        self.assertFalse(self.report_p.is_consolidated)

    def test_level_by_level(self):
        """Commune → district → province: each level consolidates the one below."""
        commune = self.env["vstbpn.committee"].create(
            {
                "name": "Commune A1",
                "code": "T-P-A-1",
                "level_id": self.env.ref("vstbpn_committee.level_commune").id,
                "parent_id": self.district_a.id,
            }
        )
        period = self._open_period(
            name="Three levels", deadline=date.today() + timedelta(days=5)
        )
        report_c = self._report(period, commune)
        report_a = self._report(period, self.district_a)
        report_b = self._report(period, self.district_b)
        report_p = self._report(period, self.province)
        self._fill(report_c, {self.ind_participants: {"female": 7, "male": 3}})
        self._fill(report_a, {self.ind_participants: {"female": 1, "male": 1}})
        self._fill(report_b, {self.ind_participants: {"female": 5, "male": 5}})
        self._submit_and_accept(report_c)
        report_a.action_consolidate()
        self.assertEqual(self._value(report_a, self.ind_participants).result_total, 12)
        self._submit_and_accept(report_a | report_b)
        report_p.action_consolidate()
        self.assertEqual(self._value(report_p, self.ind_participants).result_female, 13)
        self.assertEqual(self._value(report_p, self.ind_participants).result_total, 22)

    def test_query_count_does_not_grow_with_units(self):
        self._fill_districts()
        self._submit_and_accept(self.report_a | self.report_b)
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        self.report_p.action_consolidate()
        two_units = self.cr.sql_log_count - start

        self._add_districts(4, "T-P-Y")
        period = self._open_period(
            name="Six", deadline=date.today() + timedelta(days=5)
        )
        children = period.report_ids - self._report(period, self.province)
        for report in children:
            self._fill(report, {self.ind_participants: {"female": 1, "male": 2}})
        children.action_submit()
        children.action_accept()
        report_p = self._report(period, self.province)
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        report_p.action_consolidate()
        six_units = self.cr.sql_log_count - start
        self.assertEqual(self._value(report_p, self.ind_participants).result_total, 18)
        self.assertLessEqual(six_units, two_units + 2)

    def test_undo_consolidation_reports_own_figures_again(self):
        self._fill_districts()
        self._fill(self.report_p, {self.ind_meetings: {"value_number": 4}})
        self._submit_and_accept(self.report_a | self.report_b)
        self.report_p.action_consolidate()
        meetings = self._value(self.report_p, self.ind_meetings)
        self.assertEqual(meetings.result_number, 7)
        self.report_p.action_cancel_consolidation()
        self.assertFalse(self.report_p.is_consolidated)
        self.assertEqual(meetings.result_number, 4)
        self.assertFalse(self.report_p.consolidated_report_ids)
