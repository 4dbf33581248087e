from datetime import date

from freezegun import freeze_time

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from ...tests.common import VstbpnCommitteeCase


@tagged("post_install", "-at_install")
class TestMember(VstbpnCommitteeCase):
    def _member(
        self,
        partner,
        role="member",
        start="2020-01-01",
        end=False,
        committee=None,
        lang="en_US",
    ):
        return self.Member.with_context(lang=lang).create(
            {
                "committee_id": (committee or self.district_b).id,
                "partner_id": partner.id,
                "role": role,
                "date_start": start,
                "date_end": end,
            }
        )

    def test_employee_gives_the_person(self):
        employee = self.env["hr.employee"].create({"name": "Nguyễn Thị Lan"})
        member = self.Member.create(
            {
                "committee_id": self.district_b.id,
                "employee_id": employee.id,
                "role": "secretary",
            }
        )
        self.assertEqual(member.partner_id, employee.work_contact_id)
        self.assertTrue(member.is_current)
        self.assertEqual(employee.vstbpn_member_count, 1)
        self.assertEqual(
            self.Member.search(employee.action_open_vstbpn_memberships()["domain"]),
            member,
        )

    def test_end_before_start_is_refused(self):
        with self.assertRaises(ValidationError) as refused:
            self.vi(self.Member).create(
                {
                    "committee_id": self.district_b.id,
                    "partner_id": self.alice.id,
                    "date_start": "2020-05-01",
                    "date_end": "2020-04-30",
                }
            )
        self.assertIn("trước khi bắt đầu", str(refused.exception))
        self.assertFalse(self.Member.search([("partner_id", "=", self.alice.id)]))

    def test_two_current_heads_are_refused(self):
        self._member(self.alice, role="head")
        with self.assertRaises(ValidationError) as refused:
            self._member(self.bob, role="head", start="2021-01-01", lang="vi_VN")
        self.assertIn("Alice", str(refused.exception))
        self.assertIn("Trưởng ban", str(refused.exception))

    def test_heads_one_after_another_are_accepted(self):
        first = self._member(self.alice, role="head", end="2020-12-31")
        second = self._member(self.bob, role="head", start="2021-01-01")
        self.assertEqual(first.status, "former")
        self.assertTrue(second.is_current)

    def test_same_person_twice_at_once_is_refused(self):
        self._member(self.alice, start="2019-01-01", end="2021-12-31")
        with self.assertRaises(ValidationError) as refused:
            self._member(self.alice, role="secretary", start="2021-06-01", lang="vi_VN")
        self.assertIn("đã là thành viên", str(refused.exception))

    def test_same_person_in_two_committees_is_accepted(self):
        self._member(self.alice)
        other = self._member(self.alice, committee=self.district_a)
        self.assertTrue(other.is_current)

    def test_memberships_are_never_deleted(self):
        member = self._member(self.alice)
        with self.assertRaises(UserError) as refused:
            self.vi(member).unlink()
        self.assertIn("không thể xóa", str(refused.exception))
        member.action_end("2024-06-30")
        self.assertEqual(member.status, "former")
        self.assertTrue(member.exists())

    def test_is_current_search_both_ways(self):
        old = self._member(self.alice, end="2020-12-31")
        now = self._member(self.bob)
        later = self._member(self.carol, start="2999-01-01")
        in_b = [("committee_id", "=", self.district_b.id)]
        self.assertEqual(self.Member.search(in_b + [("is_current", "=", True)]), now)
        self.assertEqual(
            self.Member.search(in_b + [("is_current", "=", False)]), old | later
        )
        self.assertEqual(later.status, "upcoming")

    @freeze_time("2026-12-06 23:30:00")
    def test_current_is_counted_in_viet_nams_day_whoever_looks(self):
        """At 23:30 UTC it is already 7 December in Viet Nam (and in
        Brussels, OdooBot's time zone), still the 6th in UTC: a member
        appointed today by one user is current for every other, whatever
        their time zone (a user's first login takes the browser's)."""
        brussels, utc = (
            self._new_user(login, "officer", self.district_b)
            for login in ("officer_brussels", "officer_utc")
        )
        brussels.tz, utc.tz = "Europe/Brussels", "UTC"
        member = self.Member.with_context(tz="Europe/Brussels").create(
            {
                "committee_id": self.district_b.id,
                "partner_id": self.alice.id,
                "role": "member",
            }
        )
        self.assertEqual(member.date_start, date(2026, 12, 7))
        for user in (brussels, utc):
            members = self.Member.with_user(user)
            self.assertEqual(members.browse(member.id).status, "current")
            self.assertIn(member, members.search([("is_current", "=", True)]))
