from odoo import http
from odoo.http import request

from ...controllers.xlsx_download import record_xlsx_download


class VstbpnWorkPlanSettlementXlsxController(http.Controller):
    """The download of a plan's settlement, as the user sees it (record
    rules apply)."""

    @http.route(
        "/vstbpn_committee/work_plan/<int:plan_id>/settlement.xlsx",
        type="http",
        auth="user",
        readonly=True,
    )
    def download_settlement_xlsx(self, plan_id, **kwargs):
        renderer = request.env["vstbpn.work.plan.settlement.xlsx"]
        return record_xlsx_download("vstbpn.work.plan", plan_id, renderer._get_xlsx)
