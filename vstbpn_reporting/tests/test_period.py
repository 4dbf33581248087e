from datetime import date, timedelta

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import VstbpnReportingCase


@tagged("post_install", "-at_install")
class TestReportPeriod(VstbpnReportingCase):
    def test_deadline_defaults_to_15_june_and_15_december(self):
        """Semi-annual reports are due 15/6, annual ones 15/12 of the year covered."""
        semi = self._create_period()
        self.assertEqual(semi.deadline, date(2017, 6, 15))
        self.template.kind = "annual"
        annual = self._create_period(date_to=date(2017, 12, 31))
        self.assertEqual(annual.deadline, date(2017, 12, 15))
        annual.deadline = date(2017, 12, 20)
        self.assertEqual(
            annual.deadline, date(2017, 12, 20), "the deadline stays editable"
        )

    def test_targets_all_below_or_next_level(self):
        commune = self.env["vstbpn.committee"].create(
            {
                "name": "Commune A1",
                "code": "T-P-A-1",
                "level_id": self.env.ref("vstbpn_committee.level_commune").id,
                "parent_id": self.district_a.id,
            }
        )
        everyone = self._create_period()
        self.assertEqual(
            everyone.target_committee_ids,
            self.district_a | self.district_b | commune,
        )
        self.assertEqual(
            everyone._vstbpn_request_child_committees(),
            self.province | self.district_a | self.district_b | commune,
            "the requesting committee reports too",
        )
        next_level = self._create_period(target_mode="next", include_requester=False)
        self.assertEqual(
            next_level.target_committee_ids, self.district_a | self.district_b
        )

    def test_one_level_reports_and_a_second_opening_adds_only_the_missing(self):
        """The units of one level report; reports already there are kept."""
        commune = self.env["vstbpn.committee"].create(
            {
                "name": "Commune A1",
                "code": "T-P-A-1",
                "level_id": self.env.ref("vstbpn_committee.level_commune").id,
                "parent_id": self.district_a.id,
            }
        )
        period = self._create_period(
            target_mode="level",
            target_level_id=commune.level_id.id,
            include_requester=False,
        )
        self.assertEqual(period.target_committee_ids, commune)
        period.action_open()
        self.assertEqual(period.report_ids.committee_id, commune)
        period.include_requester = True
        reports = period._vstbpn_request_fan_out()
        self.assertEqual(reports.committee_id, commune | self.province)
        self.assertEqual(len(period.report_ids), 2, "no report asked twice")

    def test_open_creates_reports_lines_and_activities_in_one_go(self):
        period = self._open_period()
        self.assertEqual(period.state, "open")
        self.assertEqual(
            period.report_ids.committee_id,
            self.province | self.district_a | self.district_b,
        )
        report_a = self._report(period, self.district_a)
        self.assertEqual(
            report_a.value_ids.indicator_id, self.template.line_ids.indicator_id
        )
        self.assertEqual(len(report_a.answer_ids), 2)
        activity = report_a.activity_ids
        self.assertEqual(activity.user_id, self.officer_a)
        self.assertEqual(
            activity.activity_type_id,
            self.env.ref("vstbpn_reporting.mail_activity_type_report_submit"),
        )
        self.assertEqual(activity.date_deadline, max(period.deadline, self.today()))

    def test_open_twice_is_refused(self):
        period = self._open_period()
        with self.assertRaises(UserError):
            period.action_open()

    def test_opening_costs_a_bounded_number_of_queries_per_unit(self):
        """Opening for 6 units costs no more queries than for 3 plus a small margin."""
        period_small = self._create_period(name="Small")
        start = self.cr.sql_log_count
        period_small.action_open()
        small = self.cr.sql_log_count - start
        self._add_districts(3, "T-P-X")
        period_large = self._create_period(name="Large")
        start = self.cr.sql_log_count
        period_large.action_open()
        large = self.cr.sql_log_count - start
        self.assertEqual(len(period_large.report_ids), 6)
        self.assertLessEqual(
            large, small + 3 * 10, "queries grow by at most 10 per unit"
        )

    def test_closed_period_refuses_submission(self):
        period = self._open_period(deadline=self.today() + timedelta(days=10))
        period.action_close()
        report = self.vi(self._report(period, self.district_a))
        with self.assertRaisesText(UserError, "không thể nộp báo cáo"):
            report.action_submit()
        self.assertEqual(report.state, "draft")

    def test_follow_up_counts_and_on_time_rate(self):
        # submitted as the test's user, on its day, not Viet Nam's
        past = self._open_period(deadline=date.today() - timedelta(days=1))
        report_a = self._report(past, self.district_a)
        report_a.action_submit()  # late
        report_a.action_accept()
        self.assertEqual(
            (past.submitted_count, past.accepted_count, past.late_count),
            (0, 1, 1),
        )
        self.assertEqual(past.missing_count, 2, "province and district B")
        self.assertEqual(past.on_time_rate, 0.0)
        future = self._open_period(deadline=date.today() + timedelta(days=1))
        self._report(future, self.district_b).action_submit()
        self.assertEqual((future.submitted_count, future.missing_count), (1, 0))
        self.assertEqual(future.on_time_rate, 100.0, "only the due reports count")
