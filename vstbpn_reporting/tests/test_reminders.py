from datetime import date, timedelta

from freezegun import freeze_time

from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import VstbpnReportingCase


@tagged("post_install", "-at_install")
class TestReminders(VstbpnReportingCase):
    def _activities(self, report):
        return self.env["mail.activity"].search(
            [("res_model", "=", "vstbpn.report"), ("res_id", "=", report.id)]
        )

    def test_reminder_7_days_before_once_a_day(self):
        period = self._open_period(deadline=self.today() + timedelta(days=7))
        report_a = self._report(period, self.district_a)
        before = len(self._activities(report_a))
        Report = self.env["vstbpn.report"]
        Report._cron_remind_and_escalate()
        after_first = self._activities(report_a)
        self.assertEqual(len(after_first), before + 1)
        reminder = after_first.filtered(lambda a: "Reminder" in (a.summary or ""))
        self.assertEqual(reminder.user_id, self.officer_a)
        self.assertEqual(report_a.last_reminder_date, self.today())
        Report._cron_remind_and_escalate()
        self.assertEqual(self._activities(report_a), after_first, "nothing twice a day")

    def test_no_reminder_on_other_days_or_for_submitted_reports(self):
        period = self._open_period(deadline=self.today() + timedelta(days=3))
        report_a = self._report(period, self.district_a)
        report_b = self._report(period, self.district_b)
        report_b.action_submit()
        period.reminder_days = "3"
        before_a = self._activities(report_a)
        before_b = self._activities(report_b)
        self.env["vstbpn.report"]._cron_remind_and_escalate()
        self.assertEqual(len(self._activities(report_a)), len(before_a) + 1)
        self.assertEqual(self._activities(report_b), before_b)
        period.reminder_days = "7,1"
        report_a.last_reminder_date = False
        self.env["vstbpn.report"]._cron_remind_and_escalate()
        self.assertEqual(len(self._activities(report_a)), len(before_a) + 1)

    def test_overdue_report_escalates_to_the_committee_above_once(self):
        period = self._open_period(deadline=self.today() - timedelta(days=1))
        report_a = self._report(period, self.district_a)
        self.env["vstbpn.report"]._cron_remind_and_escalate()
        self.assertEqual(report_a.escalation_date, self.today())
        self.assertEqual(report_a.submission_status, "missing")
        escalation = self._activities(report_a).filtered(
            lambda a: a.user_id == self.officer_p
        )
        self.assertEqual(len(escalation), 1)
        self.assertIn("Overdue", escalation.summary)
        count = len(self._activities(report_a))
        messages = len(report_a.message_ids)
        self.env["vstbpn.report"]._cron_remind_and_escalate()
        self.assertEqual(len(self._activities(report_a)), count)
        self.assertEqual(len(report_a.message_ids), messages)

    def test_activities_speak_each_recipients_language(self):
        """The province opens the period in English; the unit reads Vietnamese."""
        # written back, not only rolled back: the language is also cached
        self.addCleanup(self.officer_a.write, {"lang": self.officer_a.lang})
        self.officer_a.lang = "vi_VN"
        period = self._open_period(deadline=date(2030, 12, 15))
        summary_a = self._activities(self._report(period, self.district_a)).summary
        summary_b = self._activities(self._report(period, self.district_b)).summary
        self.assertEqual(summary_a, f"Nộp báo cáo {period.name}")
        self.assertEqual(summary_b, f"Submit the report {period.name}")
        with freeze_time("2030-12-08"):
            self.env["vstbpn.report"]._cron_remind_and_escalate()
        reminder = self._activities(self._report(period, self.district_a)).filtered(
            lambda a: a.summary != summary_a
        )
        self.assertIn("15/12/2030", reminder.summary)
        self.assertTrue(reminder.summary.startswith("Nhắc"), reminder.summary)

    def test_invalid_reminder_days_are_refused(self):
        period = self._create_period()
        with self.assertRaises(ValidationError):
            period.reminder_days = "7, soon"

    def test_days_passing_turn_a_pending_report_missing(self):
        period = self._open_period(deadline=self.today() + timedelta(days=1))
        report_a = self._report(period, self.district_a)
        self.assertEqual(report_a.submission_status, "pending")
        with freeze_time(self.today() + timedelta(days=1)):
            self.env["vstbpn.report"]._cron_remind_and_escalate()  # 1 day before
            self.assertEqual(report_a.submission_status, "pending")
            self.assertFalse(report_a.escalation_date)
        with freeze_time(self.today() + timedelta(days=3)):
            self.env["vstbpn.report"]._cron_remind_and_escalate()
            self.env.flush_all()
            report_a.invalidate_recordset()
            self.assertEqual(report_a.submission_status, "missing")
            self.assertTrue(report_a.escalation_date)
