from datetime import datetime, timedelta

from odoo.exceptions import UserError
from odoo.tests import tagged

from .common_operations import VstbpnOperationsCase

# AccessError and ValidationError are UserErrors: any refusal
REFUSED = UserError


@tagged("post_install", "-at_install")
class TestIntegrityOverRpc(VstbpnOperationsCase):
    """What a unit's user could send over JSON-RPC to records that the
    registry test (models with a ``committee_id``) does not reach: Odoo
    checks the rules on the records before a write, so a field that ties a
    record to its parent must not change, and figures of a frozen record
    must not move."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Attendee = cls.env["calendar.attendee"]
        # answering an invitation posts as the attendee, who needs an address
        cls.alice.email = "alice@example.com"

    def _meeting(self, committee, user, partners=None):
        start = datetime(2026, 3, 10, 1, 0)
        vals = {
            "name": f"Họp quý I {committee.name}",
            "vstbpn_committee_id": committee.id,
            "start": start,
            "stop": start + timedelta(hours=2),
        }
        if partners is not None:
            vals["partner_ids"] = [(6, 0, partners.ids)]
        return self.Event.with_user(user).create(vals)

    def _attendance(self, meeting):
        meeting.invalidate_recordset()
        return sorted(
            (a.partner_id.id, a.state, a.vstbpn_attended) for a in meeting.attendee_ids
        )

    def test_attendee_does_not_move_to_a_sibling_meeting(self):
        """An officer of A cannot carry an attendee of A's meeting to B's
        meeting (which the rules would check only before the write)."""
        own = self._meeting(self.district_a, self.officer_a, self.alice | self.bob)
        sibling = self._meeting(self.district_b, self.officer_b, self.carol)
        attendee = own.attendee_ids.filtered(lambda a: a.partner_id == self.alice)
        attendee.do_accept()
        own_before, sibling_before = self._attendance(own), self._attendance(sibling)
        with self.assertRaises(REFUSED):
            attendee.with_user(self.officer_a).write({"event_id": sibling.id})
        self.assertEqual(attendee.event_id, own)
        self.assertEqual(self._attendance(own), own_before)
        self.assertEqual(self._attendance(sibling), sibling_before)

    def test_invited_user_adds_no_attendee_to_a_sibling_meeting(self):
        """Invited to B's meeting, an officer of A reads it but cannot add
        present attendees to it (Carol already follows it, so Odoo's own
        subscription needs no write access)."""
        sibling = self._meeting(
            self.district_b, self.officer_b, self.carol | self.officer_a.partner_id
        )
        before = self._attendance(sibling)
        with self.assertRaises(REFUSED):
            self.Attendee.with_user(self.officer_a).create(
                {
                    "event_id": sibling.id,
                    "partner_id": self.carol.id,
                    "state": "accepted",
                }
            )
        self.assertEqual(self._attendance(sibling), before)

    def test_no_attendee_added_once_the_minutes_are_issued(self):
        """The attendance of issued minutes (BIÊN BẢN) is frozen: no one is
        added to it afterwards, even by the committee's own officer."""
        own = self._meeting(self.district_a, self.officer_a, self.bob)
        own.with_user(self.officer_a).write({"vstbpn_minutes": "<p>Biên bản</p>"})
        own.with_user(self.officer_a).action_vstbpn_issue_minutes()
        before = self._attendance(own)
        with self.assertRaises(REFUSED):
            self.Attendee.with_user(self.officer_a).create(
                {"event_id": own.id, "partner_id": self.alice.id, "state": "accepted"}
            )
        self.assertEqual(self._attendance(own), before)

    def test_officer_removed_from_a_committee_loses_it_at_once(self):
        """Removing an officer from the committee's form (the other side of
        the user's assignments) takes effect at once: the record rules the
        officer used before are not kept."""
        self.assertTrue(
            self.Committee.with_user(self.officer_a).search(
                [("id", "=", self.district_a.id)]
            )
        )
        self.district_a.with_user(self.officer_a).write({"document_place": "Huyện A"})
        self.district_a.with_user(self.officer_p).write(
            {"officer_user_ids": [(3, self.officer_a.id)]}
        )
        with self.assertRaises(REFUSED):
            self.district_a.with_user(self.officer_a).write({"document_place": "X"})
        self.district_a.invalidate_recordset()
        self.assertEqual(self.district_a.document_place, "Huyện A")

    def test_user_does_not_assign_own_committees(self):
        """A unit's user cannot widen their own reach: the assignments are the
        administrators' (res.users), never self-writable."""
        with self.assertRaises(REFUSED):
            self.officer_a.with_user(self.officer_a).write(
                {"vstbpn_committee_ids": [(4, self.district_b.id)]}
            )
        self.assertEqual(self.officer_a.vstbpn_committee_ids, self.district_a)

    def test_issued_training_keeps_its_figures(self):
        """Once the minutes of a training are issued, its participants are
        frozen; so is what places them in the reports (type, date, being
        there at all): an officer cannot make them count elsewhere or vanish."""
        training = self._meeting(self.district_a, self.officer_a, self.bob)
        level = self.env.ref("vstbpn_committee.level_district")
        training.with_user(self.officer_a).write(
            {
                "vstbpn_event_type": "training",
                "vstbpn_minutes": "<p>Tập huấn</p>",
                "vstbpn_participation_ids": [
                    (0, 0, {"level_id": level.id, "female": 30, "male": 10})
                ],
            }
        )
        training.with_user(self.officer_a).action_vstbpn_issue_minutes()

        def figures():
            self.env.invalidate_all()
            return self.Event._vstbpn_training_figures(
                self.district_a,
                datetime(2026, 1, 1).date(),
                datetime(2026, 12, 31).date(),
            )

        before = figures()
        self.assertEqual(before, {self.district_a.id: (30, 10, 40)})
        later = datetime(2027, 3, 10, 1, 0)
        for vals in (
            {"vstbpn_event_type": "workshop"},
            {"start": later, "stop": later + timedelta(hours=2)},
            {"active": False},
        ):
            with self.subTest(vals=vals), self.assertRaises(REFUSED):
                training.with_user(self.officer_a).write(vals)
        with self.assertRaises(REFUSED):
            training.with_user(self.officer_a).unlink()
        self.assertTrue(training.exists())
        self.assertEqual(figures(), before)
