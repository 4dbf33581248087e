from datetime import timedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .common import VstbpnCampaignCase


@tagged("post_install", "-at_install")
class TestPlan(VstbpnCampaignCase):
    """A unit writes its plan and submits it; the organiser approves it or
    returns it with a reason; an approved plan is read-only."""

    def test_submit_approve(self):
        plan = self.plan_a.with_user(self.officer_a)
        plan.write(
            {
                "objectives": "<p>Reach every ward.</p>",
                "partner_ids": [(6, 0, self.partner.ids)],
            }
        )
        plan.action_submit()
        self.assertEqual(plan.state, "submitted")
        self.assertEqual(plan.submitted_user_id, self.officer_a)
        review = self.env["mail.activity"].search(
            [
                ("res_model", "=", plan._name),
                ("res_id", "=", plan.id),
                ("user_id", "=", self.officer_p.id),
            ]
        )
        self.assertTrue(review, "the organiser is asked to review it")
        with self.assertRaises(AccessError):
            plan.action_approve()
        with self.assertRaises(AccessError):
            self.plan_a.with_user(self.officer_b).action_approve()
        self.plan_a.with_user(self.officer_p).action_approve()
        self.assertEqual(self.plan_a.state, "approved")
        self.assertEqual(self.plan_a.approved_user_id, self.officer_p)

    def test_approved_plan_is_read_only(self):
        self.plan_a.with_user(self.officer_a).action_submit()
        with self.refused(UserError, "submitted and can no longer be changed"):
            self.plan_a.with_user(self.officer_a).objectives = "<p>Changed</p>"
        self.plan_a.with_user(self.officer_p).action_approve()
        with self.refused(UserError, "approved and can no longer be changed"):
            self.plan_a.with_user(self.officer_a).objectives = "<p>Changed</p>"
        with self.assertRaises(UserError):
            self.plan_a.with_user(self.officer_a).write({"state": "draft"})

    def test_return_with_a_reason(self):
        self.plan_a.with_user(self.officer_a).action_submit()
        with self.refused(UserError, "Say why"):
            self.plan_a.with_user(self.officer_p).action_return(" ")
        action = self.plan_a.with_user(self.officer_p).action_open_return_wizard()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.officer_p)
            .with_context(**action["context"])
            .create({"reason": "Add a talk for men"})
        )
        wizard.action_confirm()
        self.assertEqual(self.plan_a.state, "draft")
        self.assertEqual(self.plan_a.return_reason, "Add a talk for men")
        self.plan_a.with_user(self.officer_a).objectives = "<p>With a talk for men</p>"
        self.plan_a.with_user(self.officer_a).action_submit()
        self.assertFalse(self.plan_a.return_reason)

    def test_second_plan_for_the_same_unit_is_refused(self):
        with self.refused(ValidationError, "District A already has a plan"):
            self.env["vstbpn.campaign.plan"].create(
                {"campaign_id": self.campaign.id, "committee_id": self.district_a.id}
            )

    def test_a_unit_does_not_create_plans(self):
        with self.assertRaises(AccessError):
            self.env["vstbpn.campaign.plan"].with_user(self.officer_a).create(
                {"campaign_id": self.campaign.id, "committee_id": self.district_a.id}
            )

    def test_reminder_then_escalation_to_the_organiser(self):
        # the 2017 month moved to today, so that its plans are due tomorrow
        self.campaign.write(
            {
                "date_end": self.today() + timedelta(days=30),
                "plan_deadline": self.today() + timedelta(days=1),
            }
        )
        Activity = self.env["mail.activity"]
        domain = [
            ("res_model", "=", "vstbpn.campaign.plan"),
            ("res_id", "=", self.plan_b.id),
        ]
        before = Activity.search_count(domain)
        self.env["vstbpn.campaign.plan"]._cron_remind_and_escalate()
        self.assertEqual(
            Activity.search_count(domain), before + 1, "reminded a day before"
        )
        self.assertEqual(self.plan_b.last_reminder_date, self.today())
        self.campaign.plan_deadline = self.today() - timedelta(days=1)
        self.env["vstbpn.campaign.plan"]._cron_remind_and_escalate()
        self.assertEqual(self.plan_b.escalation_date, self.today())
        self.assertEqual(self.plan_b.submission_status, "missing")
        escalation = Activity.search(domain + [("user_id", "=", self.officer_p.id)])
        self.assertIn("has not submitted", escalation[-1].summary)

    def test_planned_budget_by_category(self):
        category = self.env.ref("vstbpn_committee.budget_category_communication")
        plan = self.plan_a.with_user(self.officer_a)
        plan.write(
            {
                "budget_line_ids": [
                    (0, 0, {"category_id": category.id, "amount": 12_000_000})
                ]
            }
        )
        self.assertEqual(plan.budget_total, 12_000_000)
        self.assertEqual(plan.budget_line_ids.committee_id, self.district_a)
        with self.refused(ValidationError, "between 0"):
            plan.budget_line_ids.amount = -5
        plan.action_submit()
        with self.assertRaises(UserError):
            plan.budget_line_ids.amount = 1
        with self.assertRaises(UserError):
            plan.write(
                {"budget_line_ids": [(0, 0, {"category_id": category.id, "amount": 1})]}
            )
        with self.assertRaises(AccessError):
            self.plan_a.budget_line_ids.with_user(self.officer_b).read(["amount"])
