from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import VstbpnCommitteeCase


@tagged("post_install", "-at_install")
class TestIntegrity(VstbpnCommitteeCase):
    """No write over RPC moves a record out of its writer's reach, or the
    writer further in; no derived field is written by hand; bad values are
    refused with a message that names the field."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.province_q = cls.Committee.create(
            {"name": "Province Q", "code": "T-Q", "level_id": cls.level_province.id}
        )
        cls.employee_officer_a1 = cls.env["hr.employee"].create(
            {"name": "Officer of A1", "user_id": cls.officer_a.id}
        )

    def allowed(self, user):
        user.invalidate_recordset(["vstbpn_allowed_committee_ids"])
        return user.vstbpn_allowed_committee_ids

    def test_escalation_through_a_membership_is_refused(self):
        """The reproduced escalation, step by step: an officer of district A
        makes themselves a member of A (allowed: A is theirs), then tries to
        move that membership to the province. The move is refused and the
        committees and memberships they can read do not change."""
        before = self.allowed(self.officer_a)
        visible_before = self.Member.with_user(self.officer_a).search([])
        membership = self.Member.with_user(self.officer_a).create(
            {
                "committee_id": self.district_a.id,
                "employee_id": self.employee_officer_a1.id,
                "role": "member",
                "date_start": "2024-01-01",
            }
        )
        self.assertEqual(self.allowed(self.officer_a), before)
        for target in (self.province, self.district_b, self.province_q):
            with self.assertRaises(UserError):
                membership.write({"committee_id": target.id})
            self.assertEqual(membership.sudo().committee_id, self.district_a)
        self.assertEqual(self.allowed(self.officer_a), before)
        self.assertEqual(
            self.Member.with_user(self.officer_a).search([]),
            visible_before | membership,
        )
        self.assertFalse(
            self.Member.with_user(self.officer_a).search(
                [("committee_id", "=", self.province.id)]
            )
        )
        with self.assertRaises(AccessError):
            self.province.with_user(self.officer_a).write({"note": "x"})

    def test_membership_is_created_only_where_the_user_manages(self):
        for target in (self.province, self.district_b, self.province_q):
            with self.assertRaises(AccessError):
                self.Member.with_user(self.officer_a).create(
                    {
                        "committee_id": target.id,
                        "employee_id": self.employee_officer_a1.id,
                        "role": "member",
                        "date_start": "2024-01-01",
                    }
                )
        self.assertFalse(
            self.Member.search([("employee_id", "=", self.employee_officer_a1.id)])
        )
        self.assertEqual(self.allowed(self.officer_a), self.district_a)

    def test_membership_person_cannot_be_swapped(self):
        membership = self.Member.create(
            {
                "committee_id": self.district_a.id,
                "partner_id": self.alice.id,
                "date_start": "2024-01-01",
            }
        )
        with self.assertRaises(UserError):
            membership.with_user(self.officer_a).write(
                {"employee_id": self.employee_officer_a1.id}
            )
        with self.assertRaises(UserError):
            membership.with_user(self.officer_a).write({"partner_id": self.bob.id})
        self.assertEqual(membership.partner_id, self.alice)
        self.assertFalse(membership.employee_id)

    def test_decision_cannot_move_to_a_sibling(self):
        """A manager moves a draft decision into a sibling committee: refused."""
        decision = self.Decision.with_user(self.manager_a).create(
            {"name": "01/QĐ-T", "committee_id": self.district_a.id}
        )
        for target in (self.district_b, self.province, self.province_q):
            with self.assertRaises(UserError):
                decision.write({"committee_id": target.id})
        self.assertEqual(decision.committee_id, self.district_a)
        with self.assertRaises(AccessError):
            self.Decision.with_user(self.manager_a).create(
                {"name": "02/QĐ-T", "committee_id": self.district_b.id}
            )

    def test_decision_state_is_written_by_applying_only(self):
        decision = self.Decision.with_user(self.manager_a).create(
            {"name": "03/QĐ-T", "committee_id": self.district_a.id}
        )
        with self.assertRaises(UserError):
            decision.write({"state": "applied"})
        self.assertEqual(decision.state, "draft")
        line = self.env["vstbpn.committee.decision.line"].create(
            {"decision_id": decision.id, "partner_id": self.alice.id, "role": "member"}
        )
        with self.assertRaises(UserError):
            line.with_user(self.manager_a).write({"decision_id": decision.copy().id})
        membership = self.Member.search([], limit=1)
        with self.assertRaises(UserError):
            line.with_user(self.manager_a).write({"result_member_id": membership.id})
        decision.with_user(self.manager_a).action_apply()
        self.assertEqual(decision.state, "applied")
        self.assertEqual(line.result_member_id.decision_start_id, decision)

    def test_new_record_may_carry_its_default_state_only(self):
        """The web client sends a new record's defaults, its draft state
        among them: accepted; any other state, or a default forced through
        the context, is refused."""
        Decision = self.Decision.with_user(self.manager_a)
        decision = Decision.create(
            {"name": "05/QĐ-T", "committee_id": self.district_a.id, "state": "draft"}
        )
        self.assertEqual(decision.state, "draft")
        with self.assertRaises(UserError):
            Decision.create(
                {
                    "name": "06/QĐ-T",
                    "committee_id": self.district_a.id,
                    "state": "applied",
                }
            )
        with self.assertRaises(UserError):
            Decision.with_context(default_state="applied").create(
                {
                    "name": "07/QĐ-T",
                    "committee_id": self.district_a.id,
                    "state": "applied",
                }
            )

    def test_committee_moves_only_by_administrators(self):
        with self.assertRaises(UserError):
            self.commune_a1.with_user(self.officer_a).write(
                {"parent_id": self.district_b.id}
            )
        with self.assertRaises(UserError):
            self.commune_a1.with_user(self.officer_p).write(
                {"parent_id": self.district_b.id}
            )
        self.assertEqual(self.commune_a1.parent_id, self.district_a)
        with self.assertRaises(UserError):
            self.commune_a1.with_user(self.officer_a).write({"parent_path": "1/"})
        admin = self._new_user("t_admin_integrity", "admin")
        self.commune_a1.with_user(admin).write({"parent_id": self.district_b.id})
        self.assertEqual(self.commune_a1.parent_id, self.district_b)

    def test_committee_created_only_below_own(self):
        values = {"name": "New", "code": "T-NEW", "level_id": self.level_commune.id}
        with self.assertRaises(AccessError):
            self.Committee.with_user(self.officer_a).create(
                dict(values, parent_id=self.district_b.id)
            )
        with self.assertRaises(AccessError):
            self.Committee.with_user(self.officer_a).create(values)
        created = self.Committee.with_user(self.officer_a).create(
            dict(values, parent_id=self.district_a.id)
        )
        self.assertEqual(created.parent_id, self.district_a)

    def test_wrong_types_name_the_field(self):
        committee = self.vi(self.district_a.with_user(self.officer_a))
        cases = [
            ({"meeting_frequency": "weekly"}, "Họp định kỳ"),
            ({"level_id": "abc"}, None),
            ({"level_id": 99999999}, None),
            ({"color": "red"}, None),
            ({"color": float("nan")}, None),
        ]
        for vals, label in cases:
            with self.subTest(vals=vals), self.assertRaises(ValidationError) as caught:
                committee.write(vals)
            if label:
                self.assertIn(label, str(caught.exception))
        member = self.Member.with_user(self.officer_a)
        with self.assertRaises(ValidationError) as caught:
            self.vi(member).create(
                {
                    "committee_id": self.district_a.id,
                    "partner_id": self.alice.id,
                    "date_start": "not a date",
                }
            )
        self.assertIn("ngày", str(caught.exception))
        self.assertEqual(self.district_a.meeting_frequency, "quarterly")

    def test_lengths_are_bounded(self):
        committee = self.district_a.with_user(self.officer_a)
        with self.assertRaises(ValidationError) as caught:
            self.vi(committee).write({"name": "x" * 100_000})
        self.assertIn("256", str(caught.exception))
        with self.assertRaises(ValidationError):
            committee.write({"code": "C" * 33})
        committee.write({"name": "x" * 256, "code": "C" * 32})
        self.assertEqual(len(self.district_a.name), 256)

    def test_duplicates_named_in_vietnamese(self):
        with self.assertRaises(ValidationError) as caught:
            self.vi(self.Committee).create(
                {"name": "Twin", "code": "T-P-A", "level_id": self.level_district.id}
            )
        self.assertIn("District A", str(caught.exception))
        self.assertIn("đã được dùng", str(caught.exception))
        self.Decision.create({"name": "9/QĐ-T", "committee_id": self.district_a.id})
        with self.assertRaises(ValidationError) as caught:
            self.vi(self.Decision).create(
                {"name": "9/QĐ-T", "committee_id": self.district_a.id}
            )
        self.assertIn("9/QĐ-T", str(caught.exception))
        self.assertIn("đã có", str(caught.exception))

    def test_level_in_use_is_not_deleted(self):
        with self.assertRaises(UserError) as caught:
            self.vi(self.level_district).unlink()
        message = str(caught.exception)
        self.assertIn("District A", message)
        self.assertIn("đang được", message)
        self.assertTrue(self.level_district.exists())
        spare = self.env["vstbpn.committee.level"].create(
            {"name": "Spare", "code": "spare"}
        )
        spare.unlink()
        self.assertFalse(spare.exists())

    def test_apply_decision_without_email(self):
        """A manager without an e-mail address applies a decision: the
        chatter never makes the action fail."""
        self.manager_a.partner_id.email = False
        decision = self.Decision.with_user(self.manager_a).create(
            {"name": "04/QĐ-T", "committee_id": self.district_a.id}
        )
        self.env["vstbpn.committee.decision.line"].create(
            {"decision_id": decision.id, "partner_id": self.carol.id, "role": "member"}
        )
        decision.with_context(tracking_disable=False).with_user(
            self.manager_a
        ).action_apply()
        self.assertEqual(decision.state, "applied")
