from odoo import http
from odoo.http import request

from ...controllers.xlsx_download import (
    no_record_response,
    route_record,
    xlsx_download,
)


class VstbpnDocumentTaskBoardXlsxController(http.Controller):
    """The download of a document's follow-up board, as the user sees it
    (record rules apply), narrowed like the screen by level and area."""

    @http.route(
        "/vstbpn_committee/document/<int:document_id>/task_board.xlsx",
        type="http",
        auth="user",
        readonly=True,
    )
    def download_task_board_xlsx(self, document_id, level_id=None, area_id=None, **kw):
        document = route_record("vstbpn.document", document_id)
        if document is None:
            return no_record_response("vstbpn.document", document_id)
        level = route_record("vstbpn.committee.level", route_id(level_id))
        area = route_record("vstbpn.committee", route_id(area_id))
        renderer = request.env["vstbpn.document.task.board.xlsx"]
        return xlsx_download(lambda: renderer._get_xlsx(document, level, area))


def route_id(value):
    """The id a filter parameter names, or None."""
    try:
        return int(value)
    except (TypeError, ValueError):
        return None
