from odoo import api, fields, models

from odoo.addons.vstbpn_committee.work_plans.models.vstbpn_work_plan_expense import (
    VstbpnWorkPlanExpense as BaseExpense,
)


class VstbpnWorkPlanExpense(models.Model):
    """Spending on an Action Month activity counts in the unit's work plan of
    the campaign's year: the spending names the activity it paid for."""

    _inherit = "vstbpn.work.plan.expense"
    _vstbpn_link_scopes = {
        **BaseExpense._vstbpn_link_scopes,
        "campaign_activity_id": "same",
    }

    campaign_activity_id = fields.Many2one(
        "vstbpn.campaign.activity",
        string="Action Month Activity",
        index="btree_not_null",
        ondelete="restrict",
        domain="[('committee_id', '=', committee_id), ('campaign_id.year', '=', year)]",
        help="The Action Month activity the money paid for.",
    )

    @api.constrains("campaign_activity_id", "plan_id")
    def _check_campaign_activity(self):
        self._vstbpn_check_paid_for(
            "campaign_activity_id",
            lambda activity: activity.campaign_id.year,
            lambda expense, activity: self.env._(
                "Spending “%(name)s” names the activity “%(activity)s” of "
                "another committee or year: spending counts in the plan of "
                "the unit and year of its activity.",
                name=expense.name,
                activity=activity.name,
            ),
        )


class VstbpnCampaignActivity(models.Model):
    """What an activity spent, recorded in its unit's work plan."""

    _inherit = "vstbpn.campaign.activity"

    expense_ids = fields.One2many(
        "vstbpn.work.plan.expense", "campaign_activity_id", string="Spending"
    )
    amount_spent = fields.Float(
        string="Spent (VND)", compute="_compute_amount_spent", digits=(16, 0)
    )

    def _compute_amount_spent(self):
        groups = self.env["vstbpn.work.plan.expense"]._read_group(
            [("campaign_activity_id", "in", self.ids)],
            ["campaign_activity_id"],
            ["amount:sum"],
        )
        spent = dict(groups)
        for activity in self:
            activity.amount_spent = spent.get(activity, 0.0)
