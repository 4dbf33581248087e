from datetime import date, timedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import VstbpnReportingCase


@tagged("post_install", "-at_install")
class TestReport(VstbpnReportingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.period = cls._open_period(deadline=date.today() + timedelta(days=10))
        cls.report_a = cls._report(cls.period, cls.district_a)

    def test_submit_on_time(self):
        self.report_a.with_user(self.officer_a).action_submit()
        self.assertEqual(self.report_a.state, "submitted")
        self.assertEqual(self.report_a.submission_status, "on_time")
        self.assertEqual(self.report_a.submitted_user_id, self.officer_a)
        self.assertFalse(
            self.report_a.activity_ids.filtered(lambda a: a.user_id == self.officer_a)
        )
        review = self.report_a.activity_ids
        self.assertEqual(review.user_id, self.officer_p, "the committee above reviews")

    def test_late_and_missing_against_the_deadline(self):
        past = self._open_period(name="Past", deadline=date.today() - timedelta(days=3))
        late = self._report(past, self.district_a)
        missing = self._report(past, self.district_b)
        self.assertEqual(missing.submission_status, "missing")
        late.action_submit()
        self.assertEqual(late.submission_status, "late")
        self.assertEqual(missing.submission_status, "missing")

    def test_submitted_report_is_read_only(self):
        value = self._value(self.report_a, self.ind_meetings)
        value.value_number = 3
        self.report_a.action_submit()
        with self.assertRaisesText(UserError, "đã được gửi và không thể sửa"):
            self.vi(value).write({"value_number": 4})
        with self.assertRaises(UserError):
            self.vi(self.report_a.answer_ids[0]).write({"answer": "<p>late edit</p>"})
        self.assertEqual(value.value_number, 3)

    def test_status_is_changed_only_by_the_buttons(self):
        with self.assertRaises(UserError):
            self.report_a.with_user(self.officer_a).write({"state": "accepted"})
        faked = self.report_a.with_user(self.officer_a).with_context(
            vstbpn_report_workflow=True
        )
        with self.assertRaises(UserError):
            faked.write({"state": "accepted"})
        self.assertEqual(self.report_a.state, "draft")

    def test_second_report_for_the_same_unit_and_period_is_refused(self):
        with self.assertRaisesText(ValidationError, "đã có báo cáo cho"):
            self.env["vstbpn.report"].with_context(lang="vi_VN").create(
                {"period_id": self.period.id, "committee_id": self.district_a.id}
            )
        self.assertEqual(len(self.period.report_ids), 3)

    def test_negative_count_is_refused(self):
        value = self.vi(self._value(self.report_a, self.ind_meetings))
        with self.assertRaisesText(ValidationError, "không được là số âm"):
            value.write({"value_number": -1})
        participants = self.vi(self._value(self.report_a, self.ind_participants))
        with self.assertRaisesText(ValidationError, "không được là số âm"):
            participants.write({"female": -2, "male": 5, "total": 3})

    def test_whole_number_indicator_refuses_fractions(self):
        value = self.vi(self._value(self.report_a, self.ind_meetings))
        with self.assertRaisesText(ValidationError, "số nguyên"):
            value.write({"value_number": 2.5})

    def test_female_plus_male_must_equal_total(self):
        value = self.vi(self._value(self.report_a, self.ind_participants))
        value.write({"female": 30, "male": 12})
        self.assertEqual(value.total, 42, "the total follows female + male")
        with self.assertRaisesText(ValidationError, r"phải bằng tổng số (50"):
            value.write({"female": 30, "male": 12, "total": 50})
        value.invalidate_recordset()
        self.assertEqual(value.total, 42, "nothing was saved")

    def test_percentage_outside_0_100_is_refused(self):
        value = self.vi(self._value(self.report_a, self.ind_council))
        with self.assertRaisesText(ValidationError, "từ 0 đến 100"):
            value.write({"value_number": 120})
        value.invalidate_recordset()
        self.assertEqual(value.value_number, 0, "nothing was saved")
        value.write({"value_number": 27.5})
        self.assertEqual(value.value_number, 27.5)

    def test_ratio_with_missing_denominator_cannot_be_submitted(self):
        self._value(self.report_a, self.ind_support_rate).write(
            {"female": 80, "male": 0, "total": 80}
        )
        with self.assertRaisesText(ValidationError, "đang thiếu hoặc bằng 0"):
            self.vi(self.report_a).action_submit()
        self.assertEqual(self.report_a.state, "draft")
        self._value(self.report_a, self.ind_victims).write({"female": 10, "male": 0})
        self.report_a.action_submit()
        self.assertEqual(self.report_a.state, "submitted")

    def test_accept(self):
        self.report_a.with_user(self.officer_a).action_submit()
        self.report_a.with_user(self.officer_p).action_accept()
        self.assertEqual(self.report_a.state, "accepted")
        self.assertEqual(self.report_a.accepted_user_id, self.officer_p)
        self.assertFalse(self.report_a.activity_ids, "the review activity is done")

    def test_unit_cannot_accept_its_own_report(self):
        self.report_a.with_user(self.officer_a).action_submit()
        with self.assertRaises(AccessError):
            self.report_a.with_user(self.officer_a).action_accept()
        self.assertEqual(self.report_a.state, "submitted")

    def test_return_with_reason_back_to_draft(self):
        self.report_a.with_user(self.officer_a).action_submit()
        action = self.report_a.with_user(self.officer_p).action_open_return_wizard()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.officer_p)
            .with_context(**action["context"])
            .create({"reason": "Fill in ACT-04"})
        )
        wizard.action_confirm()
        self.assertEqual(self.report_a.state, "draft")
        self.assertEqual(self.report_a.return_reason, "Fill in ACT-04")
        self.assertFalse(self.report_a.date_submitted)
        self.assertIn("Fill in ACT-04", self.report_a.message_ids[0].body)
        self.assertEqual(self.report_a.activity_ids.user_id, self.officer_a)
        self._value(self.report_a, self.ind_meetings).value_number = 1  # editable again

    def test_return_without_reason_is_refused(self):
        self.report_a.action_submit()
        with self.assertRaises(UserError):
            self.report_a.with_user(self.officer_p).action_return(" ")
        self.assertEqual(self.report_a.state, "submitted")
