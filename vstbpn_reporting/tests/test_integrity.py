import base64
import io

from openpyxl import load_workbook

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import VstbpnReportingCase

# AccessError and ValidationError are UserErrors: any refusal
REFUSED = UserError
CONSOLIDATED = {
    "is_consolidated": True,
    "consolidated_female": 1000,
    "consolidated_total": 1000,
    "consolidated_number": 1000,
    "result_total": 1000,
    "result_value": 1000,
    "result_number": 1000,
}


@tagged("post_install", "-at_install")
class TestIntegrity(VstbpnReportingCase):
    """What a unit writes stays its own: reports and lines never move, and
    figures reported upward are written by consolidation only."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.province_q = cls.env["vstbpn.committee"].create(
            {
                "name": "Province Q",
                "code": "T-Q",
                "level_id": cls.province.level_id.id,
            }
        )
        cls._open_period_with_reports()
        cls.period_q = cls._open_period(
            name="Q 2017", committee_id=cls.province_q.id, include_requester=True
        )
        cls.report_q = cls._report(cls.period_q, cls.province_q)

    def snapshot(self, records, names):
        records.invalidate_recordset()
        return records.sudo().read(names)

    def test_escalation_leaves_allowed_committees_and_reports_alone(self):
        """The reproduced escalation, step by step, seen from the reports: an
        officer of district A records themselves as a member of A, then moves
        that membership to the province. The move is refused, and the
        committees they work for and the reports they see stay the same."""
        employee = self.env["hr.employee"].create(
            {"name": "Officer of A", "user_id": self.officer_a.id}
        )
        Report = self.env["vstbpn.report"].with_user(self.officer_a)
        allowed = self.officer_a.vstbpn_allowed_committee_ids
        visible = Report.search([])
        self.assertEqual(visible.committee_id, self.district_a)
        membership = (
            self.env["vstbpn.committee.member"]
            .with_user(self.officer_a)
            .create(
                {
                    "committee_id": self.district_a.id,
                    "employee_id": employee.id,
                    "date_start": "2017-01-01",
                }
            )
        )
        with self.assertRaises(UserError):
            membership.write({"committee_id": self.province.id})
        self.officer_a.invalidate_recordset()
        self.assertEqual(self.officer_a.vstbpn_allowed_committee_ids, allowed)
        self.assertEqual(Report.search([]), visible)
        with self.assertRaises(AccessError):
            self.report_b.with_user(self.officer_a).read(["name"])

    def test_report_cannot_move(self):
        report = self.report_a.with_user(self.officer_a)
        before = self.snapshot(self.report_a, ["committee_id", "period_id"])
        moves = [
            {"committee_id": self.district_b.id},
            {"committee_id": self.province.id},
            {"committee_id": self.province_q.id},
            {"period_id": self.period_q.id},
        ]
        for vals in moves:
            with self.subTest(vals=vals), self.assertRaises(REFUSED):
                report.write(vals)
        self.assertEqual(
            self.snapshot(self.report_a, ["committee_id", "period_id"]), before
        )

    def test_report_line_cannot_move_to_another_report(self):
        value = self._value(self.report_a, self.ind_meetings)
        before = self.snapshot(value, ["report_id", "indicator_id", "committee_id"])
        moves = [
            {"report_id": self.report_p.id, "indicator_id": self.ind_council.id},
            {"report_id": self.report_b.id},
            {"indicator_id": self.ind_victims.id},
            {"committee_id": self.province.id},
            {"period_id": self.period_q.id},
        ]
        for vals in moves:
            with self.subTest(vals=vals), self.assertRaises(REFUSED):
                value.with_user(self.officer_a).write(vals)
        self.assertEqual(
            self.snapshot(value, ["report_id", "indicator_id", "committee_id"]),
            before,
        )
        self.assertEqual(self.report_p.committee_id, self.province)

    def test_reported_figures_are_not_written_by_hand(self):
        value = self._value(self.report_a, self.ind_participants)
        for name, figure in CONSOLIDATED.items():
            with self.subTest(field=name), self.assertRaises(UserError):
                value.with_user(self.officer_a).write({name: figure})
        self.assertFalse(value.is_consolidated)
        self.assertEqual(value.result_total, 0)
        for name in ("is_consolidated", "consolidation_date", "state"):
            with self.subTest(field=name), self.assertRaises(UserError):
                self.report_a.with_user(self.officer_a).write({name: "2017-06-01"})
        self.assertFalse(self.report_a.is_consolidated)

    def test_lines_created_only_on_own_reports(self):
        Value = self.env["vstbpn.report.value"].with_user(self.officer_a)
        for report in (self.report_p, self.report_b, self.report_q):
            with self.subTest(report=report.name), self.assertRaises(AccessError):
                Value.create({"report_id": report.id, "indicator_id": self.ind_text.id})
        with self.assertRaises(UserError):
            self.env["vstbpn.report.value"].with_user(self.officer_a).create(
                {
                    "report_id": self.report_a.id,
                    "indicator_id": self.ind_text.id,
                    "is_consolidated": True,
                }
            )

    def test_report_created_only_for_own_committee(self):
        Report = self.env["vstbpn.report"].with_user(self.officer_a)
        for committee in (self.district_b, self.province, self.province_q):
            with (
                self.subTest(committee=committee.name),
                self.assertRaises(AccessError),
            ):
                Report.create(
                    {"period_id": self.period_q.id, "committee_id": committee.id}
                )
        self.assertEqual(len(self.period_q.report_ids), 1)

    def test_period_state_and_targets(self):
        period = self._create_period(name="Draft period")
        with self.assertRaises(UserError):
            period.with_user(self.officer_p).write({"state": "open"})
        self.assertEqual(period.state, "draft")
        with self.assertRaises(ValidationError):
            period.with_user(self.officer_p).write(
                {
                    "target_mode": "manual",
                    "target_committee_ids": [(6, 0, [self.province_q.id])],
                }
            )
        with self.assertRaises(UserError):
            period.with_user(self.officer_p).write({"committee_id": self.district_a.id})
        self.assertEqual(period.committee_id, self.province)


@tagged("post_install", "-at_install")
class TestWithoutEmail(VstbpnReportingCase):
    """Officers without an e-mail address carry out every action that posts
    in the chatter: the suite's notes never make an action fail."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=False))
        for user in (cls.officer_a, cls.officer_p):
            user.partner_id.email = False
        cls._open_period_with_reports()

    def test_submit_accept_return_consolidate_without_email(self):
        self._fill(self.report_a, {self.ind_meetings: {"value_number": 2}})
        self.report_a.with_user(self.officer_a).action_submit()
        self.report_a.with_user(self.officer_p).action_return("Check figures")
        self.assertEqual(self.report_a.state, "draft")
        self.assertIn("Check figures", self.report_a.message_ids[0].body)
        self.report_a.with_user(self.officer_a).action_submit()
        self.report_a.with_user(self.officer_p).action_accept()
        self.report_p.with_user(self.officer_p).action_consolidate()
        self.assertTrue(self.report_p.is_consolidated)
        self.assertEqual(self._value(self.report_p, self.ind_meetings).result_number, 2)

    def test_upload_without_email(self):
        content, _name = self.report_a._get_xlsx("blank")
        sheet = load_workbook(io.BytesIO(content)).worksheets[0]
        row = next(r for r in sheet.iter_rows() if r[0].value == "ACT-01")
        row[6].value = 3
        output = io.BytesIO()
        sheet.parent.save(output)
        wizard = (
            self.env["vstbpn.report.import"]
            .with_user(self.officer_a)
            .create(
                {
                    "report_id": self.report_a.id,
                    "file": base64.b64encode(output.getvalue()),
                    "filename": "form.xlsx",
                }
            )
        )
        wizard.action_import()
        self.assertEqual(self._value(self.report_a, self.ind_meetings).value_number, 3)
        self.assertIn("form.xlsx", self.report_a.message_ids[0].body)
