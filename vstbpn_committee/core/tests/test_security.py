from datetime import timedelta

from freezegun import freeze_time

from odoo.exceptions import AccessError
from odoo.tests import tagged

from ...tests.common import VstbpnCommitteeCase


@tagged("post_install", "-at_install")
class TestSecurity(VstbpnCommitteeCase):
    """Each record rule, proved with users of sibling units."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.member_in_b = cls.Member.create(
            {
                "committee_id": cls.district_b.id,
                "partner_id": cls.alice.id,
                "date_start": "2020-01-01",
            }
        )
        cls.decision_b = cls.Decision.create(
            {
                "name": "7/QĐ-UBND",
                "committee_id": cls.district_b.id,
                "date": "2024-01-01",
            }
        )

    def _visible(self, user, model="vstbpn.committee"):
        return self.env[model].with_user(user).search([])

    def test_officer_sees_own_subtree_and_ancestors_not_siblings(self):
        visible = self._visible(self.officer_a)
        self.assertIn(self.district_a, visible)
        self.assertIn(self.commune_a1, visible)
        self.assertIn(self.province, visible)  # to know where they report
        self.assertNotIn(self.district_b, visible)

    def test_province_sees_its_whole_subtree(self):
        visible = self._visible(self.officer_p)
        for committee in (
            self.province,
            self.district_a,
            self.district_b,
            self.commune_a1,
        ):
            self.assertIn(committee, visible)
        self.assertIn(
            self.member_in_b, self._visible(self.officer_p, "vstbpn.committee.member")
        )

    def test_sibling_committee_read_write_unlink_refused(self):
        sibling = self.district_b.with_user(self.officer_a)
        with self.assertRaises(AccessError):
            sibling.read(["name"])
        with self.assertRaises(AccessError):
            sibling.write({"name": "Hijacked"})
        with self.assertRaises(AccessError):
            self.district_b.with_user(self.manager_a).unlink()
        self.assertEqual(self.district_b.name, "District B")

    def test_officer_cannot_write_the_committee_above(self):
        with self.assertRaises(AccessError):
            self.province.with_user(self.officer_a).write({"name": "Renamed"})

    def test_officer_manages_committees_below(self):
        self.commune_a1.with_user(self.officer_a).write(
            {"meeting_frequency": "monthly"}
        )
        created = self.Committee.with_user(self.officer_a).create(
            {
                "name": "Commune A2",
                "code": "T-A2",
                "level_id": self.level_commune.id,
                "parent_id": self.district_a.id,
            }
        )
        self.assertEqual(created.parent_id, self.district_a)
        with self.assertRaises(AccessError):
            self.Committee.with_user(self.officer_a).create(
                {
                    "name": "Under B",
                    "code": "T-B9",
                    "level_id": self.level_commune.id,
                    "parent_id": self.district_b.id,
                }
            )

    def test_sibling_members_and_decisions_are_hidden(self):
        self.assertNotIn(
            self.member_in_b, self._visible(self.officer_a, "vstbpn.committee.member")
        )
        with self.assertRaises(AccessError):
            self.member_in_b.with_user(self.officer_a).read(["role"])
        with self.assertRaises(AccessError):
            self.member_in_b.with_user(self.officer_a).write({"role": "head"})
        with self.assertRaises(AccessError):
            self.decision_b.with_user(self.officer_a).read(["name"])
        with self.assertRaises(AccessError):
            self.decision_b.with_user(self.officer_a).write({"name": "x"})
        with self.assertRaises(AccessError):
            self.decision_b.with_user(self.officer_a).unlink()
        self.assertTrue(self.decision_b.exists())

    def test_member_reads_only_their_committee(self):
        self.assertEqual(
            self._visible(self.member_a)
            & (self.district_a | self.district_b | self.commune_a1),
            self.district_a,
        )
        with self.assertRaises(AccessError):
            self.district_a.with_user(self.member_a).write({"name": "x"})
        with self.assertRaises(AccessError):
            self.district_b.with_user(self.member_a).read(["name"])

    def test_membership_ending_removes_access(self):
        self.assertIn(self.district_a, self._visible(self.member_a))
        self.Member.search(
            [("employee_id", "=", self.employee_member_a.id)]
        ).action_end("2021-01-01")
        self.member_a.invalidate_recordset()
        self.assertNotIn(self.district_a, self._visible(self.member_a))

    def test_membership_starting_by_the_calendar_grants_access(self):
        """Nothing is written on the day a membership starts: the daily job
        refreshes the record rules' cached domains."""
        tomorrow = self.today() + timedelta(days=1)
        self.Member.create(
            {
                "committee_id": self.district_b.id,
                "employee_id": self.employee_member_a.id,
                "date_start": tomorrow,
            }
        )
        self.assertNotIn(self.district_b, self._visible(self.member_a))
        with freeze_time(tomorrow):
            self.env.invalidate_all()
            # still yesterday's domain: rule domains are cached per user
            self.assertNotIn(self.district_b, self._visible(self.member_a))
            self.assertTrue(self.Member._cron_refresh_access())
            self.env.invalidate_all()
            self.assertIn(self.district_b, self._visible(self.member_a))

    def test_assignment_grants_access(self):
        self.assertNotIn(self.district_b, self._visible(self.officer_a))
        self.officer_a.vstbpn_committee_ids |= self.district_b
        self.assertIn(self.district_b, self._visible(self.officer_a))

    def test_officer_without_hr_rights_reads_what_the_views_show(self):
        """The member kanban and committee list, as the web client reads them."""
        employee = self.env["hr.employee"].create({"name": "Employee in A"})
        self.Member.create(
            {"committee_id": self.district_a.id, "employee_id": employee.id}
        )
        self.assertFalse(self.officer_a.has_group("hr.group_hr_user"))
        members = self.env["vstbpn.committee.member"].with_user(self.officer_a)
        result = members.web_search_read(
            [("committee_id", "=", self.district_a.id)],
            {
                "image_128": {},
                "partner_id": {"fields": {"display_name": {}}},
                "status": {},
            },
        )
        self.assertEqual(result["length"], 2)
        self.assertTrue(all(record["partner_id"] for record in result["records"]))
        committees = self.env["vstbpn.committee"].with_user(self.officer_a)
        listed = committees.web_search_read(
            [],
            {
                "name": {},
                "parent_id": {},
                "head_partner_id": {},
                "current_member_count": {},
            },
        )
        self.assertEqual(listed["length"], 3)  # A, its commune, and the province above
