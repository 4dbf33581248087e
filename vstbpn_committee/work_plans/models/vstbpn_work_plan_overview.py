from odoo import fields, models, tools
from odoo.tools import SQL

from ...tools import form_action, vn_today
from .vstbpn_work_plan import PLAN_STATES

OVERVIEW_STATES = [("missing", "No Plan")] + [
    (code, label) for code, label in PLAN_STATES if code != "superseded"
]


class VstbpnWorkPlanOverview(models.Model):
    """Each unit's work plan of a year, or its absence: what the committee
    above follows (no plan / draft / returned / submitted / approved).

    One row per active committee and per year for which any plan exists,
    with the version in force. A database view, read through the same record
    rules as the plans (by ``unit_id``), so that a province opens the rows of
    its 3,000 communes in a few queries.
    """

    _name = "vstbpn.work.plan.overview"
    _inherit = ["vstbpn.committee.short.name.mixin"]
    _description = "Work Plans of the Units"
    _auto = False
    _order = "year desc, unit_complete_name"
    _rec_name = "unit_id"
    # flushed before the view is read
    _depends = {
        "vstbpn.work.plan": [
            "committee_id",
            "year",
            "state",
            "version",
            "is_current",
            "revision_of_id",
            "amount_total",
            "amount_state_budget",
            "amount_other_sources",
        ],
        "vstbpn.committee": ["complete_name", "parent_id", "level_id", "active"],
    }

    unit_id = fields.Many2one("vstbpn.committee", string="Committee", readonly=True)
    unit_complete_name = fields.Char(string="Committee Path", readonly=True)
    parent_unit_id = fields.Many2one(
        "vstbpn.committee", string="Committee Above", readonly=True
    )
    level_id = fields.Many2one("vstbpn.committee.level", string="Level", readonly=True)
    year = fields.Integer(readonly=True, aggregator=False)
    plan_id = fields.Many2one("vstbpn.work.plan", string="Work Plan", readonly=True)
    state = fields.Selection(OVERVIEW_STATES, string="Status", readonly=True)
    version = fields.Integer(readonly=True, aggregator="max")
    has_open_revision = fields.Boolean(string="Revision in Progress", readonly=True)
    amount_total = fields.Float(
        string="Total Budget (VND)", readonly=True, digits=(16, 0)
    )
    amount_state_budget = fields.Float(
        string="State Budget (VND)", readonly=True, digits=(16, 0)
    )
    amount_other_sources = fields.Float(
        string="Other Sources (VND)", readonly=True, digits=(16, 0)
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE VIEW %s AS (
                    SELECT c.id::bigint * 10000 + y.year AS id,
                           c.id AS unit_id,
                           c.complete_name AS unit_complete_name,
                           c.parent_id AS parent_unit_id,
                           c.level_id AS level_id,
                           y.year AS year,
                           p.id AS plan_id,
                           COALESCE(p.state, 'missing') AS state,
                           p.version AS version,
                           EXISTS (
                               SELECT 1 FROM vstbpn_work_plan r
                                WHERE r.revision_of_id = p.id
                                  AND r.state IN ('draft', 'returned', 'submitted')
                           ) AS has_open_revision,
                           COALESCE(p.amount_total, 0) AS amount_total,
                           COALESCE(p.amount_state_budget, 0) AS amount_state_budget,
                           COALESCE(p.amount_other_sources, 0)
                               AS amount_other_sources
                      FROM vstbpn_committee c
                      CROSS JOIN (SELECT DISTINCT year FROM vstbpn_work_plan) y
                      LEFT JOIN vstbpn_work_plan p
                        ON p.committee_id = c.id AND p.year = y.year AND p.is_current
                     WHERE c.active
                )
                """,
                SQL.identifier(self._table),
            )
        )

    def action_open_plan(self):
        self.ensure_one()
        if not self.plan_id:
            return False
        return form_action(self.plan_id)

    # DATA PROVIDER (XLSX of the subtree)

    def _vstbpn_subtree_data(self):
        """The rows of the subtree export: each unit's plan status and its
        budget per category, in a fixed number of queries whatever the number
        of units (one read of the rows, one grouped read of the budgets)."""
        rows = self.sorted(lambda row: (row.year, row.unit_complete_name or ""))
        amounts = {}
        categories = self.env["vstbpn.budget.category"]
        plans = rows.plan_id
        if plans:
            groups = self.env["vstbpn.work.plan.budget.line"]._read_group(
                [("plan_id", "in", plans.ids)],
                ["plan_id", "category_id"],
                ["amount:sum"],
            )
            for plan, category, amount in groups:
                amounts[plan.id, category.id] = amount
                categories |= category
        categories = categories.sorted(lambda c: (c.sequence, c.id))
        return {"rows": rows, "categories": categories, "amounts": amounts}

    def action_download_xlsx(self):
        """The XLSX of every unit the user sees, for the year of the selected
        rows (the latest year when none is selected)."""
        [(latest,)] = self.env["vstbpn.work.plan"]._read_group([], [], ["year:max"])
        year = self[:1].year or latest or vn_today(self.env).year
        return {
            "type": "ir.actions.act_url",
            "url": f"/vstbpn_committee/work_plan/overview.xlsx?year={year}",
            "target": "download",
        }
