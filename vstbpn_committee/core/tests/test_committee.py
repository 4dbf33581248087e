from odoo.exceptions import ValidationError
from odoo.tests import tagged

from ...tests.common import VstbpnCommitteeCase


@tagged("post_install", "-at_install")
class TestCommittee(VstbpnCommitteeCase):
    def test_complete_name_follows_the_tree(self):
        self.assertEqual(
            self.commune_a1.complete_name, "Province P / District A / Commune A1"
        )
        self.district_a.name = "District A2"
        self.assertEqual(
            self.commune_a1.complete_name, "Province P / District A2 / Commune A1"
        )

    def test_child_of_reaches_every_depth(self):
        subtree = self.Committee.search([("id", "child_of", self.province.id)])
        self.assertEqual(
            subtree, self.province | self.district_a | self.district_b | self.commune_a1
        )
        self.assertEqual(
            self.Committee.search([("id", "child_of", self.district_b.id)]),
            self.district_b,
        )

    def test_levels_are_data(self):
        """A level added by an administrator works like the seeded ones."""
        hamlet = self.env["vstbpn.committee.level"].create(
            {"name": "Hamlet", "code": "hamlet"}
        )
        village = self.Committee.create(
            {
                "name": "Village",
                "code": "T-V",
                "level_id": hamlet.id,
                "parent_id": self.commune_a1.id,
            }
        )
        self.assertIn(
            village, self.Committee.search([("id", "child_of", self.province.id)])
        )
        self.assertEqual(self.commune_a1.child_count, 1)

    def test_code_is_unique(self):
        with self.assertRaises(ValidationError) as refused:
            self.vi(self.Committee).create(
                {"name": "Copy", "code": "T-P-A", "level_id": self.level_district.id}
            )
        self.assertIn("District A", str(refused.exception))

    def test_no_cycle_in_the_tree(self):
        with self.assertRaises(ValidationError) as refused:
            self.vi(self.province).parent_id = self.commune_a1
        self.assertIn("dưới chính nó", str(refused.exception))

    def test_current_head_members_and_counts(self):
        self.Member.create(
            [
                {
                    "committee_id": self.district_b.id,
                    "partner_id": self.alice.id,
                    "role": "head",
                    "date_start": "2015-01-01",
                    "date_end": "2019-12-31",
                },
                {
                    "committee_id": self.district_b.id,
                    "partner_id": self.bob.id,
                    "role": "head",
                    "date_start": "2020-01-01",
                },
                {
                    "committee_id": self.district_b.id,
                    "partner_id": self.carol.id,
                    "role": "member",
                    "date_start": "2020-01-01",
                },
            ]
        )
        self.assertEqual(self.district_b.head_partner_id, self.bob)
        self.assertEqual(self.district_b.current_member_count, 2)
        self.assertEqual(self.province.child_count, 2)
        in_2018 = self.district_b.with_context(date="2018-06-01")
        self.assertEqual(in_2018.head_partner_id, self.alice)

    def test_smart_buttons_open_the_right_records(self):
        self.assertEqual(
            self.province.action_open_children()["domain"],
            [("parent_id", "=", self.province.id)],
        )
        members = self.district_a.action_open_members()
        self.assertEqual(
            self.Member.search(members["domain"]).committee_id, self.district_a
        )
        self.assertEqual(
            self.district_a.action_open_decisions()["res_model"],
            "vstbpn.committee.decision",
        )
