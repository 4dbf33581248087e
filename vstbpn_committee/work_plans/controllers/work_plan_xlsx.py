from odoo import http
from odoo.http import request

from ...controllers.xlsx_download import (
    bad_year_response,
    record_xlsx_download,
    route_year,
    xlsx_download,
)


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
        renderer = request.env["vstbpn.work.plan.budget.xlsx"]
        return record_xlsx_download("vstbpn.work.plan", plan_id, renderer._get_xlsx)

    @http.route(
        "/vstbpn_committee/work_plan/overview.xlsx",
        type="http",
        auth="user",
        readonly=True,
    )
    def download_overview_xlsx(self, year=None, **kwargs):
        checked_year = route_year(year)
        if checked_year is None:
            return bad_year_response(year)
        renderer = request.env["vstbpn.work.plan.overview.xlsx"]
        return xlsx_download(lambda: renderer._get_xlsx(checked_year))
