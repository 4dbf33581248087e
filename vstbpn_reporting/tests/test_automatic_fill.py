from datetime import date, timedelta
from unittest.mock import patch

from odoo import Command
from odoo.tests import tagged

from .common import VstbpnReportingCase


@tagged("post_install", "-at_install")
class TestAutomaticFill(VstbpnReportingCase):
    """Automatic figures: each member of staff counts once for a committee,
    and the figures filled are checked against the rules once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Department = cls.env["hr.department"]
        cls.dept_a = Department.create({"name": "People's Committee A"})
        cls.dept_a_sub = Department.create(
            {"name": "Labour office A", "parent_id": cls.dept_a.id}
        )
        # A linked to a department and to one inside it; P to the same tree
        cls.district_a.hr_department_ids = [
            Command.set((cls.dept_a | cls.dept_a_sub).ids)
        ]
        cls.province.hr_department_ids = [Command.set(cls.dept_a_sub.ids)]
        cls.env["hr.employee"].create(
            [
                {"name": "Lan", "department_id": cls.dept_a.id, "gender": "female"},
                {"name": "Mai", "department_id": cls.dept_a_sub.id, "gender": "female"},
                {"name": "Hùng", "department_id": cls.dept_a_sub.id, "gender": "male"},
                {"name": "Unknown", "department_id": cls.dept_a_sub.id},
            ]
        )
        cls.staff = cls.env.ref("vstbpn_reporting.indicator_hr_staff")
        cls.template.line_ids = [
            Command.create({"sequence": 100, "indicator_id": cls.staff.id})
        ]

    def test_staff_in_two_linked_departments_counts_once(self):
        period = self._open_period(deadline=date.today() + timedelta(days=5))
        figures = {
            committee: self._value(self._report(period, committee), self.staff)
            for committee in (self.district_a, self.province, self.district_b)
        }
        self.assertEqual(
            [(v.female, v.male, v.total) for v in figures.values()],
            [(2, 1, 3), (1, 1, 2), (0, 0, 0)],
            "A: its department and the office inside it, each person once; "
            "P: the office only; B: no department",
        )

    def test_opening_checks_the_rules_once(self):
        Rule = self.registry["vstbpn.validation.rule"]
        with patch.object(
            Rule, "_evaluate_reports", autospec=True, side_effect=Rule._evaluate_reports
        ) as evaluate:
            period = self._open_period(deadline=date.today() + timedelta(days=5))
        self.assertEqual(evaluate.call_count, 1)
        checked = evaluate.call_args.args[1]
        self.assertEqual(checked, period.report_ids)
