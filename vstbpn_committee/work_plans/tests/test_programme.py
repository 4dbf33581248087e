from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from ...tests.common_operations import VstbpnOperationsCase


@tagged("post_install", "-at_install")
class TestProgramme(VstbpnOperationsCase):
    """Policy instruments and budget categories are seeded, editable data."""

    def test_seeded_programmes_of_the_directive_and_the_strategy(self):
        numbers = set(self.env["vstbpn.programme"].search([]).mapped("number"))
        for number in (
            "11-NQ/TW",
            "57/NQ-CP",
            "178/QĐ-TTg",
            "515/QĐ-TTg",
            "1464/QĐ-TTg",
            "28/NQ-CP",
        ):
            self.assertIn(number, numbers)
        self.assertEqual(self.strategy.date_from.year, 2021)
        self.assertEqual(self.strategy.date_to.year, 2030)
        self.assertEqual(
            self.env.ref("vstbpn_committee.programme_resolution_57_nq_cp").parent_id,
            self.env.ref("vstbpn_committee.programme_resolution_11_nq_tw"),
        )

    def test_seeded_budget_categories_of_circular_191(self):
        categories = self.env["vstbpn.budget.category"].search([])
        self.assertGreaterEqual(len(categories), 10)
        self.assertTrue(all("191/2009/TT-BTC" in c.legal_reference for c in categories))
        # data, not code: an administrator adds the content of a later circular
        category = self.env["vstbpn.budget.category"].create(
            {"name": "Chuyển đổi số", "code": "NEW-1", "legal_reference": "TT mới"}
        )
        with self.assertRaisesRegex(ValidationError, "already used"):
            self.env["vstbpn.budget.category"].create({"name": "x", "code": "NEW-1"})
        self._plan(
            self.district_a,
            self.officer_a,
            lines=[{"category_id": category.id, "name": "x", "unit_cost": 1}],
        )
        with self.assertRaisesRegex(UserError, "archive it"):
            category.unlink()

    def test_members_read_and_only_administrators_change_national_ones(self):
        self.strategy.with_user(self.member_a).check_access("read")
        with self.assertRaises(AccessError):
            self.strategy.with_user(self.officer_p).write({"name": "x"})
        with self.assertRaises(AccessError):
            self.env["vstbpn.programme"].with_user(self.officer_p).create(
                {"name": "Quốc gia mới"}
            )
        with self.assertRaises(AccessError):
            self.env["vstbpn.budget.category"].with_user(self.manager_p).create(
                {"name": "x", "code": "x"}
            )

    def test_officers_keep_their_committees_local_programmes(self):
        Programme = self.env["vstbpn.programme"]
        local = Programme.with_user(self.officer_p).create(
            {
                "name": "Kế hoạch thực hiện Chiến lược của tỉnh",
                "parent_id": self.strategy.id,
                "issuing_committee_id": self.province.id,
            }
        )
        local.with_user(self.officer_p).write({"number": "12/KH-UBND"})
        local.with_user(self.officer_a).check_access("read")
        with self.assertRaises(AccessError):
            local.with_user(self.officer_a).write({"number": "13/KH-UBND"})
        with self.assertRaises(UserError):
            local.with_user(self.officer_p).write(
                {"issuing_committee_id": self.district_a.id}
            )
        with self.assertRaises(AccessError):
            Programme.with_user(self.officer_a).create(
                {"name": "x", "issuing_committee_id": self.district_b.id}
            )

    def test_programme_shows_what_each_unit_planned_and_did(self):
        plan_a = self._plan(self.district_a, self.officer_a)
        self._plan(self.district_b, self.officer_b)
        plan_a.with_user(self.officer_a).action_submit()
        plan_a.with_user(self.manager_p).action_approve()
        plan_a.task_ids.with_user(self.officer_a).action_done()
        strategy = self.strategy.with_user(self.officer_p)
        self.assertEqual(strategy.task_count, 2)
        self.assertEqual(strategy.task_done_count, 1)
        # a unit sees its own, never a sibling's
        self.assertEqual(self.strategy.with_user(self.officer_a).task_count, 1)
        action = strategy.action_open_tasks()
        tasks = self.Task.with_user(self.officer_p).search(action["domain"])
        self.assertEqual(tasks.committee_id, self.district_a | self.district_b)

    def test_programme_period_and_cycle(self):
        with self.assertRaises(ValidationError):
            self.env["vstbpn.programme"].create(
                {"name": "x", "date_from": "2025-01-01", "date_to": "2024-01-01"}
            )
        child = self.env["vstbpn.programme"].create(
            {"name": "child", "parent_id": self.strategy.id}
        )
        with self.assertRaises(ValidationError):
            self.strategy.parent_id = child
