from datetime import date, timedelta

from odoo.tests import tagged

from .common import VstbpnReportingCase


@tagged("post_install", "-at_install")
class TestReportFulfilsTask(VstbpnReportingCase):
    """A directive asks the districts for their report of a period: the
    report submitted for that period closes the unit's line, another
    period's does not."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        deadline = date.today() + timedelta(days=10)
        cls.period = cls._open_period(deadline=deadline)
        cls.other_period = cls._open_period(name="Ad-hoc 2017", deadline=deadline)

    def _directive(self, period):
        return self._issue_directive_2017(
            "báo cáo sơ kết",
            "<p>Gửi báo cáo sơ kết trước 15/6.</p>",
            {
                "name": "Báo cáo sơ kết",
                "kind": "report",
                "deadline_rule": "yearly",
                "deadline_day": 15,
                "deadline_month": 6,
                "period_id": period.id,
            },
        )

    def test_report_of_the_period_submitted_closes_the_line(self):
        document = self._directive(self.period)
        line_a, line_b = (
            document.task_line_ids.filtered(
                lambda line, unit=unit: line.committee_id == unit
            )
            for unit in (self.district_a, self.district_b)
        )
        self.assertEqual(line_a.deadline, date(2017, 6, 15))
        # another period's report is not the one asked for
        self._report(self.other_period, self.district_a).with_user(
            self.officer_a
        ).action_submit()
        self.assertEqual(line_a.state, "open")
        report = self._report(self.period, self.district_a)
        report.with_user(self.officer_a).action_submit()
        self.assertEqual(line_a.state, "done")
        self.assertEqual(line_a.fulfilment_ref, report)
        self.assertEqual(line_a.date_done, report.date_submitted)
        # submitted today, years after 15/06/2017: late
        self.assertEqual(line_a.board_status, "done_late")
        self.assertEqual(line_b.state, "open")
