from odoo import http
from odoo.http import content_disposition, request

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


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
        content, filename = report._get_xlsx(layout)
        return request.make_response(
            content,
            headers=[
                ("Content-Type", XLSX_MIMETYPE),
                ("Content-Disposition", content_disposition(filename)),
            ],
        )
