from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import DAY_IN_CAMPAIGN, YEAR, VstbpnCampaignCase


@tagged("post_install", "-at_install")
class TestActivitySpending(VstbpnCampaignCase):
    """Spending on an Action Month activity is recorded in the unit's work
    plan of the campaign's year, and the activity shows what it spent."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.communication = cls.env.ref(
            "vstbpn_committee.budget_category_communication"
        )
        cls.work_plan = cls.env["vstbpn.work.plan"].create(
            {
                "committee_id": cls.district_a.id,
                "year": YEAR,
                "task_ids": [(0, 0, {"name": "Tháng hành động"})],
                "budget_line_ids": [
                    (
                        0,
                        0,
                        {
                            "category_id": cls.communication.id,
                            "name": "Truyền thông Tháng hành động",
                            "unit_cost": 20_000_000,
                        },
                    )
                ],
            }
        )
        cls.work_plan._vstbpn_trusted_write({"state": "approved"})

    def spend(self, activity, amount=6_000_000, user=None):
        return (
            self.env["vstbpn.work.plan.expense"]
            .with_user(user or self.officer_a)
            .create(
                {
                    "plan_id": self.work_plan.id,
                    "category_id": self.communication.id,
                    "name": "Băng rôn, âm thanh",
                    "date": DAY_IN_CAMPAIGN,
                    "amount": amount,
                    "campaign_activity_id": activity.id,
                }
            )
        )

    def test_activity_spending_counts_in_the_unit_plan(self):
        activity = self._activity()
        expense = self.spend(activity)
        self.spend(activity, 2_500_000)
        self.assertEqual(expense.committee_id, self.district_a)
        self.assertEqual(activity.with_user(self.officer_a).amount_spent, 8_500_000)
        self.assertEqual(len(activity.expense_ids), 2)
        plan = self.work_plan.with_user(self.officer_a)
        self.assertEqual(plan.amount_spent, 8_500_000)
        self.assertEqual(plan.amount_remaining, 11_500_000)
        rows = plan._vstbpn_spending_by_category()[plan]
        self.assertEqual(
            [(r["category"], r["spent"]) for r in rows],
            [(self.communication, 8_500_000)],
        )
        # the province follows what its unit's activity spent
        self.assertEqual(activity.with_user(self.officer_p).amount_spent, 8_500_000)
        # a sibling sees neither the activity's spending nor the plan's
        self.assertFalse(
            self.env["vstbpn.work.plan.expense"]
            .with_user(self.officer_b)
            .search([("campaign_activity_id", "=", activity.id)])
        )

    def test_another_unit_activity_is_refused(self):
        activity_b = self._activity(plan=self.plan_b, user=self.officer_b)
        with self.refused(UserError, "của Ban khác hoặc năm khác"):
            self.vi(
                self.env["vstbpn.work.plan.expense"].with_user(self.officer_a)
            ).create(
                {
                    "plan_id": self.work_plan.id,
                    "category_id": self.communication.id,
                    "name": "Băng rôn",
                    "date": DAY_IN_CAMPAIGN,
                    "amount": 1_000_000,
                    "campaign_activity_id": activity_b.id,
                }
            )
        expense = self.spend(self._activity())
        with self.assertRaises(UserError):
            expense.with_user(self.officer_a).write(
                {"campaign_activity_id": activity_b.id}
            )

    def test_an_activity_of_another_year_is_refused(self):
        activity = self._activity()
        next_year = self.env["vstbpn.work.plan"].create(
            {
                "committee_id": self.district_a.id,
                "year": YEAR + 1,
                "budget_line_ids": [
                    (
                        0,
                        0,
                        {
                            "category_id": self.communication.id,
                            "name": "Truyền thông",
                            "unit_cost": 5_000_000,
                        },
                    )
                ],
            }
        )
        next_year._vstbpn_trusted_write({"state": "approved"})
        with self.refused(UserError, "năm khác"):
            self.vi(
                self.env["vstbpn.work.plan.expense"].with_user(self.officer_a)
            ).create(
                {
                    "plan_id": next_year.id,
                    "category_id": self.communication.id,
                    "name": "Băng rôn",
                    "date": DAY_IN_CAMPAIGN.replace(year=YEAR + 1),
                    "amount": 1_000_000,
                    "campaign_activity_id": activity.id,
                }
            )
