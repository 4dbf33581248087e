from odoo import http
from odoo.http import request

from ...controllers.xlsx_download import (
    no_record_response,
    route_record,
    xlsx_download,
)


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
        plan = route_record("vstbpn.work.plan", plan_id)
        if plan is None:
            return no_record_response("vstbpn.work.plan", plan_id)
        renderer = request.env["vstbpn.work.plan.settlement.xlsx"]
        return xlsx_download(lambda: renderer._get_xlsx(plan))
