from odoo import http
from odoo.http import request

from odoo.addons.vstbpn_committee.controllers.xlsx_download import xlsx_download


class VstbpnReportXlsxController(http.Controller):
    """Downloads of a report's form and of its consolidation, as the user sees them."""

    @http.route(
        "/vstbpn_reporting/report/<int:report_id>/xlsx/<string:layout>",
        type="http",
        auth="user",
        # reads only: with a replica configured (db_replica_host), it runs there
        readonly=True,
    )
    def download_report_xlsx(self, report_id, layout, **kwargs):
        report = request.env["vstbpn.report"].browse(report_id)
        return xlsx_download(lambda: report._get_xlsx(layout))
