from datetime import datetime, timedelta

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from ...tests.common_operations import VstbpnOperationsCase

# AccessError and ValidationError are UserErrors: any refusal
REFUSED = UserError
WEEKLY_ON_MONDAYS = "FREQ=WEEKLY;COUNT=5;BYDAY=MO"


@tagged("post_install", "-at_install")
class TestRecurringEvents(VstbpnOperationsCase):
    """Odoo's calendar keeps working with the suite installed: a weekly
    recurring event, with or without a committee, is created and edited by
    its organiser as Odoo does it (the occurrences are made from the first
    event's values, derived fields included, empty as they are)."""

    def _weekly(self, user, committee=None):
        start = datetime(2026, 3, 2, 1, 0)  # a Monday
        vals = {
            "name": "Giao ban hằng tuần",
            "start": start,
            "stop": start + timedelta(hours=1),
            "recurrency": True,
            "rrule": WEEKLY_ON_MONDAYS,
        }
        if committee:
            vals["vstbpn_committee_id"] = committee.id
        return self.Event.with_user(user).create(vals)

    def _occurrences(self, event):
        return event.recurrence_id.calendar_event_ids.sorted("start")

    def _check_weekly(self, user, committee=None):
        event = self._weekly(user, committee)
        occurrences = self._occurrences(event)
        self.assertEqual(len(occurrences), 5)
        self.assertEqual(
            occurrences.mapped("vstbpn_committee_id"),
            committee or self.Committee,
        )
        if committee:
            self.assertEqual(set(occurrences.mapped("vstbpn_minutes_state")), {"draft"})
        return occurrences

    def test_admin_creates_a_weekly_event_without_a_committee(self):
        self._check_weekly(self.env.ref("base.user_admin"))

    def test_admin_creates_a_weekly_meeting_of_a_committee(self):
        self._check_weekly(self.env.ref("base.user_admin"), self.district_a)

    def test_officer_creates_a_weekly_event_without_a_committee(self):
        self._check_weekly(self.officer_a)

    def test_officer_moves_this_and_following_meetings(self):
        occurrences = self._check_weekly(self.officer_a, self.district_a)
        third = occurrences[2].with_user(self.officer_a)
        third.write(
            {
                "recurrence_update": "future_events",
                "start": third.start + timedelta(hours=2),
                "stop": third.stop + timedelta(hours=2),
            }
        )
        moved = self._occurrences(third)
        self.assertEqual(len(moved), 3)
        self.assertEqual(
            [event.start.hour for event in moved], [3, 3, 3], "moved two hours later"
        )
        self.assertEqual(moved.vstbpn_committee_id, self.district_a)
        self.assertEqual(len(self._occurrences(occurrences[0])), 2)

    def test_officer_moves_one_meeting_then_all(self):
        occurrences = self._check_weekly(self.officer_a, self.district_a)
        second = occurrences[1].with_user(self.officer_a)
        second.write(
            {
                "recurrence_update": "self_only",
                "start": second.start + timedelta(days=1),
                "stop": second.stop + timedelta(days=1),
            }
        )
        self.assertEqual(second.start.weekday(), 1, "this one on Tuesday")
        first = occurrences[0].with_user(self.officer_a)
        first.write({"recurrence_update": "all_events", "name": "Giao ban thứ Hai"})
        self.assertEqual(
            set(self._occurrences(first).mapped("name")), {"Giao ban thứ Hai"}
        )

    def test_meeting_url_of_a_recurring_meeting(self):
        """Odoo's own computed fields (the meeting URL) stay writable on a
        committee's meeting and are copied into its occurrences."""
        first = self._check_weekly(self.officer_a, self.district_a)[0]
        first.with_user(self.officer_a).write(
            {
                "recurrence_update": "all_events",
                "videocall_location": "https://meet.example.com/giao-ban",
            }
        )
        self.assertEqual(
            set(self._occurrences(first).mapped("videocall_location")),
            {"https://meet.example.com/giao-ban"},
        )
        first.with_user(self.officer_a).write(
            {
                "recurrence_update": "future_events",
                "start": first.start + timedelta(hours=1),
                "stop": first.stop + timedelta(hours=1),
            }
        )

    def test_officer_ends_the_recurrence(self):
        occurrences = self._check_weekly(self.officer_a, self.district_a)
        first = occurrences[0].with_user(self.officer_a)
        first.write({"recurrence_update": "all_events", "count": 2})
        self.assertEqual(len(self._occurrences(first)), 2)

    def test_officer_edits_this_and_following_of_a_plain_event(self):
        occurrences = self._check_weekly(self.officer_a)
        occurrences[3].with_user(self.officer_a).write(
            {"recurrence_update": "future_events", "name": "Họp nhóm"}
        )
        self.assertEqual(
            self._occurrences(occurrences[3]).mapped("name"), ["Họp nhóm"] * 2
        )

    def test_recurring_meetings_keep_the_integrity_rules(self):
        """A sibling cannot attach a recurrence to another committee, a
        derived field with a value is still refused, and the issued minutes of
        one occurrence freeze it when the others move."""
        with self.assertRaises(REFUSED):
            self._weekly(self.officer_b, self.district_a)
        self.assertFalse(
            self.Event.search([("vstbpn_committee_id", "=", self.district_a.id)])
        )
        with self.assertRaises(REFUSED):
            self.Event.with_user(self.officer_a).create(
                {
                    "name": "Giả mạo",
                    "start": datetime(2026, 3, 2, 1, 0),
                    "stop": datetime(2026, 3, 2, 2, 0),
                    "vstbpn_committee_id": self.district_a.id,
                    "vstbpn_participant_female": 40,
                }
            )
        occurrences = self._check_weekly(self.officer_a, self.district_a)
        first = occurrences[0].with_user(self.officer_a)
        first.write({"vstbpn_minutes": "<p>Biên bản</p>"})
        first.action_vstbpn_issue_minutes()
        with self.assertRaises(REFUSED):
            first.write(
                {
                    "recurrence_update": "all_events",
                    "start": first.start + timedelta(hours=1),
                    "stop": first.stop + timedelta(hours=1),
                }
            )
        self.assertEqual(first.start, datetime(2026, 3, 2, 1, 0))

    def test_posting_on_events_needs_what_odoo_asks(self):
        """Posting on a committee's meeting needs read access (the invited
        answer it); on Odoo's other events it needs write access, as Odoo
        asks."""
        meeting = self._check_weekly(self.officer_a, self.district_a)[0]
        plain = self._check_weekly(self.officer_a)[0]
        access = self.Event._get_mail_message_access
        self.assertEqual(access(meeting.ids, "create"), "read")
        self.assertEqual(access(plain.ids, "create"), "write")
        self.assertEqual(access((meeting | plain).ids, "create"), "write")

    def test_only_the_organiser_records_an_event_under_a_committee(self):
        """A plain event is recorded under a committee by its organiser only:
        anyone else would take it out of the organiser's hands."""
        plain = self._check_weekly(self.officer_b)[0]
        with self.assertRaises(REFUSED):
            plain.with_user(self.officer_a).write(
                {"vstbpn_committee_id": self.district_a.id}
            )
        self.assertFalse(plain.vstbpn_committee_id)
        own = self._check_weekly(self.officer_a)[0]
        own.with_user(self.officer_a).write({"vstbpn_committee_id": self.district_a.id})
        self.assertEqual(own.vstbpn_committee_id, self.district_a)

    def test_unchanged_derived_fields_sent_back_are_no_write(self):
        """A form sends back what it shows: derived fields equal to what is
        stored are no write; a different value is refused."""
        meeting = self._check_weekly(self.officer_a, self.district_a)[0]
        meeting.with_user(self.officer_a).write(
            {"vstbpn_minutes_state": "draft", "vstbpn_inspection_id": False}
        )
        with self.assertRaises(REFUSED):
            meeting.with_user(self.officer_a).write({"vstbpn_minutes_state": "issued"})
        self.assertEqual(meeting.vstbpn_minutes_state, "draft")


