from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import VstbpnReportingCase


@tagged("post_install", "-at_install")
class TestOutliers(VstbpnReportingCase):
    """Figures are flagged against the unit's previous period of the same
    template and against the units under the same committee; the unit may
    explain, the committee above reads the explanation."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.district_c, cls.district_d, cls.district_e = cls._add_districts(3, "T-O-")
        cls.previous = cls._open_period(
            name="Semi-annual 2016",
            date_from=date(2016, 1, 1),
            date_to=date(2016, 6, 30),
        )
        cls._open_period_with_reports()

    def _submit(self, period, committee, meetings):
        report = self._report(period, committee)
        self._fill(report, {self.ind_meetings: {"value_number": meetings}})
        report.action_submit()
        return report

    def _check(self, meetings, report=None):
        """The meetings line of A (or ``report``), once checked with that figure."""
        report = report or self.report_a
        self._fill(report, {self.ind_meetings: {"value_number": meetings}})
        report._check_quality()
        return self._value(report, self.ind_meetings)

    # AGAINST THE PREVIOUS PERIOD

    def test_jump_against_the_previous_period(self):
        self._submit(self.previous, self.district_a, 20)
        value = self._check(40)
        self.assertEqual(value.outlier_kind, "jump")
        self.assertEqual(value.outlier_previous, 20)
        self.assertEqual(
            value.outlier_reason, "40 against 20 in the previous period (+100 %)"
        )
        self.assertEqual(self.report_a.flagged_value_ids, value)
        self.assertEqual(self._check(8).outlier_reason.split(" (")[1], "−60 %)")
        self.assertFalse(self._check(25).outlier_kind, "+25 % is within ±50 %")
        self.assertFalse(self.report_a.flagged_value_ids)

    def test_a_jump_must_also_be_a_minimum_change(self):
        self._submit(self.previous, self.district_a, 2)
        self.assertFalse(self._check(4).outlier_kind, "+100 % but only 2 meetings")
        self.ind_meetings.outlier_min_change = 2
        self.assertEqual(self._check(4).outlier_kind, "jump")

    def test_the_jump_threshold_is_the_indicators(self):
        self._submit(self.previous, self.district_a, 30)
        self.assertFalse(self._check(42).outlier_kind, "+40 %")
        self.ind_meetings.outlier_jump_percent = 30
        self.assertEqual(self._check(42).outlier_kind, "jump")

    def test_compared_with_the_units_latest_earlier_report_only(self):
        older = self._open_period(
            name="Semi-annual 2015",
            date_from=date(2015, 1, 1),
            date_to=date(2015, 6, 30),
        )
        self._submit(older, self.district_a, 100)
        self._submit(self.previous, self.district_a, 38)
        self._submit(self.previous, self.district_b, 10)
        self.assertFalse(self._check(40).outlier_kind, "40 against 38, not 100")
        value_b = self._check(40, self.report_b)
        self.assertEqual((value_b.outlier_kind, value_b.outlier_previous), ("jump", 10))

    def test_a_draft_previous_report_is_no_reference(self):
        self._fill(
            self._report(self.previous, self.district_a),
            {self.ind_meetings: {"value_number": 20}},
        )
        self.assertFalse(self._check(60).outlier_kind)

    # AGAINST THE PEERS

    def _peers(self, *figures):
        for committee, meetings in zip(
            (self.district_b, self.district_c, self.district_d, self.district_e),
            figures,
            strict=False,
        ):
            self._submit(self.period, committee, meetings)

    def test_peers_beyond_three_median_absolute_deviations(self):
        self._peers(10, 12, 14, 16)
        # with A: 10 12 14 16 30, median 14, deviations 4 2 0 2 16, MAD 2
        value = self._check(30)
        self.assertEqual(value.outlier_kind, "peer")
        self.assertEqual(
            (value.outlier_peer_median, value.outlier_peer_deviation), (14, 8)
        )
        self.assertEqual(
            value.outlier_reason,
            "30 while the median of the units under the same committee is 14: 8 "
            "median absolute deviations away",
        )
        self.assertFalse(self._check(19).outlier_kind, "2.5 MAD")

    def test_peer_threshold_and_minimum_change(self):
        self._peers(10, 12, 14, 16)
        # 10 12 14 16 22: 4 MADs, but 8 from the median
        self.assertFalse(self._check(22).outlier_kind)
        self.ind_meetings.outlier_min_change = 5
        self.assertEqual(self._check(22).outlier_kind, "peer")
        self.ind_meetings.outlier_peer_mads = 5
        self.assertFalse(self._check(22).outlier_kind)

    def test_identical_peers_use_the_mean_deviation(self):
        self._peers(10, 10, 10, 10)
        value = self._check(100)
        self.assertEqual(value.outlier_kind, "peer")
        self.assertEqual(value.outlier_peer_deviation, 5)
        self.assertFalse(self._check(12).outlier_kind)

    def test_too_few_figures_make_no_comparison(self):
        self._peers(10)  # with A's: two figures, no median to speak of
        self.assertFalse(self._check(500).outlier_kind)
        self._submit(self.period, self.district_c, 11)
        self.assertEqual(self._check(500).outlier_kind, "peer")

    def test_jump_and_peers_together(self):
        self._submit(self.previous, self.district_a, 20)
        self._peers(10, 12, 14, 16)
        self.assertEqual(self._check(60).outlier_kind, "both")
        self.assertEqual(
            self._value(self.report_a, self.ind_meetings).outlier_previous, 20
        )

    def test_zeros_and_unchecked_indicators_are_never_flagged(self):
        self._submit(self.previous, self.district_a, 20)
        self.assertFalse(self._check(0).outlier_kind)
        self.ind_meetings.outlier_check = False
        self.assertFalse(self._check(60).outlier_kind)

    def test_thresholds_below_zero_are_refused(self):
        for name in ("outlier_jump_percent", "outlier_min_change", "outlier_peer_mads"):
            with (
                self.subTest(name=name),
                self.assertRaisesText(ValidationError, "cannot be below zero"),
            ):
                self.ind_meetings.write({name: -1})

    # EXPLANATION AND REVIEW

    def test_unit_explains_and_the_committee_above_reads_it(self):
        self._submit(self.previous, self.district_a, 20)
        value = self._check(60).with_user(self.officer_a)
        self.assertEqual(self.report_a.unexplained_outlier_count, 1)
        for user in (self.officer_p, self.officer_b):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                value.with_user(user).outlier_explanation = "Not theirs"
        value.outlier_explanation = "Two extraordinary meetings on floods"
        self.report_a._check_quality()
        self.assertEqual(self.report_a.unexplained_outlier_count, 0)
        self.report_a.with_user(self.officer_a).action_submit()
        seen = value.with_user(self.officer_p)
        self.assertEqual(
            (seen.outlier_kind, seen.outlier_explanation),
            ("jump", "Two extraordinary meetings on floods"),
        )
        with self.assertRaises(UserError):
            value.outlier_explanation = "Too late: the report is submitted"

    def test_flags_are_the_systems(self):
        self._submit(self.previous, self.district_a, 20)
        value = self._check(60).with_user(self.officer_a)
        for vals in ({"outlier_kind": False}, {"outlier_previous": 60}):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                value.write(vals)

    def test_outliers_do_not_block_submission(self):
        self._submit(self.previous, self.district_a, 20)
        self._fill(self.report_a, {self.ind_meetings: {"value_number": 60}})
        self.report_a.with_user(self.officer_a).action_submit()
        self.assertEqual(self.report_a.state, "submitted")
        self.assertEqual(
            self._value(self.report_a, self.ind_meetings).outlier_kind, "jump"
        )

    def test_reviewer_sees_the_flags_in_the_quality_view_and_the_return(self):
        self._submit(self.previous, self.district_a, 20)
        self._peers(10, 12, 14, 16)
        self._fill(self.report_a, {self.ind_meetings: {"value_number": 60}})
        self.report_a.with_user(self.officer_a).action_submit()
        self.period.with_user(self.officer_p).action_open_quality()
        row = (
            self.env["vstbpn.report.quality"]
            .with_user(self.officer_p)
            .search([("report_id", "=", self.report_a.id)])
        )
        self.assertEqual(
            (row.outlier_count, row.unexplained_outlier_count, row.quality_status),
            (1, 1, "to_explain"),
        )
        reason = self.report_a.with_user(self.officer_p)._get_quality_summary()
        self.assertIn("[ACT-01]", reason)
        self.assertIn("60 against 20 in the previous period", reason)

    def test_flagging_runs_one_query_whatever_the_number_of_reports(self):
        self._peers(10, 12, 14, 16)
        counts = []
        for reports in (self.report_a, self.period.report_ids):
            before = self.env.cr.sql_log_count
            self.env["vstbpn.report.value"]._flag_outliers(reports)
            counts.append(self.env.cr.sql_log_count - before)
        self.assertEqual(counts[0], counts[1])
        self.assertLessEqual(counts[1], 2)
