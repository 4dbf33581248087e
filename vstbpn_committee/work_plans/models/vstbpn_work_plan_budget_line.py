from odoo import api, fields, models
from odoo.exceptions import ValidationError

# Circular 191/2009/TT-BTC, Article 2: the state budget of each level, voluntary
# contributions and aid, other lawful income.
FUNDING_SOURCES = [
    ("state_budget", "State budget of the level"),
    ("contribution", "Voluntary contributions and aid"),
    ("other", "Other lawful sources"),
]
# Beyond these, a figure is a typing mistake, not a committee's budget: a
# whole province's yearly gender-equality spending is a few billion đồng.
MAX_QUANTITY = 1_000_000
MAX_AMOUNT = 1_000_000_000_000


class VstbpnWorkPlanBudgetLine(models.Model):
    """One line of a work plan's budget estimate (dự toán kinh phí)."""

    _name = "vstbpn.work.plan.budget.line"
    _description = "Budget Estimate Line"
    _inherit = ["vstbpn.locked.workflow.mixin"]
    _order = "plan_id, sequence, id"
    _vstbpn_tie_fields = ("plan_id",)
    _vstbpn_link_scopes = {"task_id": "same"}
    _vstbpn_lock_parent = "plan_id"

    plan_id = fields.Many2one(
        "vstbpn.work.plan", required=True, index=True, ondelete="cascade"
    )
    committee_id = fields.Many2one(
        related="plan_id.committee_id", store=True, index=True
    )
    year = fields.Integer(related="plan_id.year", store=True)
    plan_state = fields.Selection(
        related="plan_id.state", string="Plan Status", store=True
    )
    plan_is_current = fields.Boolean(
        related="plan_id.is_current", string="Current Version", store=True
    )
    sequence = fields.Integer(default=10)
    category_id = fields.Many2one(
        "vstbpn.budget.category",
        string="Category",
        required=True,
        ondelete="restrict",
    )
    name = fields.Char(string="Description", required=True)
    task_id = fields.Many2one(
        "vstbpn.work.plan.task",
        string="Task",
        domain="[('plan_id', '=', plan_id)]",
        ondelete="set null",
    )
    quantity = fields.Float(default=1.0, digits=(16, 2))
    uom_name = fields.Char(
        string="Unit of Measure", help="E.g. 'người', 'cuộc', 'ngày'."
    )
    unit_cost = fields.Float(string="Unit Cost (VND)", digits=(16, 0))
    amount = fields.Float(
        string="Amount (VND)",
        compute="_compute_amount",
        store=True,
        digits=(16, 0),
    )
    funding_source = fields.Selection(
        FUNDING_SOURCES, required=True, default="state_budget"
    )
    note = fields.Char()

    @api.depends("quantity", "unit_cost")
    def _compute_amount(self):
        for line in self:
            line.amount = round(line.quantity * line.unit_cost)

    @api.constrains("quantity", "unit_cost", "amount")
    def _check_figures(self):
        for line in self:
            if line.quantity < 0 or line.unit_cost < 0:
                raise ValidationError(
                    self.env._(
                        "Budget line “%(line)s”: the quantity and the unit cost "
                        "cannot be negative.",
                        line=line.name,
                    )
                )
            if line.quantity > MAX_QUANTITY or line.amount > MAX_AMOUNT:
                raise ValidationError(
                    self.env._(
                        "Budget line “%(line)s”: %(amount)s VND (quantity "
                        "%(quantity)s) is beyond any committee's budget; check the "
                        "figures.",
                        line=line.name,
                        amount=self.env[
                            "vstbpn.official.document.mixin"
                        ].vstbpn_format_number(line.amount),
                        quantity=line.quantity,
                    )
                )

    @api.constrains("task_id", "plan_id")
    def _check_task(self):
        for line in self:
            if line.task_id and line.task_id.plan_id != line.plan_id:
                raise ValidationError(
                    self.env._(
                        "Budget line “%(line)s” refers to a task of another plan.",
                        line=line.name,
                    )
                )
