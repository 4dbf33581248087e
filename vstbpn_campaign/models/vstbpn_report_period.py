from odoo import api, fields, models


class VstbpnReportPeriod(models.Model):
    """A reporting period asked for by a campaign: its reports fill their
    Action Month indicators from that campaign only."""

    _inherit = "vstbpn.report.period"

    campaign_id = fields.Many2one(
        "vstbpn.campaign",
        string="Action Month",
        readonly=True,
        index=True,
        ondelete="restrict",
        help="The campaign whose results this period asks for; set by the "
        "campaign's 'Ask for Results Reports'.",
    )

    @api.model
    def _vstbpn_protected_fields(self):
        # only the campaign's action links a period to it
        return super()._vstbpn_protected_fields() | {"campaign_id"}
