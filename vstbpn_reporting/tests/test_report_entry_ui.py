from datetime import date, timedelta

from odoo import Command
from odoo.tests import HttpCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user

OFFICER_GROUPS = "base.group_user,vstbpn_committee.group_officer"
REASON = "Training participants: count the women of the second course too"


class ReportEntryUiCase(HttpCase):
    """A commune files its report and the province reviews it, in a browser.

    Each step is a tour; what it changed is read from the database after it.
    The template asks for a figure by sex (ACT-04), a count (ACT-01) and a
    figure the system fills from HR (FC-01); the commune's previous report,
    accepted, had 20 participants.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Committee = cls.env["vstbpn.committee"]
        cls.province = Committee.create(
            {
                "name": "Entry Province",
                "code": "ENTRY-P",
                "level_id": cls.env.ref("vstbpn_committee.level_province").id,
            }
        )
        cls.commune = Committee.create(
            {
                "name": "Entry Commune",
                "code": "ENTRY-C",
                "parent_id": cls.province.id,
                "level_id": cls.env.ref("vstbpn_committee.level_commune").id,
            }
        )
        cls.commune_officer = cls._user("entry_commune", cls.commune)
        cls.province_officer = cls._user("entry_province", cls.province)
        ref = cls.env.ref
        cls.participants = ref("vstbpn_reporting.indicator_act_training_participants")
        cls.meetings = ref("vstbpn_reporting.indicator_act_meetings")
        cls.staff = ref("vstbpn_reporting.indicator_hr_staff")
        # the commune types these two (their sources are tested elsewhere)
        (cls.participants | cls.meetings).source = False
        template = cls.env["vstbpn.report.template"].create(
            {
                "name": "Entry semi-annual",
                "kind": "semi_annual",
                "line_ids": [
                    Command.create({"sequence": i, "indicator_id": indicator.id})
                    for i, indicator in enumerate(
                        cls.participants | cls.meetings | cls.staff
                    )
                ],
            }
        )
        today = date.today()
        earlier = cls._report(template, today - timedelta(days=400), today)
        earlier.value_ids.filtered(lambda v: v.indicator_id == cls.participants).write(
            {"female": 12, "male": 8}
        )
        earlier.with_user(cls.commune_officer).action_submit()
        earlier.with_user(cls.province_officer).action_accept()
        cls.report = cls._report(template, today - timedelta(days=180), today)

    @classmethod
    def _user(cls, login, committee):
        return mail_new_test_user(
            cls.env,
            login=login,
            groups=OFFICER_GROUPS,
            lang="en_US",
            vstbpn_committee_ids=[Command.set(committee.ids)],
        )

    @classmethod
    def _report(cls, template, date_from, today):
        period = cls.env["vstbpn.report.period"].create(
            {
                "name": f"Entry {date_from}",
                "template_id": template.id,
                "committee_id": cls.province.id,
                "date_from": date_from,
                "date_to": date_from + timedelta(days=150),
                "deadline": today + timedelta(days=10),
            }
        )
        period.action_open()
        return period.report_ids.filtered(lambda r: r.committee_id == cls.commune)

    def _figures(self):
        self.report.invalidate_recordset()
        values = {v.indicator_id: v for v in self.report.value_ids}
        participants = values[self.participants]
        return (
            participants.female,
            participants.male,
            participants.total,
            values[self.meetings].value_number,
        )

    def _tour(self, name, user):
        self.start_tour(
            f"/odoo/action-vstbpn_reporting.vstbpn_report_action/{self.report.id}",
            name,
            login=user.login,
        )
        self.report.invalidate_recordset()

    def _file_and_review(self):
        self._tour("vstbpn_report_fill_submit_tour", self.commune_officer)
        self.assertEqual(self.report.state, "submitted")
        self.assertEqual(self.report.submitted_user_id, self.commune_officer)
        self.assertEqual(self._figures(), (3, 2, 5, 4))

        self._tour("vstbpn_report_return_tour", self.province_officer)
        self.assertEqual(self.report.state, "draft")
        self.assertEqual(self.report.return_reason, REASON)

        self._tour("vstbpn_report_correct_tour", self.commune_officer)
        self.assertEqual(self.report.state, "submitted")
        self.assertFalse(self.report.return_reason)
        self.assertEqual(self._figures(), (4, 2, 6, 4))

        self._tour("vstbpn_report_accept_tour", self.province_officer)
        self.assertEqual(self.report.state, "accepted")
        self.assertEqual(self.report.accepted_user_id, self.province_officer)


@tagged("post_install", "-at_install")
class TestReportEntryOnAPhone(ReportEntryUiCase):
    browser_size = "375x667"
    touch_enabled = True

    def test_commune_files_and_province_reviews_on_a_phone(self):
        self._file_and_review()


@tagged("post_install", "-at_install")
class TestReportEntryAtADesk(ReportEntryUiCase):
    browser_size = "1366x768"

    def test_commune_files_and_province_reviews_at_a_desk(self):
        self._file_and_review()
