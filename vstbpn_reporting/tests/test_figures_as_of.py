from datetime import date, timedelta

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged
from odoo.tools import format_date

from .common import VstbpnReportingCase


@tagged("post_install", "-at_install")
class TestFiguresAsOf(VstbpnReportingCase):
    """The HR figures of a report (Decision 515's female cadres) count the
    staff in post at the end of its period, as far as Odoo's HR dates tell,
    and stay those the report was submitted with: read again at each fill
    of a draft, frozen at submission, read again after a return only when
    the officer asks."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.dept_a = cls.env["hr.department"].create({"name": "People's Committee A"})
        cls.district_a.hr_department_ids = [Command.set(cls.dept_a.ids)]
        cls.ind_staff = cls.env.ref("vstbpn_reporting.indicator_hr_staff")
        cls.template.line_ids = [
            Command.create({"sequence": 100, "indicator_id": cls.ind_staff.id})
        ]
        # the period of the test tree: the first half of 2017
        cls.in_post = cls._hire(["female", "female", "male"])

    @classmethod
    def _hire(cls, genders, **values):
        return cls.env["hr.employee"].create(
            [
                {
                    "name": f"Staff {i}",
                    "department_id": cls.dept_a.id,
                    "gender": gender,
                    **values,
                }
                for i, gender in enumerate(genders)
            ]
        )

    def _open(self):
        period = self._open_period(deadline=date.today() + timedelta(days=5))
        return self._report(period, self.district_a)

    def _staff(self, report):
        value = self._value(report, self.ind_staff)
        value.invalidate_recordset()
        return (value.female, value.male, value.total)

    # AS OF THE PERIOD'S END

    def test_staff_are_counted_as_of_the_period_end(self):
        # left before the end of June 2017: not counted, archived or not
        self._hire(["female"], departure_date=date(2017, 5, 31))
        self._hire(["male"], departure_date=date(2017, 6, 30), active=False)
        # left after it (and archived since): in post on 30 June, counted
        self._hire(["female", "male"], departure_date=date(2017, 9, 1), active=False)
        # archived without a departure date: gone, no one knows when
        self._hire(["female"], active=False)
        report = self._open()
        self.assertEqual(self._staff(report), (3, 2, 5))

    def test_the_report_says_as_of_when_its_hr_figures_are(self):
        report = self._open()
        self.assertEqual(report.hr_figures_date, self.today())
        self.assertFalse(report.hr_figures_frozen)
        self.assertIn(format_date(self.env, date(2017, 6, 30)), report.hr_figures_note)
        self.assertIn("until the report is submitted", report.hr_figures_note)
        report.with_user(self.officer_a).action_submit()
        self.assertTrue(report.hr_figures_frozen)
        self.assertIn("frozen at submission", report.hr_figures_note)

    def test_the_note_reads_in_vietnamese(self):
        report = self._open()
        report.with_user(self.officer_a).action_submit()
        self.assertIn("đã chốt khi gửi báo cáo", self.vi(report).hr_figures_note)

    def test_a_report_without_hr_figures_says_nothing_of_them(self):
        self.template.line_ids.filtered(
            lambda line: line.indicator_id == self.ind_staff
        ).unlink()
        report = self._open()
        self.assertFalse(report.hr_figures_date)
        self.assertFalse(report.hr_figures_note)

    # SNAPSHOT: REFRESHED UNTIL SUBMISSION, THEN FROZEN

    def test_draft_reports_read_hr_again_at_each_fill(self):
        report = self._open()
        self._hire(["female", "female"])
        report.with_user(self.officer_a).action_fill_automatic_values()
        self.assertEqual(self._staff(report), (4, 1, 5))

    def test_a_submitted_report_keeps_its_figures_when_hr_changes(self):
        """The 2017 report read in 2018 shows 2017's staff."""
        report = self._open()
        report.with_user(self.officer_a).action_submit()
        report.with_user(self.officer_p).action_accept()
        self._hire(["female", "female"])
        self.in_post[2].write({"gender": "female"})
        self.in_post[0].action_archive()
        self.env.invalidate_all()
        self.assertEqual(self._staff(report), (2, 1, 3))

    def test_a_returned_report_keeps_its_figures_until_the_officer_refreshes(self):
        report = self._open()
        submitted_on = report.hr_figures_date
        report.with_user(self.officer_a).action_submit()
        self._hire(["female", "female"])
        report.with_user(self.officer_p).action_return("Check the meetings")
        self.assertEqual(report.state, "draft")
        self.assertTrue(report.hr_figures_frozen, "returned: still frozen")
        # the ordinary fill leaves the HR figures as submitted
        report.with_user(self.officer_a).action_fill_automatic_values()
        self.assertEqual(self._staff(report), (2, 1, 3))
        self.assertEqual(report.hr_figures_date, submitted_on)
        # the officer asks for today's HR
        report.with_user(self.officer_a).action_refresh_hr_figures()
        self.assertEqual(self._staff(report), (4, 1, 5))
        self.assertFalse(report.hr_figures_frozen)
        # from now on the fills read HR again, until the next submission
        self._hire(["male"])
        report.with_user(self.officer_a).action_fill_automatic_values()
        self.assertEqual(self._staff(report), (4, 2, 6))
        report.with_user(self.officer_a).action_submit()
        self.assertTrue(report.hr_figures_frozen)

    def test_refreshing_is_refused_once_submitted(self):
        report = self._open()
        report.with_user(self.officer_a).action_submit()
        self._hire(["female"])
        with self.assertRaises(UserError):
            report.with_user(self.officer_a).action_refresh_hr_figures()
        self.assertEqual(self._staff(report), (2, 1, 3))

    def test_the_unit_cannot_write_the_snapshot_state(self):
        report = self._open()
        report.with_user(self.officer_a).action_submit()
        report.with_user(self.officer_p).action_return("Check the meetings")
        for values in ({"hr_figures_frozen": False}, {"hr_figures_date": "2017-06-30"}):
            with self.subTest(values=values), self.assertRaises(UserError):
                report.with_user(self.officer_a).write(values)
        self.assertTrue(report.hr_figures_frozen)

    def test_the_refusal_of_refresh_names_the_unlinked_committee_in_vietnamese(self):
        report = self._open()
        self.district_a.hr_department_ids = [Command.clear()]
        with self.assertRaisesRegex(UserError, "Thống kê nhân sự"):
            self.vi(report.with_user(self.officer_a)).action_refresh_hr_figures()

    # COST

    def test_opening_with_hr_figures_costs_the_same_queries_for_more_units(self):
        self._create_period(name="Warm-up").action_open()
        counts = []
        for name, prefix in (("Three units", "T-H-A"), ("Six units", "T-H-B")):
            for district in self._add_districts(3 if counts else 1, prefix):
                department = self.env["hr.department"].create({"name": district.name})
                district.hr_department_ids = [Command.set(department.ids)]
                self.env["hr.employee"].create(
                    {"name": name, "department_id": department.id, "gender": "male"}
                )
            period = self._create_period(name=name)
            self.env.flush_all()
            start = self.cr.sql_log_count
            period.action_open()
            self.env.flush_all()
            counts.append(self.cr.sql_log_count - start)
            self.assertTrue(all(period.report_ids.mapped("hr_figures_date")))
        self.assertEqual(len(period.report_ids), 7)
        self.assertEqual(counts[1], counts[0], "the same queries for 4 units and 7")
