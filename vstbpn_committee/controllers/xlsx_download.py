import logging

import psycopg2

from odoo.exceptions import UserError
from odoo.http import content_disposition, request

XLSX_MIMETYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# The years a route accepts (the plans' and reports' own SQL range).
YEAR_RANGE = (2000, 2100)

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


def bad_request(message):
    """A 400 answer that says, in the user's language, what was wrong."""
    return request.make_response(
        message, status=400, headers=[("Content-Type", "text/plain; charset=utf-8")]
    )


def route_record(model_name, record_id):
    """The record a route names, or None when the id names none (0, a
    deleted record): the route then answers 400, not a server error. What
    the user may read is checked by the renderer, as on the screen."""
    if not isinstance(record_id, int) or record_id <= 0:
        return None
    record = request.env[model_name].browse(record_id)
    return record if record.sudo().exists() else None


def record_xlsx_download(model_name, record_id, render):
    """The XLSX of the record a route names: ``render(record)`` gives the
    file's content and name; 400 when the id names no record."""
    record = route_record(model_name, record_id)
    if record is None:
        return no_record_response(model_name, record_id)
    return xlsx_download(lambda: render(record))


def route_year(value):
    """The year a route is given as a parameter, or None when it is missing,
    not a whole number or out of range."""
    try:
        year = int(value)
    except (TypeError, ValueError):
        return None
    return year if YEAR_RANGE[0] <= year <= YEAR_RANGE[1] else None


def no_record_response(model_name, record_id):
    env = request.env
    return bad_request(
        env._(
            "There is no %(model)s with id %(id)s: open the document from its "
            "record and download it again.",
            model=env[model_name]._description,
            id=record_id,
        )
    )


def bad_year_response(value):
    return bad_request(
        request.env._(
            "“%(year)s” is not a year between %(first)s and %(last)s: add "
            "?year=2026, for instance, to the address.",
            year=value if value is not None else "",
            first=YEAR_RANGE[0],
            last=YEAR_RANGE[1],
        )
    )
