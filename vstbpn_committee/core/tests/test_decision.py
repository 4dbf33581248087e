from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from ...tests.common import VstbpnCommitteeCase


@tagged("post_install", "-at_install")
class TestDecision(VstbpnCommitteeCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.head_alice, cls.member_bob = cls.Member.create(
            [
                {
                    "committee_id": cls.district_a.id,
                    "partner_id": cls.alice.id,
                    "role": "head",
                    "date_start": "2018-01-01",
                },
                {
                    "committee_id": cls.district_a.id,
                    "partner_id": cls.bob.id,
                    "role": "member",
                    "date_start": "2018-01-01",
                },
            ]
        )

    def _decision(
        self, lines, decision_type="consolidation", committee=None, user=None
    ):
        Decision = self.Decision.with_user(user) if user else self.Decision
        return Decision.create(
            {
                "name": "15/QĐ-UBND",
                "committee_id": (committee or self.district_a).id,
                "decision_type": decision_type,
                "date": "2023-12-20",
                "date_effective": "2024-01-01",
                "line_ids": [(0, 0, line) for line in lines],
            }
        )

    def test_consolidation_updates_memberships_as_of_effective_date(self):
        decision = self._decision(
            [
                {"action": "appoint", "partner_id": self.carol.id, "role": "head"},
                {"action": "dismiss", "member_id": self.head_alice.id},
                {
                    "action": "change_role",
                    "member_id": self.member_bob.id,
                    "role": "deputy_head",
                },
            ]
        ).with_context(tracking_disable=False)
        decision.action_apply()

        self.assertEqual(decision.state, "applied")
        self.assertEqual(self.head_alice.date_end, date(2023, 12, 31))
        self.assertEqual(self.head_alice.decision_end_id, decision)
        self.assertEqual(self.member_bob.date_end, date(2023, 12, 31))
        new_bob = decision.appointed_member_ids.filtered(
            lambda m: m.partner_id == self.bob
        )
        self.assertEqual(
            (new_bob.role, new_bob.date_start), ("deputy_head", date(2024, 1, 1))
        )
        self.assertEqual(self.district_a.head_partner_id, self.carol)
        self.assertEqual(decision.ended_member_ids, self.head_alice | self.member_bob)
        self.assertIn(
            "applied",
            decision.message_ids.tracking_value_ids.mapped("new_value_char")[0].lower(),
        )

    def test_refused_decision_changes_nothing(self):
        """Appointing a second head without ending the first: refused whole."""
        decision = self._decision(
            [
                {"action": "dismiss", "member_id": self.member_bob.id},
                {"action": "appoint", "partner_id": self.carol.id, "role": "head"},
            ]
        )
        with self.assertRaises(UserError) as refused:
            self.vi(decision).action_apply()
        self.assertIn("chưa có thay đổi nào", str(refused.exception))
        self.assertEqual(decision.state, "draft")
        self.assertFalse(self.member_bob.date_end)
        self.assertFalse(self.Member.search([("partner_id", "=", self.carol.id)]))
        self.assertEqual(self.district_a.head_partner_id, self.alice)

    def test_incomplete_lines_are_listed(self):
        decision = self._decision(
            [
                {"action": "dismiss"},
                {"action": "appoint", "partner_id": self.carol.id},
            ]
        )
        with self.assertRaises(UserError) as refused:
            decision.action_apply()
        message = str(refused.exception)
        self.assertIn("line 1", message)
        self.assertIn("line 2 (Carol)", message)
        self.assertEqual(decision.state, "draft")

    def test_dismissing_someone_of_another_committee_is_refused(self):
        other = self.Member.create(
            {
                "committee_id": self.district_b.id,
                "partner_id": self.carol.id,
                "date_start": "2019-01-01",
            }
        )
        decision = self._decision([{"action": "dismiss", "member_id": other.id}])
        with self.assertRaises(UserError):
            decision.action_apply()
        self.assertFalse(other.date_end)

    def test_applied_decision_is_read_only(self):
        decision = self._decision(
            [{"action": "dismiss", "member_id": self.member_bob.id}]
        )
        decision.action_apply()
        with self.assertRaises(UserError) as refused:
            self.vi(decision).name = "16/QĐ-UBND"
        self.assertIn("đã được áp dụng", str(refused.exception))
        with self.assertRaises(UserError):
            decision.line_ids.role = "head"
        with self.assertRaises(UserError):
            decision.unlink()
        with self.assertRaises(UserError):
            decision.action_apply()
        decision.message_post(body="Signed copy archived.")  # the chatter stays open

    def test_effective_date_before_signing_is_refused(self):
        with self.assertRaises(ValidationError):
            self.Decision.create(
                {
                    "name": "1/QĐ",
                    "committee_id": self.district_a.id,
                    "date": "2024-02-01",
                    "date_effective": "2024-01-01",
                }
            )

    def test_dissolution_ends_every_membership_and_archives(self):
        decision = self._decision([], decision_type="dissolution")
        decision.action_apply()
        self.assertFalse(self.district_a.active)
        current = self.Member.search(
            [("committee_id", "=", self.district_a.id), ("date_end", "=", False)]
        )
        self.assertFalse(current)

    def test_only_managers_apply(self):
        decision = self._decision(
            [{"action": "dismiss", "member_id": self.member_bob.id}],
            user=self.officer_a,
        )
        with self.assertRaises(AccessError) as refused:
            self.vi(decision.with_user(self.officer_a)).action_apply()
        self.assertIn("người quản lý", str(refused.exception))
        decision.with_user(self.manager_a).action_apply()
        self.assertEqual(decision.state, "applied")

    def test_manager_cannot_apply_a_sibling_decision(self):
        decision = self._decision(
            [], decision_type="dissolution", committee=self.district_b
        )
        with self.assertRaises(AccessError):
            decision.with_user(self.manager_a).action_apply()
        self.assertEqual(decision.state, "draft")
        self.assertTrue(self.district_b.active)
