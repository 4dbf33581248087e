from datetime import date, datetime

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from odoo.addons.mail.tests.common import mail_new_test_user

from .common import YEAR, VstbpnCampaignCase


@tagged("post_install", "-at_install")
class TestActivity(VstbpnCampaignCase):
    """Activities: their figures, dates, results, calendar event and state."""

    def test_totals_and_resources(self):
        activity = self._activity(
            partner_line_ids=[
                (
                    0,
                    0,
                    {
                        "partner_id": self.partner.id,
                        "role": "enterprise",
                        "cash_amount": 5_000_000,
                        "in_kind_description": "T-shirts",
                        "in_kind_value": 2_000_000,
                    },
                ),
            ]
        )
        self.assertEqual(activity.planned_total, 50)
        self.assertEqual(activity.committee_id, self.district_a)
        self.assertEqual(activity.campaign_id, self.campaign)
        self.assertEqual(
            (activity.cash_amount, activity.in_kind_value, activity.partner_count),
            (5_000_000, 2_000_000, 1),
        )
        line = activity.partner_line_ids
        self.assertEqual(
            line.committee_id,
            self.district_a,
            "what a partner gave belongs to the unit",
        )

    def test_programmes_served(self):
        programme = self.env.ref("vstbpn_committee.programme_gbv_project_2016_2020")
        activity = self._activity(programme_ids=[(6, 0, programme.ids)])
        self.assertEqual(activity.programme_ids, programme)

    def test_refused_figures_save_nothing(self):
        activity = self._activity()
        cases = [
            ({"actual_female": -1}, "cannot be negative"),
            ({"actual_female": 2_000_000}, "more than"),
            ({"actual_female": 10, "actual_male": 5, "actual_total": 20}, "must equal"),
            ({"online_views": -5}, "cannot be negative"),
        ]
        for vals, message in cases:
            with (
                self.subTest(vals=vals),
                self.refused(ValidationError, message),
            ):
                activity.with_user(self.officer_a).write(vals)
            activity.invalidate_recordset()
            self.assertEqual(activity.actual_total, 0)
        with self.refused(ValidationError, "cannot be negative"):
            activity.with_user(self.officer_a).write(
                {
                    "partner_line_ids": [
                        (0, 0, {"partner_id": self.partner.id, "cash_amount": -1})
                    ]
                }
            )
        with self.refused(ValidationError, "beyond belief"):
            activity.with_user(self.officer_a).write(
                {
                    "partner_line_ids": [
                        (0, 0, {"partner_id": self.partner.id, "in_kind_value": 1e13})
                    ]
                }
            )
        self.assertFalse(activity.partner_line_ids)

    def test_only_the_total_may_be_given(self):
        activity = self._activity(planned_female=0, planned_male=0, planned_total=200)
        self.assertEqual(
            activity.planned_total, 200, "sexes not counted: the total alone"
        )

    def test_dates_within_the_campaign(self):
        with self.refused(ValidationError, "outside"):
            self._activity(
                date_start=datetime(YEAR, 11, 5, 2), date_end=datetime(YEAR, 11, 5, 5)
            )
        with self.refused(ValidationError, "outside"):
            self._activity(
                date_start=datetime(YEAR, 12, 15, 2), date_end=datetime(YEAR, 12, 16, 5)
            )
        with self.refused(ValidationError, "ends before"):
            self._activity(date_end=datetime(YEAR, 11, 19, 5))
        # 14 December 23:30 UTC is 15 December in Viet Nam: still inside
        self._activity(
            date_start=datetime(YEAR, 12, 14, 23, 30),
            date_end=datetime(YEAR, 12, 15, 1),
        )
        self.campaign.with_user(self.officer_p).preparation_date = date(YEAR, 11, 1)
        preparation = self._activity(
            date_start=datetime(YEAR, 11, 5, 2), date_end=datetime(YEAR, 11, 5, 5)
        )
        self.assertEqual(preparation.state, "planned")

    def test_done_needs_participants(self):
        activity = self._activity()
        with self.refused(UserError, "how many people took part"):
            activity.action_mark_done()
        self.assertEqual(activity.state, "planned")
        self._done(activity, 18, 7)
        self.assertEqual(
            (activity.state, activity.actual_total, activity.date_done),
            # Viet Nam's day, not the server's
            ("done", 25, self.today()),
        )
        online = self._activity(format_id=self.social.id)
        online.write({"online_posts": 4, "online_views": 1200})
        online.action_mark_done()
        self.assertEqual(
            online.state, "done", "people reached online count for communication"
        )

    def test_states_are_written_by_the_workflow_only(self):
        activity = self._activity()
        with self.assertRaises(UserError):
            activity.with_user(self.officer_a).write({"state": "done"})
        with self.assertRaises(UserError):
            self.env["vstbpn.campaign.activity"].with_user(self.officer_a).create(
                {
                    "plan_id": self.plan_a.id,
                    "name": "x",
                    "format_id": self.talk.id,
                    "state": "done",
                    "date_start": datetime(YEAR, 11, 20, 2),
                    "date_end": datetime(YEAR, 11, 20, 3),
                }
            )

    def test_cancel_with_a_reason(self):
        activity = self._activity()
        action = activity.action_open_cancel_wizard()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.officer_a)
            .with_context(**action["context"])
        )
        with self.refused(UserError, "Say why"):
            activity.with_user(self.officer_a).action_cancel(" ")
        wizard.create({"reason": "Storm warning"}).action_confirm()
        self.assertEqual(
            (activity.state, activity.cancel_reason), ("cancelled", "Storm warning")
        )
        self.assertFalse(activity.calendar_event_id.active)
        activity.with_user(self.officer_a).action_reset_to_planned()
        self.assertEqual(activity.state, "planned")
        self.assertTrue(activity.calendar_event_id.active)

    def test_results_locked_once_the_campaign_is_closed(self):
        activity = self._done(self._activity(), 10, 5)
        activity.with_user(self.officer_a).write(
            {"actual_female": 12, "result_note": "Corrected"}
        )
        self.assertEqual(activity.actual_total, 17)
        self.campaign.with_user(self.officer_p).action_close()
        with self.refused(UserError, "closed"):
            activity.with_user(self.officer_a).write({"actual_female": 20})
        with self.refused(UserError, "closed"):
            activity.with_user(self.officer_a).action_reset_to_planned()
        with self.assertRaises(UserError):
            activity.with_user(self.officer_a).write(
                {
                    "partner_line_ids": [
                        (0, 0, {"partner_id": self.partner.id, "cash_amount": 1})
                    ]
                }
            )
        with self.assertRaises(UserError):
            self._activity()
        self.assertEqual(activity.actual_female, 12)

    def test_done_activities_are_not_deleted(self):
        activity = self._done(self._activity(), 1, 1)
        with self.assertRaises(UserError):
            activity.with_user(self.officer_a).unlink()
        planned = self._activity()
        event = planned.calendar_event_id
        planned.with_user(self.officer_a).unlink()
        self.assertFalse(event.exists())

    def test_on_the_calendar(self):
        activity = self._activity()
        event = activity.calendar_event_id
        self.assertEqual(
            (event.name, event.start, event.location),
            (activity.name, activity.date_start, "Ward hall"),
        )
        self.assertEqual((event.res_model, event.res_id), (activity._name, activity.id))
        self.assertIn(self.officer_a.partner_id, event.partner_ids)
        self.assertEqual(event.privacy, "private")
        activity.with_user(self.officer_a).write(
            {
                "date_start": datetime(YEAR, 11, 21, 2),
                "date_end": datetime(YEAR, 11, 21, 4),
                "location": "School",
            }
        )
        self.assertEqual(
            (event.start, event.stop, event.location),
            (datetime(YEAR, 11, 21, 2), datetime(YEAR, 11, 21, 4), "School"),
        )
        # the event is the unit's committee's: a sibling unit's officer does
        # not read it, nor find it by its name
        self.assertEqual(event.vstbpn_committee_id, self.district_a)
        self.assertEqual(event.vstbpn_event_type, "campaign_activity")
        event.invalidate_recordset()
        with self.assertRaises(AccessError):
            event.with_user(self.officer_b).read(["name", "location"])
        self.assertFalse(
            self.env["calendar.event"]
            .with_user(self.officer_b)
            .search([("name", "ilike", activity.name)])
        )

    def test_calendar_attendance_stays_with_the_unit(self):
        """Another unit's officer, or an internal user of no committee, can
        neither remove the activity's attendees, decline for them, nor post
        on its event."""
        event = self._activity().calendar_event_id
        attendee = event.attendee_ids.filtered(
            lambda a: a.partner_id == self.officer_a.partner_id
        )
        outsider = mail_new_test_user(
            self.env, login="c_outsider", groups="base.group_user"
        )
        before = sorted((a.id, a.state) for a in event.attendee_ids)
        for user in (self.officer_b, outsider):
            with self.assertRaises(UserError):
                attendee.with_user(user).unlink()
            with self.assertRaises(UserError):
                attendee.with_user(user).do_decline()
            with self.assertRaises(UserError):
                event.with_user(user).message_post(body="spam")
        event.invalidate_recordset()
        self.assertEqual(sorted((a.id, a.state) for a in event.attendee_ids), before)
