from odoo import api, models

from ...tools import figures_by_committee, period_domain


class VstbpnDocument(models.Model):
    """The guidance a committee issued to the units below, counted for the
    reporting indicators' automatic sources (``{committee id: (female, male,
    total)}``, one grouped read), with the domain of the documents counted."""

    _inherit = "vstbpn.document"

    @api.model
    def _vstbpn_guidance_domain(self, committees, date_from, date_to):
        """The committees' own documents issued in the period to at least one
        unit below (minutes and plans kept for the record have no
        addressee)."""
        return [
            ("committee_id", "in", committees.ids),
            ("state", "=", "issued"),
            ("recipient_ids", "!=", False),
            *period_domain("date", date_from, date_to),
        ]

    @api.model
    def _vstbpn_guidance_figures(self, committees, date_from, date_to):
        return figures_by_committee(
            self,
            self._vstbpn_guidance_domain(committees, date_from, date_to),
            "committee_id",
        )
