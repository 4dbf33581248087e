from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.vstbpn_reporting.models.vstbpn_indicator import MAX_FIGURE


class VstbpnCampaignPlanBudget(models.Model):
    """What a unit plans to spend on the Action Month, by budget category of
    Circular 191/2009/TT-BTC (the categories of the work plans, editable data).
    As editable as its plan."""

    _name = "vstbpn.campaign.plan.budget"
    _description = "Action Month Planned Budget"
    _inherit = ["vstbpn.committee.owned.mixin", "vstbpn.locked.workflow.mixin"]
    _order = "plan_id, sequence, id"
    _vstbpn_tie_fields = ("plan_id",)
    _vstbpn_lock_parent = "plan_id"

    sequence = fields.Integer(default=10)
    plan_id = fields.Many2one(
        "vstbpn.campaign.plan", required=True, index=True, ondelete="cascade"
    )
    committee_id = fields.Many2one(
        related="plan_id.committee_id", store=True, index=True, precompute=True
    )
    category_id = fields.Many2one(
        "vstbpn.budget.category",
        string="Budget Category",
        required=True,
        ondelete="restrict",
    )
    amount = fields.Float(string="Amount (VND)", digits=(16, 0))
    note = fields.Char()

    @api.constrains("amount")
    def _check_amount(self):
        for line in self:
            if not 0 <= line.amount <= MAX_FIGURE:
                raise ValidationError(
                    self.env._(
                        "%(category)s: a planned amount is between 0 and a thousand "
                        "billion VND.",
                        category=line.category_id.name,
                    )
                )
