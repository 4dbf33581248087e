from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ...tools import vn_today
from .vstbpn_work_plan_budget_line import FUNDING_SOURCES, MAX_AMOUNT


class VstbpnWorkPlanExpense(models.Model):
    """One payment against a work plan's budget estimate (chi kinh phí), by
    the spending contents of Circular 191/2009/TT-BTC and funding source,
    with the task it paid for and its voucher.

    Spending belongs to the committee's year: it is recorded against the
    approved version in force of that year's plan. When a revision of the
    plan is approved, the spending moves to it (``_vstbpn_move_to``), so it
    keeps counting for the year. Once the year's spending is settled
    (quyết toán, Article 4 of the circular), it can no longer be changed.
    """

    _name = "vstbpn.work.plan.expense"
    _description = "Budget Spending"
    _inherit = ["vstbpn.locked.workflow.mixin", "vstbpn.own.unit.mixin"]
    _order = "date desc, id desc"
    _vstbpn_tie_fields = ("plan_id",)
    _vstbpn_link_scopes = {"task_id": "same"}

    plan_id = fields.Many2one(
        "vstbpn.work.plan",
        string="Work Plan",
        required=True,
        index=True,
        ondelete="restrict",
        domain="[('state', '=', 'approved'), ('is_current', '=', True), "
        "('is_own_unit', '=', True)]",
        help="The approved version in force of the committee's plan of the year.",
    )
    committee_id = fields.Many2one(
        related="plan_id.committee_id", store=True, index=True, precompute=True
    )
    year = fields.Integer(related="plan_id.year", store=True, precompute=True)
    date = fields.Date(required=True, default=lambda self: vn_today(self.env))
    name = fields.Char(string="Content", required=True)
    category_id = fields.Many2one(
        "vstbpn.budget.category",
        string="Category",
        required=True,
        index=True,
        ondelete="restrict",
    )
    funding_source = fields.Selection(
        FUNDING_SOURCES, required=True, default="state_budget"
    )
    amount = fields.Float(string="Amount (VND)", required=True, digits=(16, 0))
    task_id = fields.Many2one(
        "vstbpn.work.plan.task",
        string="Task",
        domain="[('plan_id', '=', plan_id)]",
        ondelete="set null",
        help="The activity or task of the plan the money paid for.",
    )
    is_over_estimate = fields.Boolean(
        string="Beyond the Estimate",
        help="The category has no estimate in the plan, or this spending goes "
        "beyond it: say why.",
    )
    over_estimate_reason = fields.Text(string="Reason Beyond the Estimate")
    voucher_number = fields.Char(string="Voucher No.")
    voucher_file = fields.Binary(string="Voucher", attachment=True)
    voucher_filename = fields.Char(string="Voucher File Name")
    note = fields.Char()
    date_settled = fields.Date(related="plan_id.date_settled", string="Settled On")

    # CRUD

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        if not self._vstbpn_is_workflow():
            records._vstbpn_check_editable()
        return records

    # LOCK: settled spending (vstbpn.locked.workflow.mixin)

    def _vstbpn_locked_records(self):
        return self.filtered(lambda expense: expense.plan_id.date_settled)

    def _vstbpn_locked_message(self):
        self.ensure_one()
        return self.env._(
            "The spending of %(plan)s was settled on %(date)s: it can no longer "
            "be changed, added to or deleted.",
            plan=self.plan_id.display_name,
            date=self.plan_id.date_settled.strftime("%d/%m/%Y"),
        )

    # CHECKS: the refusals an officer meets

    @api.constrains("amount")
    def _check_amount(self):
        for expense in self:
            if expense.amount <= 0:
                raise ValidationError(
                    self.env._(
                        "Spending “%(name)s”: the amount must be greater than zero.",
                        name=expense.name,
                    )
                )
            if expense.amount > MAX_AMOUNT:
                raise ValidationError(
                    self.env._(
                        "Spending “%(name)s”: %(amount)s VND is beyond any "
                        "committee's budget; check the figure.",
                        name=expense.name,
                        amount=self.env[
                            "vstbpn.official.document.mixin"
                        ].vstbpn_format_number(expense.amount),
                    )
                )

    @api.constrains("plan_id")
    def _check_plan_approved(self):
        for expense in self:
            plan = expense.plan_id.sudo()
            if plan.state != "approved" or not plan.is_current:
                raise ValidationError(
                    self.env._(
                        "%(plan)s is not the approved version in force of the "
                        "year's plan: spending is recorded only against an "
                        "approved plan.",
                        plan=plan.display_name,
                    )
                )

    @api.constrains("date", "plan_id")
    def _check_date_in_year(self):
        for expense in self:
            if expense.date and expense.date.year != expense.plan_id.year:
                raise ValidationError(
                    self.env._(
                        "Spending “%(name)s” is dated %(date)s, outside %(year)s, "
                        "the year of its plan: record it in the plan of its year.",
                        name=expense.name,
                        date=expense.date.strftime("%d/%m/%Y"),
                        year=expense.plan_id.year,
                    )
                )

    @api.constrains("task_id", "plan_id")
    def _check_task(self):
        self._vstbpn_check_paid_for(
            "task_id",
            lambda task: task.plan_id.year,
            lambda expense, task: self.env._(
                "Spending “%(name)s” refers to a task of another committee or year.",
                name=expense.name,
            ),
        )

    def _vstbpn_check_paid_for(self, field_name, year_of, refusal):
        """Refuse spending that names what it paid for (``field_name``) in
        another committee or year: ``refusal(expense, record)`` says why."""
        for expense in self:
            paid_for = expense[field_name].sudo()
            if paid_for and (
                paid_for.committee_id != expense.committee_id
                or year_of(paid_for) != expense.year
            ):
                raise ValidationError(refusal(expense, paid_for))

    @api.constrains(
        "amount",
        "category_id",
        "funding_source",
        "plan_id",
        "is_over_estimate",
        "over_estimate_reason",
    )
    def _check_within_estimate(self):
        """A category with no estimate, or spent beyond it, needs the
        officer's word: marked beyond the estimate, with the reason. A move
        to an approved revision (the suite's own) is not refused."""
        for expense in self:
            if (
                expense.is_over_estimate
                and not (expense.over_estimate_reason or "").strip()
            ):
                raise ValidationError(
                    self.env._(
                        "Spending “%(name)s” is marked beyond the estimate: say "
                        "why in the reason.",
                        name=expense.name,
                    )
                )
        if self._vstbpn_is_workflow():
            return
        unmarked = self.filtered(lambda expense: not expense.is_over_estimate)
        if not unmarked:
            return
        estimates = unmarked.plan_id._vstbpn_category_figures()
        for expense in unmarked:
            estimate, spent = estimates.get(
                (expense.plan_id, expense.category_id), (0.0, 0.0)
            )
            if not estimate:
                raise ValidationError(
                    self.env._(
                        "%(plan)s has no estimate for “%(category)s”. Record the "
                        "spending under a category of the estimate, or mark it "
                        "beyond the estimate and give the reason.",
                        plan=expense.plan_id.display_name,
                        category=expense.category_id.name,
                    )
                )
            if spent > estimate:
                fmt = self.env["vstbpn.official.document.mixin"].vstbpn_format_number
                raise ValidationError(
                    self.env._(
                        "The spending on “%(category)s” (%(spent)s VND) goes "
                        "beyond its estimate (%(estimate)s VND). Mark the spending "
                        "beyond the estimate and give the reason.",
                        category=expense.category_id.name,
                        spent=fmt(spent),
                        estimate=fmt(estimate),
                    )
                )

    # ACTIONS

    def _vstbpn_move_to(self, plan):
        """The approved revision ``plan`` now holds the year's spending: the
        tasks paid for follow to their copies in it (same name)."""
        if not self:
            return
        tasks = {task.name: task for task in plan.task_ids}
        for expense in self:
            new_task = tasks.get(expense.task_id.name) if expense.task_id else False
            expense._vstbpn_trusted_write(
                {
                    "plan_id": plan.id,
                    "task_id": new_task.id if new_task else expense.task_id.id,
                }
            )
