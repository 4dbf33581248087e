from datetime import date, datetime, timedelta

from odoo import fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from ...tests.common_operations import VstbpnOperationsCase


@tagged("post_install", "-at_install")
class TestMeeting(VstbpnOperationsCase):
    """A committee's meetings and trainings, on Odoo's calendar."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # answering an invitation posts as the attendee, who needs an address
        cls.bob.email = "bob@example.com"
        cls.carol.email = "carol@example.com"
        cls.bob_member, cls.carol_member = cls.Member.create(
            [
                {
                    "committee_id": cls.district_a.id,
                    "partner_id": partner.id,
                    "role": role,
                    "date_start": "2020-01-01",
                }
                for partner, role in ((cls.bob, "head"), (cls.carol, "secretary"))
            ]
        )

    def _meeting(self, committee=None, user=None, **vals):
        user = user or self.officer_a
        start = datetime(2026, 3, 10, 1, 0)
        return self.Event.with_user(user).create(
            dict(
                {
                    "name": "Họp quý I",
                    "vstbpn_committee_id": (committee or self.district_a).id,
                    "start": start,
                    "stop": start + timedelta(hours=2),
                },
                **vals,
            )
        )

    def test_attendees_default_to_the_current_members(self):
        meeting = self._meeting()
        self.assertEqual(meeting.vstbpn_event_type, "regular_meeting")
        self.assertLessEqual(self.bob | self.carol, meeting.partner_ids)
        self.assertIn(self.officer_a.partner_id, meeting.partner_ids)
        self.assertEqual(meeting.vstbpn_minutes_state, "draft")

    def test_attendance_from_the_answers_corrected_by_the_secretary(self):
        meeting = self._meeting()
        bob = meeting.attendee_ids.filtered(lambda a: a.partner_id == self.bob)
        carol = meeting.attendee_ids.filtered(lambda a: a.partner_id == self.carol)
        bob.do_accept()
        carol.do_decline()
        self.assertTrue(bob.vstbpn_attended)
        self.assertFalse(carol.vstbpn_attended)
        # Carol came after all; Bob did not
        carol.with_user(self.officer_a).write(
            {"vstbpn_attended": True, "vstbpn_attendance_note": "Đến muộn"}
        )
        bob.with_user(self.officer_a).write({"vstbpn_attended": False})
        self.assertEqual(meeting.vstbpn_attended_count, 2)  # Carol and the officer
        with self.assertRaises(AccessError):
            bob.with_user(self.officer_b).write({"vstbpn_attended": True})

    def test_issuing_the_minutes_freezes_them(self):
        meeting = self._meeting()
        with self.assertRaisesRegex(UserError, "Write the minutes"):
            meeting.with_user(self.officer_a).action_vstbpn_issue_minutes()
        meeting.with_user(self.officer_a).write(
            {
                "vstbpn_agenda": "<p>Sơ kết quý I</p>",
                "vstbpn_minutes": "<p>Thống nhất kế hoạch quý II</p>",
                "vstbpn_chair_partner_id": self.bob.id,
                "vstbpn_secretary_partner_id": self.carol.id,
            }
        )
        bob = meeting.attendee_ids.filtered(lambda a: a.partner_id == self.bob)
        bob.do_accept()
        self.district_a.document_symbol = "BVSTBPN"
        meeting.with_user(self.officer_a).action_vstbpn_issue_minutes()
        self.assertEqual(meeting.vstbpn_minutes_state, "issued")
        # issued as a numbered document of the committee's series (BB)
        document = meeting.vstbpn_document_id
        self.assertEqual(document.document_reference, "01/BB-BVSTBPN")
        self.assertEqual(document.state, "issued")
        self.assertEqual(document.signer_name, "Bob", "the chair signs")
        self.assertIn("Thống nhất kế hoạch quý II", document.body)
        self.assertTrue(bob.vstbpn_attended)
        with self.assertRaisesRegex(UserError, "issued"):
            meeting.with_user(self.officer_a).write({"vstbpn_minutes": "<p>x</p>"})
        with self.assertRaisesRegex(UserError, "issued"):
            bob.with_user(self.officer_a).write({"vstbpn_attended": False})
        with self.assertRaisesRegex(UserError, "issued"):
            bob.do_decline()  # no answer is changed for him afterwards
        self.assertTrue(bob.vstbpn_attended)
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "vstbpn_committee.calendar_event_minutes_report", meeting.ids
            )[0]
            .decode()
        )
        self.assertIn("Thống nhất kế hoạch quý II", html)
        self.assertIn("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", html)
        self.assertIn("01/BB-BVSTBPN", html)

    def test_minutes_without_a_document_symbol_are_not_numbered(self):
        meeting = self._meeting(vstbpn_minutes="<p>Nội dung</p>")
        meeting.with_user(self.officer_a).action_vstbpn_issue_minutes()
        self.assertEqual(meeting.vstbpn_minutes_state, "issued")
        self.assertFalse(meeting.vstbpn_document_id)
        self.assertIn("no document symbol", meeting.message_ids[0].body)
        # once the symbol is set, printing numbers them
        self.district_a.document_symbol = "BVSTBPN"
        meeting.with_user(self.officer_a).action_vstbpn_print_minutes()
        self.assertEqual(meeting.vstbpn_document_id.document_reference, "01/BB-BVSTBPN")

    def test_workflow_fields_and_committee_are_the_systems(self):
        meeting = self._meeting()
        for vals in (
            {"vstbpn_minutes_state": "issued"},
            {"vstbpn_document_id": self.env["vstbpn.document"].search([], limit=1).id},
            {"vstbpn_committee_id": self.district_b.id},
            {"vstbpn_participant_total": 5},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                meeting.with_user(self.officer_a).write(vals)
        with self.assertRaises(AccessError):
            self._meeting(committee=self.district_b, user=self.officer_a)
        with self.assertRaises(AccessError):
            self._meeting(user=self.member_a)

    def test_siblings_read_nothing_the_invited_and_the_committee_above_do(self):
        meeting = self._meeting()
        Event = self.Event.with_user(self.officer_b)
        self.assertFalse(Event.search([("id", "=", meeting.id)]))
        with self.assertRaises(AccessError):
            meeting.with_user(self.officer_b).read(["name"])
        meeting.with_user(self.officer_p).read(["name", "vstbpn_minutes"])
        # invited from elsewhere: reads it, does not change it
        meeting.with_user(self.officer_a).write(
            {"partner_ids": [(4, self.officer_b.partner_id.id)]}
        )
        meeting.with_user(self.officer_b).read(["name"])
        with self.assertRaises(AccessError):
            meeting.with_user(self.officer_b).write({"name": "x"})
        own = meeting.attendee_ids.filtered(
            lambda a: a.partner_id == self.officer_b.partner_id
        )
        own.with_user(self.officer_b).do_accept()
        self.assertEqual(own.state, "accepted")
        # events without a committee are left to the calendar's own rules
        private = self.Event.with_user(self.officer_b).create(
            {
                "name": "Việc riêng",
                "start": datetime(2026, 3, 1),
                "stop": datetime(2026, 3, 1, 1),
            }
        )
        private.with_user(self.officer_a).read(["name"])

    def test_training_participants_by_sex_and_level(self):
        training = self._meeting(vstbpn_event_type="training", name="Tập huấn")
        Participation = self.env["vstbpn.training.participation"].with_user(
            self.officer_a
        )
        Participation.create(
            [
                {
                    "event_id": training.id,
                    "level_id": self.level_district.id,
                    "female": 20,
                    "male": 8,
                },
                {
                    "event_id": training.id,
                    "level_id": self.level_commune.id,
                    "female": 35,
                    "male": 12,
                },
            ]
        )
        self.assertEqual(
            (
                training.vstbpn_participant_female,
                training.vstbpn_participant_male,
                training.vstbpn_participant_total,
            ),
            (55, 20, 75),
        )
        with self.assertRaises(ValidationError):
            Participation.create(
                {
                    "event_id": training.id,
                    "level_id": self.level_district.id,
                    "female": -1,
                }
            )
        with self.assertRaises(AccessError):
            Participation.with_user(self.officer_b).create(
                {"event_id": training.id, "level_id": self.level_district.id}
            )
        period = (date(2026, 1, 1), date(2026, 12, 31))
        units = self.district_a | self.district_b
        # counted once held: its minutes issued
        self.assertEqual(self.Event._vstbpn_training_figures(units, *period), {})
        training.vstbpn_minutes = "<p>Tập huấn</p>"
        training.with_user(self.officer_a).action_vstbpn_issue_minutes()
        figures = self.Event._vstbpn_training_figures(units, *period)
        self.assertEqual(figures, {self.district_a.id: (55, 20, 75)})

    def test_daily_job_asks_to_plan_the_next_meeting_once(self):
        self.district_a.meeting_frequency = "quarterly"
        Activity = self.env["mail.activity"]
        activity_type = self.env.ref("vstbpn_committee.mail_activity_type_plan_meeting")

        def planning_activities():
            return Activity.search(
                [
                    ("res_model", "=", "vstbpn.committee"),
                    ("res_id", "=", self.district_a.id),
                    ("activity_type_id", "=", activity_type.id),
                ]
            )

        self.Event._vstbpn_cron_plan_meetings()
        first = planning_activities()
        self.assertEqual(first.user_id, self.officer_a | self.manager_a)
        self.Event._vstbpn_cron_plan_meetings()
        self.assertEqual(planning_activities(), first, "never twice")
        first.action_done()
        # a meeting planned within the quarter: nothing to ask
        start = fields.Datetime.now() + timedelta(days=20)
        self._meeting(start=start, stop=start + timedelta(hours=2))
        self.Event._vstbpn_cron_plan_meetings()
        self.assertFalse(planning_activities())

    def test_meetings_of_the_units_are_counted_per_programme(self):
        self._meeting(vstbpn_programme_ids=[(6, 0, self.strategy.ids)])
        self._meeting(
            committee=self.district_b,
            user=self.officer_b,
            vstbpn_programme_ids=[(6, 0, self.strategy.ids)],
        )
        self.assertEqual(self.strategy.with_user(self.officer_p).event_count, 2)
        self.assertEqual(self.strategy.with_user(self.officer_a).event_count, 1)
