from odoo import api, fields, models, tools
from odoo.tools import SQL

from .vstbpn_work_plan_budget_line import FUNDING_SOURCES


class VstbpnWorkPlanSpending(models.Model):
    """Estimate and spending of each plan, by category and funding source:
    what the plan's "Spending" tab shows, and what the committee above
    compares across its units (pivot, graph).

    A database view of the plans' estimate lines and spending, one row per
    plan, category and source that has either; read through the plans'
    record rules by ``unit_id`` (as the overview of the units' plans).
    """

    _name = "vstbpn.work.plan.spending"
    _inherit = ["vstbpn.committee.short.name.mixin"]
    _description = "Budget Use by Category"
    _auto = False
    _order = "year desc, unit_id, category_sequence, category_id, funding_source"
    _rec_name = "category_id"
    # flushed before the view is read
    _depends = {
        "vstbpn.work.plan": ["committee_id", "year", "state", "is_current"],
        "vstbpn.work.plan.budget.line": [
            "plan_id",
            "category_id",
            "funding_source",
            "amount",
        ],
        "vstbpn.work.plan.expense": [
            "plan_id",
            "category_id",
            "funding_source",
            "amount",
        ],
        "vstbpn.budget.category": ["sequence"],
    }

    plan_id = fields.Many2one("vstbpn.work.plan", string="Work Plan", readonly=True)
    unit_id = fields.Many2one("vstbpn.committee", string="Committee", readonly=True)
    year = fields.Integer(readonly=True, aggregator=False)
    plan_state = fields.Selection(
        related="plan_id.state", string="Plan Status", readonly=True
    )
    is_current = fields.Boolean(string="Current Version", readonly=True)
    category_id = fields.Many2one(
        "vstbpn.budget.category", string="Category", readonly=True
    )
    category_sequence = fields.Integer(readonly=True, aggregator=False)
    funding_source = fields.Selection(FUNDING_SOURCES, readonly=True)
    amount_estimate = fields.Float(
        string="Estimate (VND)", readonly=True, digits=(16, 0)
    )
    amount_spent = fields.Float(string="Spent (VND)", readonly=True, digits=(16, 0))
    amount_remaining = fields.Float(
        string="Remaining (VND)", readonly=True, digits=(16, 0)
    )
    spent_share = fields.Float(
        string="Share Used (%)",
        compute="_compute_spent_share",
        digits=(16, 1),
        help="The spending as a share of the estimate.",
    )

    @api.depends("amount_estimate", "amount_spent")
    def _compute_spent_share(self):
        for row in self:
            row.spent_share = share(row.amount_spent, row.amount_estimate)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE VIEW %s AS (
                    WITH estimate AS (
                        SELECT plan_id, category_id, funding_source,
                               SUM(amount) AS amount
                          FROM vstbpn_work_plan_budget_line
                         GROUP BY plan_id, category_id, funding_source
                    ), spent AS (
                        SELECT plan_id, category_id, funding_source,
                               SUM(amount) AS amount
                          FROM vstbpn_work_plan_expense
                         GROUP BY plan_id, category_id, funding_source
                    )
                    SELECT (f.plan_id::bigint * 100000 + f.category_id) * 10
                               + CASE f.funding_source
                                     WHEN 'state_budget' THEN 1
                                     WHEN 'contribution' THEN 2
                                     ELSE 3
                                 END AS id,
                           f.plan_id,
                           p.committee_id AS unit_id,
                           p.year,
                           p.is_current,
                           f.category_id,
                           c.sequence AS category_sequence,
                           f.funding_source,
                           COALESCE(f.estimate, 0) AS amount_estimate,
                           COALESCE(f.spent, 0) AS amount_spent,
                           COALESCE(f.estimate, 0) - COALESCE(f.spent, 0)
                               AS amount_remaining
                      FROM (
                          SELECT plan_id, category_id, funding_source,
                                 e.amount AS estimate, s.amount AS spent
                            FROM estimate e
                            FULL OUTER JOIN spent s
                                 USING (plan_id, category_id, funding_source)
                      ) f
                      JOIN vstbpn_work_plan p ON p.id = f.plan_id
                      JOIN vstbpn_budget_category c ON c.id = f.category_id
                )
                """,
                SQL.identifier(self._table),
            )
        )


def share(spent, estimate):
    """The spending as a percentage of the estimate (0 without an estimate)."""
    return round(spent / estimate * 100, 1) if estimate else 0.0
