from datetime import date, timedelta

from odoo import Command
from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import VstbpnReportingCase


@tagged("post_install", "-at_install")
class TestHrStatistics(VstbpnReportingCase):
    """Female-cadre indicators (Decision 515/QĐ-TTg) count hr.employee by sex."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Department = cls.env["hr.department"]
        cls.dept_a = Department.create({"name": "People's Committee A"})
        cls.dept_a_sub = Department.create(
            {"name": "Labour office A", "parent_id": cls.dept_a.id}
        )
        cls.dept_b = Department.create({"name": "People's Committee B"})
        cls.district_a.hr_department_ids = [Command.set(cls.dept_a.ids)]
        cls.district_b.hr_department_ids = [Command.set(cls.dept_b.ids)]
        cls.job_head = cls.env["hr.job"].create(
            {"name": "Head of office", "vstbpn_leadership_level": "head"}
        )
        cls.job_staff = cls.env["hr.job"].create({"name": "Specialist"})
        inside = date(2017, 3, 1)
        outside = date(2016, 3, 1)
        people = [
            # department, gender, job, pool, trained, appointed
            (cls.dept_a, "female", cls.job_head, True, inside, inside),
            (cls.dept_a_sub, "female", cls.job_staff, True, inside, False),
            (cls.dept_a_sub, "female", cls.job_staff, False, outside, False),
            (cls.dept_a_sub, "male", cls.job_head, False, False, outside),
            (cls.dept_a, "male", cls.job_staff, True, inside, False),
            (cls.dept_b, "female", cls.job_staff, False, False, False),
        ]
        cls.env["hr.employee"].create(
            [
                {
                    "name": f"Employee {i}",
                    "department_id": dept.id,
                    "gender": gender,
                    "job_id": job.id,
                    "vstbpn_succession_pool": pool,
                    "vstbpn_date_trained": trained,
                    "vstbpn_date_appointed": appointed,
                }
                for i, (dept, gender, job, pool, trained, appointed) in enumerate(
                    people
                )
            ]
        )
        ref = cls.env.ref
        cls.hr_indicators = {
            code: ref(f"vstbpn_reporting.indicator_{code}")
            for code in (
                "hr_staff",
                "hr_leaders",
                "hr_succession",
                "hr_trained",
                "hr_appointed",
            )
        }
        cls.template.line_ids = [
            Command.create({"sequence": 100 + i, "indicator_id": indicator.id})
            for i, indicator in enumerate(cls.hr_indicators.values())
        ]

    def _figures(self, report, code):
        value = self._value(report, self.hr_indicators[code])
        return (value.female, value.male, value.total)

    def test_opening_fills_the_hr_indicators_by_sex(self):
        period = self._open_period(deadline=date.today() + timedelta(days=5))
        report_a = self._report(period, self.district_a)
        self.assertEqual(
            self._figures(report_a, "hr_staff"), (3, 2, 5), "sub-departments count"
        )
        self.assertEqual(self._figures(report_a, "hr_leaders"), (1, 1, 2))
        self.assertEqual(self._figures(report_a, "hr_succession"), (2, 1, 3))
        self.assertEqual(
            self._figures(report_a, "hr_trained"), (2, 1, 3), "in the period"
        )
        self.assertEqual(self._figures(report_a, "hr_appointed"), (1, 0, 1))
        report_b = self._report(period, self.district_b)
        self.assertEqual(self._figures(report_b, "hr_staff"), (1, 0, 1))
        report_p = self._report(period, self.province)
        self.assertEqual(
            self._figures(report_p, "hr_staff"), (0, 0, 0), "no department"
        )

    def test_values_stay_editable_until_submitted(self):
        period = self._open_period(deadline=date.today() + timedelta(days=5))
        report_a = self._report(period, self.district_a)
        staff = self._value(report_a, self.hr_indicators["hr_staff"])
        # a correction of the HR figure, with its reason: filling again
        # leaves it, until the unit takes the HR figure back
        staff.write({"female": 4, "male": 2, "correction_reason": "A new hire"})
        self.assertEqual(staff.total, 6)
        report_a.action_fill_automatic_values()
        self.assertEqual((staff.female, staff.male, staff.total), (4, 2, 6))
        self.assertEqual(staff.automatic_total, 5)
        staff.write({"is_corrected": False})
        self.assertEqual((staff.female, staff.male, staff.total), (3, 2, 5))
        report_a.action_submit()
        with self.assertRaises(UserError):
            report_a.action_fill_automatic_values()

    def test_filling_from_hr_without_departments_says_what_to_link(self):
        period = self._open_period(deadline=date.today() + timedelta(days=5))
        report_p = self._report(period, self.province)
        with self.assertRaisesRegex(UserError, "Thống kê nhân sự"):
            self.vi(report_p).action_fill_automatic_values()

    def test_filling_again_checks_the_validation_rules(self):
        """The fill writes by SQL: the rules must see its figures as they see
        a save, or a violation of figures since replaced would stay."""
        rule = self.env["vstbpn.validation.rule"].create(
            {
                "name": "At most three women on the staff",
                "left_expression": "[FC-01.female]",
                "operator": "le",
                "right_expression": "3",
                "template_ids": [Command.set(self.template.ids)],
            }
        )
        period = self._open_period(deadline=date.today() + timedelta(days=5))
        report_a = self._report(period, self.district_a)
        self.assertFalse(report_a.violation_ids, "3 women: the rule holds")
        staff = self._value(report_a, self.hr_indicators["hr_staff"])
        # saved from the report's form, as the unit does
        reason = {"correction_reason": "A new hire"}
        report_a.write(
            {"value_ids": [Command.update(staff.id, {"female": 4, **reason})]}
        )
        self.assertEqual(report_a.violation_ids.rule_id, rule, "4 women typed")
        report_a.write(
            {"value_ids": [Command.update(staff.id, {"is_corrected": False})]}
        )
        self.assertEqual(staff.female, 3)
        self.assertFalse(report_a.violation_ids, "the HR figure again: 3 women")
        self.employees_a_female_hired(2)
        report_a.action_fill_automatic_values()
        self.assertEqual(staff.female, 5)
        self.assertEqual(report_a.violation_ids.rule_id, rule, "5 women hired")

    def employees_a_female_hired(self, count):
        self.env["hr.employee"].create(
            [
                {
                    "name": f"New {i}",
                    "department_id": self.dept_a.id,
                    "gender": "female",
                }
                for i in range(count)
            ]
        )
