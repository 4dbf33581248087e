from odoo import http
from odoo.http import content_disposition, request

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class VstbpnWorkPlanXlsxController(http.Controller):
    """Downloads of a plan's budget estimate and of the subtree's plans, as the
    user sees them (record rules apply)."""

    @http.route(
        "/vstbpn_committee/work_plan/<int:plan_id>/budget.xlsx",
        type="http",
        auth="user",
        readonly=True,
    )
    def download_budget_xlsx(self, plan_id, **kwargs):
        plan = request.env["vstbpn.work.plan"].browse(plan_id)
        content, filename = request.env["vstbpn.work.plan.budget.xlsx"]._get_xlsx(plan)
        return self._xlsx_response(content, filename)

    @http.route(
        "/vstbpn_committee/work_plan/overview.xlsx",
        type="http",
        auth="user",
        readonly=True,
    )
    def download_overview_xlsx(self, year, **kwargs):
        content, filename = request.env["vstbpn.work.plan.overview.xlsx"]._get_xlsx(
            int(year)
        )
        return self._xlsx_response(content, filename)

    def _xlsx_response(self, content, filename):
        return request.make_response(
            content,
            headers=[
                ("Content-Type", XLSX_MIMETYPE),
                ("Content-Disposition", content_disposition(filename)),
            ],
        )
