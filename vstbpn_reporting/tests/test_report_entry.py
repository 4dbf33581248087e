from datetime import date

from odoo import Command
from odoo.tests import tagged

from .common import VstbpnReportingCase


@tagged("post_install", "-at_install")
class TestReportEntry(VstbpnReportingCase):
    """What the card of a figure shows beside it: the unit's figure of the
    previous period and the rules the figure breaks."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.previous = cls._open_period(
            name="Semi-annual 2016",
            date_from=date(2016, 1, 1),
            date_to=date(2016, 6, 30),
        )
        cls._open_period_with_reports()

    def _file(self, period, committee, meetings, submit=True):
        report = self._report(period, committee)
        self._fill(report, {self.ind_meetings: {"value_number": meetings}})
        if submit:
            report.action_submit()
        return report

    def test_previous_figure_is_the_units_latest_earlier_report(self):
        older = self._open_period(
            name="Semi-annual 2015",
            date_from=date(2015, 1, 1),
            date_to=date(2015, 6, 30),
        )
        self._file(older, self.district_a, 100)
        self._file(self.previous, self.district_a, 38)
        value = self._value(self.report_a, self.ind_meetings)
        self.assertTrue(value.has_previous)
        self.assertEqual(value.previous_result_value, 38, "38, not 100 of 2015")
        self.assertFalse(
            self._value(self.report_b, self.ind_meetings).has_previous,
            "B filed nothing earlier",
        )

    def test_a_draft_earlier_report_gives_no_previous_figure(self):
        self._file(self.previous, self.district_a, 20, submit=False)
        value = self._value(self.report_a, self.ind_meetings)
        self.assertFalse(value.has_previous)
        self.assertEqual(value.previous_result_value, 0)

    def test_a_broken_rule_shows_on_the_figures_it_reads(self):
        rule = self.env["vstbpn.validation.rule"].create(
            {
                "name": "At most 5 meetings",
                "left_expression": "[ACT-01]",
                "operator": "le",
                "right_expression": "5",
                "template_ids": [Command.set(self.template.ids)],
            }
        )
        self._fill(self.report_a, {self.ind_meetings: {"value_number": 9}})
        self.report_a._check_quality()
        violation = self.report_a.violation_ids.filtered(lambda v: v.rule_id == rule)
        self.assertTrue(violation)
        meetings = self._value(self.report_a, self.ind_meetings)
        self.assertIn(violation.message, meetings.problem_message)
        self.assertFalse(self._value(self.report_a, self.ind_plan).problem_message)
