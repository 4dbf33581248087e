from unittest import SkipTest

from odoo.tests import HttpCase, tagged

# as the tour types it (vstbpn_report_flow_tour.js)
REASON = "Training participants: add the second course"


@tagged("post_install", "-at_install")
class TestReportFlowUi(HttpCase):
    """The main report flow on the demo data, in a browser at a desk.

    Gia Lai asks its wards for this year's annual report: the ward Quy Nhơn
    (officer ``phuongquynhon_canbo``) fills and submits it, the province
    (officer ``gialai_canbo``) returns it with a reason, the ward corrects
    and resubmits, the province accepts it and consolidates its own report.
    Each step is a tour; what it changed is read from the database after it.
    """

    browser_size = "1366x768"

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.ward_report = ref(
            "vstbpn_reporting.report_current_pqn_demo", raise_if_not_found=False
        )
        if not cls.ward_report:
            raise SkipTest("needs the demo data")
        cls.ward_officer = ref("vstbpn_committee.user_gl_pqn_officer_demo")
        cls.province_officer = ref("vstbpn_committee.user_gl_officer_demo")
        cls.province_report = cls.ward_report.period_id.report_ids.filtered(
            lambda r: r.committee_id == ref("vstbpn_committee.committee_gia_lai_demo")
        )
        cls.participants = ref("vstbpn_reporting.indicator_act_training_participants")
        cls.meetings = ref("vstbpn_reporting.indicator_act_meetings")

    def _tour(self, name, user, report=None):
        report = report or self.ward_report
        self.start_tour(
            f"/odoo/action-vstbpn_reporting.vstbpn_report_action/{report.id}",
            name,
            login=user.login,
        )
        (self.ward_report | self.province_report).invalidate_recordset()

    @staticmethod
    def _value(report, indicator):
        return report.value_ids.filtered(lambda v: v.indicator_id == indicator)

    def _ward_figures(self):
        """Training participants (women, men, all) and meetings of the ward."""
        self.ward_report.value_ids.invalidate_recordset()
        participants = self._value(self.ward_report, self.participants)
        return (
            participants.female,
            participants.male,
            participants.total,
            self._value(self.ward_report, self.meetings).value_number,
        )

    def _returned_note(self):
        return self.ward_report.message_ids.filtered(lambda m: REASON in (m.body or ""))

    def test_ward_files_province_returns_accepts_and_consolidates(self):
        self._tour("vstbpn_report_flow_submit_tour", self.ward_officer)
        self.assertEqual(self.ward_report.state, "submitted")
        self.assertEqual(self.ward_report.submitted_user_id, self.ward_officer)
        self.assertEqual(self._ward_figures(), (20, 10, 30, 5))

        self._tour("vstbpn_report_flow_return_tour", self.province_officer)
        self.assertEqual(self.ward_report.state, "draft")
        self.assertEqual(self.ward_report.return_reason, REASON)
        note = self._returned_note()
        self.assertTrue(note, "the reason is written in the report's history")
        # posted as the system where the officer has no e-mail address, but
        # written by the officer
        self.assertEqual(note[:1].create_uid, self.province_officer)

        self._tour("vstbpn_report_flow_correct_tour", self.ward_officer)
        self.assertEqual(self.ward_report.state, "submitted")
        self.assertFalse(self.ward_report.return_reason)
        self.assertEqual(self.ward_report.submitted_user_id, self.ward_officer)
        self.assertEqual(self._ward_figures(), (22, 10, 32, 5))

        self._tour("vstbpn_report_flow_accept_tour", self.province_officer)
        self.assertEqual(self.ward_report.state, "accepted")
        self.assertEqual(self.ward_report.accepted_user_id, self.province_officer)

        self._consolidated_by_the_province()

    def _consolidated_by_the_province(self):
        province = self.province_report
        own = self._value(province, self.participants)
        before = (own.female, own.male)
        self._tour(
            "vstbpn_report_flow_consolidate_tour", self.province_officer, province
        )
        self.assertTrue(province.is_consolidated)
        self.assertIn(self.ward_report, province.consolidated_report_ids)
        self.assertTrue(
            all(r.state == "accepted" for r in province.consolidated_report_ids),
            "only the accepted reports are consolidated",
        )
        breakdown = province._get_consolidation_breakdown()[self.participants]
        self.assertEqual(breakdown[self.ward_report.committee_id][:3], (22, 10, 32))
        children = province.consolidated_report_ids.value_ids.filtered(
            lambda v: v.indicator_id == self.participants
        )
        own.invalidate_recordset()
        self.assertEqual(
            (own.result_female, own.result_male),
            (
                before[0] + sum(children.mapped("female")),
                before[1] + sum(children.mapped("male")),
            ),
            "the province's result is its own figures plus the accepted units'",
        )
