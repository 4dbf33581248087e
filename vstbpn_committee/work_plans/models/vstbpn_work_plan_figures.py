from odoo import api, models

from ...tools import figures_by_committee


class VstbpnWorkPlan(models.Model):
    """The work plan a committee adopted for the period's years, and the
    budget it estimated, for the reporting indicators' automatic sources
    (``{committee id: (female, male, total)}``, one grouped read), with the
    domain of the plans counted."""

    _inherit = "vstbpn.work.plan"

    @api.model
    def _vstbpn_adopted_domain(self, committees, date_from, date_to):
        """The committees' approved plans of the period's years, approved by
        its end (a version since revised is superseded and no longer
        counts: its approved revision does)."""
        return [
            ("committee_id", "in", committees.ids),
            ("state", "=", "approved"),
            ("year", ">=", date_from.year),
            ("year", "<=", date_to.year),
            ("date_approved", "<=", date_to),
        ]

    @api.model
    def _vstbpn_adopted_figures(self, committees, date_from, date_to):
        """How many plans each committee adopted: a yes once it has one."""
        return figures_by_committee(
            self,
            self._vstbpn_adopted_domain(committees, date_from, date_to),
            "committee_id",
        )

    @api.model
    def _vstbpn_budget_estimate_figures(self, committees, date_from, date_to):
        """The total budget the adopted plans estimate (VND)."""
        groups = self.sudo()._read_group(
            self._vstbpn_adopted_domain(committees, date_from, date_to),
            ["committee_id"],
            ["amount_total:sum"],
        )
        return {committee.id: (0, 0, amount or 0.0) for committee, amount in groups}


class VstbpnWorkPlanExpense(models.Model):
    """What the committees spent on their adopted plans in the period, for the
    indicator of the budget spent (ACT-10)."""

    _inherit = "vstbpn.work.plan.expense"

    @api.model
    def _vstbpn_spent_domain(self, committees, date_from, date_to):
        """The committees' expenses dated in the period, on the plan version
        in force (spending moves with a plan to its approved revision)."""
        return [
            ("committee_id", "in", committees.ids),
            ("date", ">=", date_from),
            ("date", "<=", date_to),
            ("plan_id.state", "=", "approved"),
        ]

    @api.model
    def _vstbpn_spent_figures(self, committees, date_from, date_to):
        """The total each committee spent in the period (VND)."""
        groups = self.sudo()._read_group(
            self._vstbpn_spent_domain(committees, date_from, date_to),
            ["committee_id"],
            ["amount:sum"],
        )
        return {committee.id: (0, 0, amount or 0.0) for committee, amount in groups}
