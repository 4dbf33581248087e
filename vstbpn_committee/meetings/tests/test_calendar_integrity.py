from datetime import date, datetime, timedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from ...core.models.vstbpn_integrity_mixin import (
    VstbpnIntegrityMixin,
)
from ...tests.common_operations import VstbpnOperationsCase

START = datetime(2026, 3, 2, 1, 0)  # a Monday
WEEKLY_ON_MONDAYS = "FREQ=WEEKLY;COUNT=4;BYDAY=MO"
# Texts a committee's meeting refuses (one-line texts take at most 256
# characters there) and Odoo stores as they are on any other event.
LONG_TEXTS = {
    "name": "Giao ban " + "x" * 991,
    "location": "Hội trường " + "y" * 989,
    "vstbpn_topic": "Kỹ năng " + "z" * 992,
}
# The integrity mixin's hooks that calendar.event overrides, and why: a
# committee's events only (guards), Odoo's own computed fields left writable
# (protected fields), the minutes opened as a draft (field default), a plain
# event recorded under a committee by its organiser (may move).
CALENDAR_HOOKS = {
    "_vstbpn_guards_new",
    "_vstbpn_guarded",
    "_vstbpn_protected_fields",
    "_vstbpn_field_default",
    "_vstbpn_may_move",
}


@tagged("post_install", "-at_install")
class TestCalendarIntegrity(VstbpnOperationsCase):
    """Odoo's calendar.event gets the suite's checks through the integrity
    mixin itself, filtered to the events of a committee: Odoo's own events
    are left as Odoo makes them, a committee's meetings are refused what
    every record of the suite is refused, with the same messages."""

    def _event(self, committee=None, recurring=False, **vals):
        vals = dict(
            {"name": "Giao ban", "start": START, "stop": START + timedelta(hours=1)},
            **vals,
        )
        if committee:
            vals["vstbpn_committee_id"] = committee.id
        if recurring:
            vals.update(recurrency=True, rrule=WEEKLY_ON_MONDAYS)
        return self.Event.with_user(self.officer_a).create(vals)

    def _occurrences(self, event):
        return event.recurrence_id.calendar_event_ids.sorted("start")

    def _too_long(self, name):
        label = self.Event._fields[name]._description_string(self.env)
        return f"{label}: at most 256 characters (1000 were entered): shorten it."

    # events of no committee: Odoo's

    def test_plain_event_keeps_what_a_meeting_refuses(self):
        event = self._event(**LONG_TEXTS)
        for name, value in LONG_TEXTS.items():
            self.assertEqual(event[name], value)
        longer = {name: value + "!" for name, value in LONG_TEXTS.items()}
        event.with_user(self.officer_a).write(longer)
        for name, value in longer.items():
            self.assertEqual(event[name], value)
        self.assertFalse(event.vstbpn_minutes_state, "no minutes for Odoo's events")

    def test_recurring_plain_event_keeps_what_a_meeting_refuses(self):
        occurrences = self._occurrences(self._event(recurring=True, **LONG_TEXTS))
        self.assertEqual(len(occurrences), 4)
        for name, value in LONG_TEXTS.items():
            self.assertEqual(set(occurrences.mapped(name)), {value})
        third = occurrences[2].with_user(self.officer_a)
        third.write(
            {
                "recurrence_update": "future_events",
                "name": LONG_TEXTS["name"] + "!",
                "start": third.start + timedelta(hours=2),
                "stop": third.stop + timedelta(hours=2),
            }
        )
        following = self._occurrences(third)
        self.assertEqual(len(following), 2)
        self.assertEqual(set(following.mapped("name")), {LONG_TEXTS["name"] + "!"})
        self.assertEqual(len(self._occurrences(occurrences[0])), 2)

    # a committee's meetings: the mixin's refusals

    def test_meeting_refused_with_the_mixins_message(self):
        for name, value in LONG_TEXTS.items():
            before = self.Event.search_count([])
            with (
                self.subTest(field=name),
                self.assertRaises(ValidationError) as caught,
            ):
                self._event(self.district_a, **{name: value})
            self.assertEqual(str(caught.exception), self._too_long(name))
            self.assertEqual(self.Event.search_count([]), before, "nothing saved")

    def test_recurring_meeting_refused_with_the_mixins_message(self):
        before = self.Event.search_count([])
        with self.assertRaises(ValidationError) as caught:
            self._event(self.district_a, recurring=True, name=LONG_TEXTS["name"])
        self.assertEqual(str(caught.exception), self._too_long("name"))
        self.assertEqual(self.Event.search_count([]), before)
        meeting = self._occurrences(self._event(self.district_a, recurring=True))[1]
        with self.assertRaises(ValidationError) as caught:
            meeting.with_user(self.officer_a).write(
                {"recurrence_update": "all_events", "location": LONG_TEXTS["location"]}
            )
        self.assertEqual(str(caught.exception), self._too_long("location"))

    def test_meeting_refusal_in_vietnamese(self):
        Event = self.vi(self.Event.with_user(self.officer_a))
        with self.assertRaises(ValidationError) as caught:
            Event.create(
                {
                    "name": "Họp quý I",
                    "vstbpn_committee_id": self.district_a.id,
                    "start": START,
                    "stop": START + timedelta(hours=1),
                    "vstbpn_topic": LONG_TEXTS["vstbpn_topic"],
                }
            )
        self.assertEqual(
            str(caught.exception),
            "Chủ đề tập huấn: tối đa 256 ký tự (đã nhập 1000 ký tự): hãy rút gọn.",
        )

    def test_plain_event_recorded_only_under_a_committee_one_plans_for(self):
        """Moving a tie field, where the model allows it, is checked by the
        mixin as at creation: the target is a committee the user manages."""
        event = self._event()
        with self.assertRaises(AccessError) as caught:
            event.with_user(self.officer_a).write(
                {"vstbpn_committee_id": self.district_b.id}
            )
        self.assertIn("You cannot record", str(caught.exception))
        self.assertFalse(event.vstbpn_committee_id)
        event.with_user(self.officer_a).write(
            {"vstbpn_committee_id": self.district_a.id, "name": "Họp quý I"}
        )
        self.assertEqual(event.vstbpn_committee_id, self.district_a)
        with self.assertRaises(ValidationError):
            event.with_user(self.officer_a).write({"name": LONG_TEXTS["name"]})

    def test_plain_event_with_the_suites_values_stays_plain(self):
        """Values only the suite writes on a committee's meeting may sit on an
        event of no committee, which nothing guards: such an event is never
        recorded under a committee, where they would enter unchecked."""
        inspection = self.env["vstbpn.inspection"].search([], limit=1)
        self.assertTrue(inspection, "the demo data has inspections")
        for vals in (
            {"vstbpn_minutes_state": "issued"},
            {"vstbpn_minutes_date": date(2026, 3, 2)},
            {"vstbpn_inspection_id": inspection.id},
        ):
            event = self._event(**vals)
            with self.subTest(vals=vals):
                with self.assertRaises(UserError) as caught:
                    event.with_user(self.officer_a).write(
                        {"vstbpn_committee_id": self.district_a.id}
                    )
                self.assertIn(
                    "cannot be changed once it is recorded", str(caught.exception)
                )
                self.assertFalse(event.vstbpn_committee_id)

    # no copy of the mixin in calendar.event

    def test_calendar_checks_are_the_mixins_own(self):
        """Every method of the integrity mixin that calendar.event has is the
        mixin's own, but for the hooks it is meant to override."""
        Mixin = type(self.env["vstbpn.integrity.mixin"])
        Event = type(self.Event)
        self.assertTrue(issubclass(Event, VstbpnIntegrityMixin))
        names = {name for name in dir(Mixin) if name.startswith("_vstbpn_")}
        self.assertIn("_vstbpn_check_values", names)
        overridden = {
            name
            for name in names
            if callable(getattr(Mixin, name))
            and getattr(Event, name) is not getattr(Mixin, name)
        }
        self.assertEqual(overridden, CALENDAR_HOOKS)

    def test_the_hooks_guard_a_committees_events_only(self):
        meeting = self._event(self.district_a)
        plain = self._event()
        events = meeting | plain
        self.assertEqual(events._vstbpn_guarded({}), meeting)
        self.assertEqual(
            events._vstbpn_guarded({"vstbpn_committee_id": self.district_a.id}),
            events,
        )
        self.assertTrue(self.Event._vstbpn_guards_new({"vstbpn_committee_id": 1}))
        self.assertFalse(self.Event._vstbpn_guards_new({"name": "Giao ban"}))
        committees = self.district_a | self.district_b
        self.assertEqual(committees._vstbpn_guarded({}), committees, "all by default")


