from odoo import api, fields, models
from odoo.exceptions import UserError

from ...core.models.vstbpn_numbered_document_mixin import BLANK_NUMBER
from ...tools import vn_today
from .vstbpn_work_plan import VstbpnWorkPlan
from .vstbpn_work_plan_budget_line import FUNDING_SOURCES
from .vstbpn_work_plan_spending import share

# Written by the settlement action only.
SETTLEMENT_FIELDS = ("date_settled", "settled_user_id")


class VstbpnWorkPlanSettlement(models.Model):
    """What the year's approved plan spent against its estimate, by category
    and funding source, and its settlement at the year's end (quyết toán
    kinh phí, Article 4 of Circular 191/2009/TT-BTC).

    Spending is recorded against the approved version in force; a revision,
    once approved, takes the spending over (``_vstbpn_on_accept``). Settling
    locks the year's spending; the explanation stays editable until then.
    """

    _inherit = "vstbpn.work.plan"
    _vstbpn_derived_fields = (
        *VstbpnWorkPlan._vstbpn_derived_fields,
        *SETTLEMENT_FIELDS,
    )
    # the explanation is written until the settlement, the plan approved
    _vstbpn_free_fields = ("settlement_note",)

    expense_ids = fields.One2many(
        "vstbpn.work.plan.expense", "plan_id", string="Spending"
    )
    spending_ids = fields.One2many(
        "vstbpn.work.plan.spending", "plan_id", string="Budget Use by Category"
    )
    expense_count = fields.Integer(compute="_compute_spending_amounts")
    amount_spent = fields.Float(
        string="Spent (VND)", compute="_compute_spending_amounts", digits=(16, 0)
    )
    amount_remaining = fields.Float(
        string="Remaining (VND)", compute="_compute_spending_amounts", digits=(16, 0)
    )
    spent_share = fields.Float(
        string="Share Used (%)", compute="_compute_spending_amounts", digits=(16, 1)
    )
    date_settled = fields.Date(
        string="Settled On", readonly=True, copy=False, tracking=True
    )
    settled_user_id = fields.Many2one(
        "res.users", string="Settled By", readonly=True, copy=False
    )
    settlement_note = fields.Text(
        string="Settlement Explanation",
        copy=False,
        help="Why the spending differs from the estimate, what is carried over, "
        "what is proposed: printed with the settlement.",
    )

    can_edit_settlement = fields.Boolean(compute="_compute_can_edit_settlement")

    @api.depends_context("uid")
    def _compute_can_edit_settlement(self):
        # a new plan (the form's first onchange) has nothing to settle
        writable = self.filtered("id")._filtered_access("write")
        for plan in self:
            plan.can_edit_settlement = plan in writable

    def _compute_spending_amounts(self):
        groups = self.env["vstbpn.work.plan.expense"]._read_group(
            [("plan_id", "in", self.ids)], ["plan_id"], ["amount:sum", "__count"]
        )
        spent = {plan: (amount, count) for plan, amount, count in groups}
        for plan in self:
            amount, count = spent.get(plan, (0.0, 0))
            plan.expense_count = count
            plan.amount_spent = amount
            plan.amount_remaining = plan.amount_total - amount
            plan.spent_share = share(amount, plan.amount_total)

    # CRUD

    def write(self, vals):
        if (
            "settlement_note" in vals
            and not self._vstbpn_is_workflow()
            and any(self.mapped("date_settled"))
        ):
            raise UserError(self.filtered("date_settled")[:1]._vstbpn_settled_message())
        return super().write(vals)

    def _vstbpn_settled_message(self):
        return self.env._(
            "The spending of %(plan)s was settled on %(date)s: it can no longer "
            "be changed, added to or deleted.",
            plan=self.display_name,
            date=self.date_settled.strftime("%d/%m/%Y"),
        )

    # REVIEW: an approved revision takes the year's spending over

    def _vstbpn_on_accept(self):
        result = super()._vstbpn_on_accept()
        for plan in self:
            plan.revision_of_id.sudo().expense_ids._vstbpn_move_to(plan)
        return result

    def _vstbpn_check_revisable(self):
        result = super()._vstbpn_check_revisable()
        if self.date_settled:
            raise UserError(self._vstbpn_settled_message())
        return result

    # FIGURES: estimate and spending by category, in grouped reads

    def _vstbpn_category_figures(self, by_source=False):
        """``{(plan, category[, source]): (estimate, spent)}`` of the plans,
        in two grouped reads whatever the number of plans and lines (read
        as superuser: the callers check what the user may see)."""
        groupby = ["plan_id", "category_id"] + (["funding_source"] if by_source else [])
        domain = [("plan_id", "in", self.ids)]
        estimates = (
            self.env["vstbpn.work.plan.budget.line"]
            .sudo()
            ._read_group(domain, groupby, ["amount:sum"])
        )
        spending = (
            self.env["vstbpn.work.plan.expense"]
            .sudo()
            ._read_group(domain, groupby, ["amount:sum"])
        )
        figures = {}
        for *key, amount in estimates:
            figures[tuple(key)] = (amount, 0.0)
        for *key, amount in spending:
            estimate, _spent = figures.get(tuple(key), (0.0, 0.0))
            figures[tuple(key)] = (estimate, amount)
        return figures

    def _vstbpn_spending_by_category(self):
        """``{plan: [{category, estimate, spent, remaining, share}]}`` in the
        categories' order, for any number of plans in the same queries."""
        self.check_access("read")
        summary = {plan: [] for plan in self}
        figures = self._vstbpn_category_figures()
        for (plan, category), (estimate, spent) in sorted(
            figures.items(), key=lambda item: (item[0][1].sequence, item[0][1].id)
        ):
            summary[plan].append(row_of(category, estimate, spent))
        return summary

    # DATA PROVIDER (printed settlement and XLSX)

    def _vstbpn_settlement_data(self):
        """The settlement in the shape of Article 4: estimate, spent and
        remaining per category, then per funding source, the totals, and the
        explanation (the reasons given for spending beyond the estimate, and
        the plan's own)."""
        self.ensure_one()
        self.check_access("read")
        figures = self._vstbpn_category_figures(by_source=True)
        source_labels = dict(
            self.env["vstbpn.work.plan.expense"]
            ._fields["funding_source"]
            ._description_selection(self.env)
        )
        categories, sources = {}, {}
        for (_plan, category, source), (estimate, spent) in figures.items():
            old = categories.get(category, (0.0, 0.0))
            categories[category] = (old[0] + estimate, old[1] + spent)
            old = sources.get(source, (0.0, 0.0))
            sources[source] = (old[0] + estimate, old[1] + spent)
        reasons = self._vstbpn_over_estimate_reasons()
        category_rows = [
            dict(
                row_of(category, *categories[category]),
                explanation="; ".join(reasons.get(category, [])),
            )
            for category in sorted(categories, key=lambda c: (c.sequence, c.id))
        ]
        estimate = sum(row["estimate"] for row in category_rows)
        spent = sum(row["spent"] for row in category_rows)
        return {
            "categories": category_rows,
            "sources": [
                dict(row_of(None, *sources[code]), code=code, label=source_labels[code])
                for code, _label in FUNDING_SOURCES
                if code in sources
            ],
            "total": row_of(None, estimate, spent),
            "note": self.settlement_note or "",
        }

    def _vstbpn_over_estimate_reasons(self):
        """``{category: [reasons]}`` given for spending beyond the estimate."""
        groups = (
            self.env["vstbpn.work.plan.expense"]
            .sudo()
            ._read_group(
                [("plan_id", "=", self.id), ("is_over_estimate", "=", True)],
                ["category_id"],
                ["over_estimate_reason:array_agg"],
            )
        )
        return {
            category: list(dict.fromkeys(r.strip() for r in reasons if r))
            for category, reasons in groups
        }

    # ACTIONS

    def action_open_expenses(self):
        """The year's spending of the committee, whichever version it was
        recorded against."""
        self.ensure_one()
        current = self._vstbpn_current_approved()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Spending"),
            "res_model": "vstbpn.work.plan.expense",
            "view_mode": "list,form,pivot,graph",
            "views": [
                (False, "list"),
                (False, "form"),
                (False, "pivot"),
                (False, "graph"),
            ],
            "domain": [
                ("committee_id", "=", self.committee_id.id),
                ("year", "=", self.year),
            ],
            "context": {"default_plan_id": current.id} if current else {},
        }

    def _vstbpn_current_approved(self):
        """The approved version in force of the committee's year, or nothing."""
        self.ensure_one()
        return self.search(
            [
                ("committee_id", "=", self.committee_id.id),
                ("year", "=", self.year),
                ("state", "=", "approved"),
                ("is_current", "=", True),
            ],
            limit=1,
        )

    def action_settle(self):
        """Settle the year's spending (quyết toán): the spending is locked."""
        self.ensure_one()
        self.check_access("write")
        if self.state != "approved" or not self.is_current:
            raise UserError(
                self.env._(
                    "Only the approved version in force of a work plan can be "
                    "settled; %(plan)s is not.",
                    plan=self.display_name,
                )
            )
        if self.date_settled:
            raise UserError(self._vstbpn_settled_message())
        self._vstbpn_trusted_write(
            {
                "date_settled": vn_today(self.env),
                "settled_user_id": self.env.uid,
            }
        )
        self._vstbpn_post_note(self.env._("The year's spending was settled."))
        return True

    def action_print_settlement(self):
        self.ensure_one()
        self.check_access("read")
        return self.env.ref(
            "vstbpn_committee.vstbpn_work_plan_settlement_report"
        ).report_action(self)

    def action_download_settlement_xlsx(self):
        self.ensure_one()
        self.check_access("read")
        return {
            "type": "ir.actions.act_url",
            "url": f"/vstbpn_committee/work_plan/{self.id}/settlement.xlsx",
            "target": "download",
        }

    # PRINTING: the settlement report (BÁO CÁO quyết toán kinh phí)

    def _vstbpn_settlement_document_values(self):
        """The plan's layout values, as a report of its own: BÁO CÁO with
        room for its number, dated the day of the settlement."""
        self.ensure_one()
        symbol = self.committee_id.document_symbol
        day = self.date_settled or vn_today(self.env)
        return dict(
            self._vstbpn_document_values(),
            number=f"{BLANK_NUMBER}/BC-{symbol}" if symbol else f"{BLANK_NUMBER}/BC",
            place_date=self.vstbpn_format_place_date(
                self._vstbpn_document_place(), day
            ),
            title=self.env._("Report").upper(),
            title_subject=self.env._(
                "Settlement of the %(year)s budget for the advancement of women",
                year=self.year,
            ),
        )


def row_of(category, estimate, spent):
    return {
        "category": category,
        "estimate": estimate,
        "spent": spent,
        "remaining": estimate - spent,
        "share": share(spent, estimate),
    }
