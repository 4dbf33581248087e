from odoo import api, fields, models


class VstbpnReport(models.Model):
    """Reports whose Action Month indicators fill themselves from the units'
    activities when the period opens, and again on request until submitted
    (the source ``campaign`` of ``vstbpn.figure.source``)."""

    _inherit = "vstbpn.report"

    has_campaign_sources = fields.Boolean(compute="_compute_source_kinds")
    has_hr_sources = fields.Boolean(compute="_compute_source_kinds")

    @api.depends("template_id")
    def _compute_source_kinds(self):
        for report in self:
            sources = report.template_id.line_ids.indicator_id.filtered("source")
            campaign = sources.filtered(lambda i: i._is_campaign_source())
            report.has_campaign_sources = bool(campaign)
            report.has_hr_sources = bool(sources - campaign)

    def action_fill_campaign_values(self):
        self.check_access("write")
        self._vstbpn_check_editable()
        self._fill_automatic_values(["campaign"])._check_rules()
        return True