@tagged("post_install", "-at_install")
class TestPlanMeetingsJob(VstbpnOperationsCase):
    """When the daily job asks a committee's officers to plan the next
    regular meeting: a period after the last one, never before today, and
    not while one is planned within the period."""

    def test_next_meeting_due(self):
        self.district_a.meeting_frequency = "quarterly"
        due = self.Event._vstbpn_next_meeting_due
        today = date(2026, 3, 1)
        last = datetime(2026, 1, 5, 1, 0)
        self.assertEqual(due(self.district_a, today, None, last), date(2026, 4, 7))
        self.assertEqual(due(self.district_a, today, None, None), today)
        long_ago = datetime(2025, 1, 5, 1, 0)
        self.assertEqual(due(self.district_a, today, None, long_ago), today)
        soon = datetime(2026, 4, 1, 1, 0)
        self.assertIsNone(due(self.district_a, today, soon, last))
        later = datetime(2026, 7, 1, 1, 0)
        self.assertEqual(due(self.district_a, today, later, last), date(2026, 4, 7))

    def test_activities_for_the_officers_of_the_committee(self):
        values = self.Event._vstbpn_plan_meeting_activity_values(
            self.district_a, date(2026, 4, 7)
        )
        self.assertEqual(
            {vals["user_id"] for vals in values},
            set((self.officer_a | self.manager_a).ids),
        )
        self.assertEqual({vals["date_deadline"] for vals in values}, {date(2026, 4, 7)})
        self.assertEqual({vals["res_id"] for vals in values}, {self.district_a.id})
