from datetime import date, timedelta

from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import VstbpnReportingCase


@tagged("post_install", "-at_install")
class TestAccess(VstbpnReportingCase):
    """A unit sees its reports, the committee above its subtree, siblings nothing."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.period = cls._open_period(deadline=date.today() + timedelta(days=10))
        cls.report_a = cls._report(cls.period, cls.district_a)
        cls.report_b = cls._report(cls.period, cls.district_b)
        cls.report_p = cls._report(cls.period, cls.province)
        cls._value(cls.report_a, cls.ind_meetings).value_number = 5

    def test_sibling_cannot_read_a_report(self):
        Report = self.env["vstbpn.report"].with_user(self.officer_b)
        self.assertEqual(Report.search([]), self.report_b)
        with self.assertRaises(AccessError):
            self.report_a.with_user(self.officer_b).read(["name"])
        Value = self.env["vstbpn.report.value"].with_user(self.officer_b)
        self.assertFalse(Value.search([("committee_id", "=", self.district_a.id)]))
        with self.assertRaises(AccessError):
            self._value(self.report_a, self.ind_meetings).with_user(
                self.officer_b
            ).read(["value_number"])

    def test_sibling_cannot_write_or_submit(self):
        value = self._value(self.report_a, self.ind_meetings)
        with self.assertRaises(AccessError):
            value.with_user(self.officer_b).write({"value_number": 9})
        with self.assertRaises(AccessError):
            self.report_a.with_user(self.officer_b).action_submit()
        self.assertEqual(self.report_a.state, "draft")
        self.assertEqual(value.value_number, 5)

    def test_sibling_cannot_accept(self):
        self.report_a.with_user(self.officer_a).action_submit()
        with self.assertRaises(AccessError):
            self.report_a.with_user(self.officer_b).action_accept()
        self.assertEqual(self.report_a.state, "submitted")

    def test_sibling_aggregates_do_not_leak(self):
        """Grouped reads (pivot, graph, export) only count the user's own units."""
        Value = self.env["vstbpn.report.value"].with_user(self.officer_b)
        groups = Value._read_group([], ["committee_id"], ["result_value:sum"])
        self.assertEqual([committee for committee, _total in groups], [self.district_b])
        with self.assertRaises(AccessError):
            self.report_a.with_user(self.officer_b).action_consolidate()

    def test_unit_member_reads_but_does_not_write(self):
        report = self.report_a.with_user(self.member_a)
        self.assertEqual(
            self._value(report, self.ind_meetings)
            .with_user(self.member_a)
            .value_number,
            5,
        )
        with self.assertRaises(AccessError):
            self._value(self.report_a, self.ind_meetings).with_user(
                self.member_a
            ).write({"value_number": 1})
        with self.assertRaises(AccessError):
            report.action_submit()

    def test_unit_reads_the_period_but_not_the_province_report(self):
        self.assertEqual(self.period.with_user(self.officer_a).name, "Semi-annual 2017")
        with self.assertRaises(AccessError):
            self.report_p.with_user(self.officer_a).read(["name"])

    def test_committee_above_does_not_edit_a_units_report(self):
        value = self._value(self.report_a, self.ind_meetings)
        with self.assertRaises(AccessError):
            value.with_user(self.officer_p).write({"value_number": 1})
        with self.assertRaises(AccessError):
            self.report_a.with_user(self.officer_p).action_submit()
        self.assertEqual(value.value_number, 5)
        self.assertFalse(self.report_a.with_user(self.officer_p).can_edit)
        self.assertTrue(self.report_a.with_user(self.officer_a).can_edit)

    def test_committee_above_sees_accepts_and_consolidates_its_subtree(self):
        Report = self.env["vstbpn.report"].with_user(self.officer_p)
        self.assertEqual(
            Report.search([("period_id", "=", self.period.id)]), self.period.report_ids
        )
        self.report_a.with_user(self.officer_a).action_submit()
        self.report_b.with_user(self.officer_b).action_submit()
        (self.report_a | self.report_b).with_user(self.officer_p).action_accept()
        self.assertEqual(
            set((self.report_a | self.report_b).mapped("state")), {"accepted"}
        )
        self.report_p.with_user(self.officer_p).action_consolidate()
        self.assertEqual(self._value(self.report_p, self.ind_meetings).result_number, 5)
        self.assertTrue(self.report_a.with_user(self.officer_p).can_review)
        self.assertFalse(self.report_a.with_user(self.officer_a).can_review)
