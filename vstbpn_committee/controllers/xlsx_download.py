import logging

import psycopg2

from odoo.exceptions import UserError
from odoo.http import content_disposition, request

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

_logger = logging.getLogger(__name__)


def xlsx_download(render):
    """The response of a read-only XLSX route; ``render()`` gives the file's
    content and name.

    With a replica configured, a ``readonly=True`` route reads from it, and a
    replica may be a moment behind the primary: an export asked right after a
    consolidation was once refused there for a consolidation the primary had
    already committed. A refusal on a read-only cursor is therefore never
    shown as such: Odoo retries the request on the primary (that is what it
    does on ``ReadOnlySqlTransaction``), which confirms or lifts it."""
    try:
        content, filename = render()
    except UserError as exc:
        if not request.env.cr.readonly:
            raise
        _logger.info("Refused on the replica, asking the primary: %s", exc)
        raise psycopg2.errors.ReadOnlySqlTransaction(
            "refused on a read-only cursor (a replica may lag): asking the primary"
        ) from exc
    return request.make_response(
        content,
        headers=[
            ("Content-Type", XLSX_MIMETYPE),
            ("Content-Disposition", content_disposition(filename)),
        ],
    )
