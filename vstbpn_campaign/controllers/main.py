from odoo import http

from odoo.addons.vstbpn_committee.controllers.xlsx_download import (
    record_xlsx_download,
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
        return record_xlsx_download(
            "vstbpn.campaign",
            campaign_id,
            lambda campaign: campaign._get_summary_xlsx(),
        )
