from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import VstbpnReportingCase

# AccessError and ValidationError are UserErrors: any refusal
REFUSED = UserError


@tagged("post_install", "-at_install")
class TestReportingIntegrityOverRpc(VstbpnReportingCase):
    """What a unit's officer could send over JSON-RPC to steer the figures
    that the reports fill on their own, which no unit types."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Department = cls.env["hr.department"]
        cls.dept_a = Department.create({"name": "People's Committee A"})
        cls.dept_b = Department.create({"name": "People's Committee B"})
        cls.district_a.hr_department_ids = [Command.set(cls.dept_a.ids)]
        cls.district_b.hr_department_ids = [Command.set(cls.dept_b.ids)]
        cls.env["hr.employee"].create(
            [
                {"name": "Staff A", "department_id": cls.dept_a.id, "gender": "female"},
                {
                    "name": "Staff B1",
                    "department_id": cls.dept_b.id,
                    "gender": "female",
                },
                {"name": "Staff B2", "department_id": cls.dept_b.id, "gender": "male"},
            ]
        )
        cls.staff = cls.env.ref("vstbpn_reporting.indicator_hr_staff")

    def _staff_figures(self):
        self.env.invalidate_all()
        return self.staff._get_source_figures(self.district_a, None)

    def test_unit_does_not_choose_whose_staff_it_counts(self):
        """District A's officer cannot link B's department (or any other) to
        A: A's staff figures, filled automatically, would count B's staff."""
        before = self._staff_figures()
        self.assertEqual(before, {self.district_a.id: (1, 0, 1)})
        for command in (Command.link(self.dept_b.id), Command.set(self.dept_b.ids)):
            with self.subTest(command=command), self.assertRaises(REFUSED):
                self.district_a.with_user(self.user_a).write(
                    {"hr_department_ids": [command]}
                )
        self.assertEqual(self.district_a.hr_department_ids, self.dept_a)
        self.assertEqual(self._staff_figures(), before)
