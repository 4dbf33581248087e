from odoo import http
from odoo.http import content_disposition, request

from odoo.addons.vstbpn_reporting.controllers.main import XLSX_MIMETYPE


class VstbpnCampaignXlsxController(http.Controller):
    """The campaign summary as XLSX, as the user sees the campaign's units."""

    @http.route(
        "/vstbpn_campaign/campaign/<int:campaign_id>/xlsx",
        type="http",
        auth="user",
        readonly=True,
    )
    def download_campaign_xlsx(self, campaign_id, **kwargs):
        campaign = request.env["vstbpn.campaign"].browse(campaign_id)
        content, filename = campaign._get_summary_xlsx()
        return request.make_response(
            content,
            headers=[
                ("Content-Type", XLSX_MIMETYPE),
                ("Content-Disposition", content_disposition(filename)),
            ],
        )
