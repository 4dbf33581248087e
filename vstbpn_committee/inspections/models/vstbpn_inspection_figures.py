from odoo import api, models

from ...tools import figures_by_committee, period_domain

# An inspection is carried out once concluded; following up its
# recommendations does not undo that.
CARRIED_OUT = ("concluded", "followed_up")


class VstbpnInspection(models.Model):
    """The inspections a committee carried out, counted for the reporting
    indicators' automatic sources (``{committee id: (female, male, total)}``,
    one grouped read), with the domain of the inspections counted. They count
    for the inspecting committee, not for the unit inspected."""

    _inherit = "vstbpn.inspection"

    @api.model
    def _vstbpn_carried_out_domain(self, committees, date_from, date_to):
        """The committees' inspections concluded in the period."""
        return [
            ("inspecting_committee_id", "in", committees.ids),
            ("state", "in", CARRIED_OUT),
            *period_domain("date_concluded", date_from, date_to),
        ]

    @api.model
    def _vstbpn_inspection_figures(self, committees, date_from, date_to):
        return figures_by_committee(
            self,
            self._vstbpn_carried_out_domain(committees, date_from, date_to),
            "inspecting_committee_id",
        )


class VstbpnInspectionRecommendation(models.Model):
    """The recommendations a committee made in its inspections, and those the
    inspected units followed up (accepted as done), counted for the
    inspecting committee."""

    _inherit = "vstbpn.inspection.recommendation"

    @api.model
    def _vstbpn_made_domain(self, committees, date_from, date_to):
        """The recommendations of the committees' inspections concluded in the
        period."""
        return [
            ("inspecting_committee_id", "in", committees.ids),
            ("inspection_id.state", "in", CARRIED_OUT),
            *period_domain("inspection_id.date_concluded", date_from, date_to),
        ]

    @api.model
    def _vstbpn_followed_up_domain(self, committees, date_from, date_to):
        """Those of them the inspected unit carried out and the inspecting
        committee accepted."""
        return [
            *self._vstbpn_made_domain(committees, date_from, date_to),
            ("state", "=", "accepted"),
        ]

    @api.model
    def _vstbpn_recommendation_figures(self, committees, date_from, date_to):
        return figures_by_committee(
            self,
            self._vstbpn_made_domain(committees, date_from, date_to),
            "inspecting_committee_id",
        )

    @api.model
    def _vstbpn_followed_up_figures(self, committees, date_from, date_to):
        return figures_by_committee(
            self,
            self._vstbpn_followed_up_domain(committees, date_from, date_to),
            "inspecting_committee_id",
        )
