from odoo import api, models

from odoo.addons.vstbpn_reporting.models.vstbpn_figure_source import FigureSource

from .vstbpn_indicator import CAMPAIGN_SOURCES


class VstbpnFigureSource(models.AbstractModel):
    """The Action Month as a source of report figures: the units' own done
    activities of the period, counted, summed and reached online."""

    _inherit = "vstbpn.figure.source"

    def _sources(self):
        # The activities' counts and amounts were checked when they were
        # validated: their figures are not checked again as typed ones.
        campaign = tuple(key for key, _label in CAMPAIGN_SOURCES)
        return super()._sources() | {"campaign": FigureSource(campaign, checked=False)}

    @api.model
    def _figures_campaign(self, reports, lines):
        """A unit's figures are the same for every indicator: read once a
        period, then each line takes its own."""
        figures = {}
        Indicator = self.env["vstbpn.indicator"]
        for period, group in lines.grouped(lambda v: v.report_id.period_id).items():
            units = Indicator._get_campaign_figures(group.committee_id, period)
            for line in group:
                figures[line.id] = line.indicator_id._campaign_own_figures(
                    units[line.committee_id.id]
                )
        return figures
