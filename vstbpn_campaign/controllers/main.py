from odoo import http

from odoo.addons.vstbpn_committee.controllers.xlsx_download import (
    no_record_response,
    route_record,
    xlsx_download,
)


class VstbpnCampaignXlsxController(http.Controller):
    """The campaign summary as XLSX, as the user sees the campaign's units."""

    @http.route(
        "/vstbpn_campaign/campaign/<int:campaign_id>/xlsx",
        type="http",
        auth="user",
        readonly=True,
    )
    def download_campaign_xlsx(self, campaign_id, **kwargs):
        campaign = route_record("vstbpn.campaign", campaign_id)
        if campaign is None:
            return no_record_response("vstbpn.campaign", campaign_id)
        return xlsx_download(campaign._get_summary_xlsx)
