from odoo import http
from odoo.http import request

from odoo.addons.vstbpn_committee.controllers.xlsx_download import (
    bad_request,
    no_record_response,
    route_record,
    xlsx_download,
)

from ..report.vstbpn_report_xlsx_download import XLSX_LAYOUTS


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
        report = route_record("vstbpn.report", report_id)
        if report is None:
            return no_record_response("vstbpn.report", report_id)
        if layout not in XLSX_LAYOUTS:
            return bad_request(
                request.env._(
                    "“%(layout)s” is not a layout of the report: use one of "
                    "%(layouts)s.",
                    layout=layout,
                    layouts=", ".join(sorted(XLSX_LAYOUTS)),
                )
            )
        return xlsx_download(lambda: report._get_xlsx(layout))