@tagged("post_install", "-at_install")
class TestMeetingAttendance(VstbpnOperationsCase):
    """Attendance of a committee's meeting is changed only by those who may
    change the meeting, and by no one once its minutes are issued, whether
    through the attendee, the event or an action on them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        for partner in (cls.alice, cls.bob, cls.officer_b.partner_id):
            partner.email = f"{partner.name.lower().replace(' ', '.')}@example.com"
        start = datetime(2026, 3, 10, 1, 0)
        cls.meeting = cls.Event.with_user(cls.officer_a).create(
            {
                "name": "Họp quý I",
                "vstbpn_committee_id": cls.district_a.id,
                "start": start,
                "stop": start + timedelta(hours=2),
                "partner_ids": [
                    (6, 0, (cls.alice | cls.bob | cls.officer_b.partner_id).ids)
                ],
            }
        )
        cls.alice_attendee = cls._attendee(cls.alice)
        cls.alice_attendee.do_accept()

    @classmethod
    def _attendee(cls, partner):
        return cls.meeting.attendee_ids.filtered(lambda a: a.partner_id == partner)

    def _attendance(self):
        self.env.invalidate_all()
        return sorted(
            (a.id, a.partner_id.id, a.state, a.vstbpn_attended)
            for a in self.meeting.attendee_ids
        ), self.meeting.vstbpn_attended_count

    def _assert_refused(self, user, change):
        before = self._attendance()
        with self.assertRaises(REFUSED):
            change(self.env(user=user))
        self.assertEqual(self._attendance(), before)

    def _issue_minutes(self):
        meeting = self.meeting.with_user(self.officer_a)
        meeting.write({"vstbpn_minutes": "<p>Biên bản</p>"})
        meeting.action_vstbpn_issue_minutes()

    # an officer of another committee, merely invited

    def test_invited_outsider_cannot_decline_for_others(self):
        self._assert_refused(
            self.officer_b,
            lambda env: self.alice_attendee.with_env(env).do_decline(),
        )

    def test_invited_outsider_cannot_replace_an_attendee(self):
        self._assert_refused(
            self.officer_b,
            lambda env: self.alice_attendee.with_env(env).write(
                {"partner_id": self.carol.id}
            ),
        )

    def test_invited_outsider_cannot_remove_an_attendee(self):
        self._assert_refused(
            self.officer_b, lambda env: self.alice_attendee.with_env(env).unlink()
        )

    def test_invited_outsider_cannot_uninvite_through_the_event(self):
        self._assert_refused(
            self.officer_b,
            lambda env: self.meeting.with_env(env).write(
                {"partner_ids": [(3, self.alice.id)]}
            ),
        )

    def test_invited_outsider_answers_own_invitation(self):
        own = self._attendee(self.officer_b.partner_id).with_user(self.officer_b)
        own.do_decline()
        self.assertEqual(own.state, "declined")

    # the meeting's own officer, after the minutes are issued

    def test_own_officer_cannot_remove_after_the_minutes(self):
        self._issue_minutes()
        self._assert_refused(
            self.officer_a, lambda env: self.alice_attendee.with_env(env).unlink()
        )

    def test_own_officer_cannot_decline_after_the_minutes(self):
        self._issue_minutes()
        self._assert_refused(
            self.officer_a,
            lambda env: self.alice_attendee.with_env(env).do_decline(),
        )

    def test_own_officer_cannot_uninvite_after_the_minutes(self):
        self._issue_minutes()
        self._assert_refused(
            self.officer_a,
            lambda env: self.meeting.with_env(env).write(
                {"partner_ids": [(3, self.alice.id)]}
            ),
        )

    def test_attendee_cannot_change_answer_after_the_minutes(self):
        self._issue_minutes()
        self._assert_refused(
            self.officer_b,
            lambda env: (
                self._attendee(self.officer_b.partner_id).with_env(env).do_accept()
            ),
        )

    def test_own_officer_changes_attendance_before_the_minutes(self):
        self.alice_attendee.with_user(self.officer_a).write(
            {"vstbpn_attended": False, "vstbpn_attendance_note": "vắng có lý do"}
        )
        self.meeting.with_user(self.officer_a).write(
            {"partner_ids": [(3, self.bob.id)]}
        )
        self.assertFalse(self._attendee(self.bob))
        self.assertEqual(self.meeting.vstbpn_attended_count, 0)


@tagged("post_install", "-at_install")
class TestMeetingBadInput(VstbpnOperationsCase):
    """What an officer could send for a committee's meeting over RPC gets a
    message naming the field, never a server error, and nothing is saved."""

    def _create(self, **vals):
        start = datetime(2026, 3, 10, 1, 0)
        return self.Event.with_user(self.officer_a).create(
            dict(
                {
                    "name": "Họp quý I",
                    "vstbpn_committee_id": self.district_a.id,
                    "start": start,
                    "stop": start + timedelta(hours=2),
                },
                **vals,
            )
        )

    def _assert_refused(self, **vals):
        before = self.Event.search_count([])
        with self.assertRaises(ValidationError):
            self._create(**vals)
        self.assertEqual(self.Event.search_count([]), before)

    def test_wrong_types_on_the_meeting_fields(self):
        self._assert_refused(vstbpn_event_type="party")
        self._assert_refused(start="yesterday")
        self._assert_refused(vstbpn_committee_id="abc")

    def test_texts_too_long(self):
        self._assert_refused(name="x" * 100_000)
        self._assert_refused(location="x" * 100_000)
        self._assert_refused(vstbpn_topic="x" * 100_000)

    def test_malformed_participant_lines(self):
        self._assert_refused(vstbpn_participation_ids=[(0, 0, "x")])
        self._assert_refused(vstbpn_participation_ids=[(4, "x")])
        self._assert_refused(vstbpn_participation_ids=5)

    def test_attendance_note_too_long(self):
        meeting = self._create(partner_ids=[(6, 0, self.alice.ids)])
        attendee = meeting.attendee_ids.with_user(self.officer_a)
        with self.assertRaises(ValidationError):
            attendee.write({"vstbpn_attendance_note": "x" * 100_000})
        self.assertFalse(attendee.vstbpn_attendance_note)

    def test_plain_events_are_odoos(self):
        """An event of no committee keeps Odoo's own behaviour: a long name
        is stored as Odoo stores it."""
        event = self._create(vstbpn_committee_id=False, name="x" * 1000)
        self.assertEqual(len(event.name), 1000)
