from odoo import api, fields, models, tools
from odoo.tools import SQL

from ...tools import VN_TZ
from .vstbpn_document_task_line import BOARD_STATUSES


class VstbpnDocumentTaskBoard(models.Model):
    """The follow-up board of the documents' tasks: one row per follow-up
    line, with where it stands (done on time, done late, open, overdue)
    computed by the database with Viet Nam's date, so that the board of a
    directive to every commune is one grouped read, however many units
    (pivot, graph, the board's table and its XLSX).

    Read through the lines' record rules by ``unit_id``: an issuer sees the
    units of its subtree, a unit its own lines, never a sibling's. Cancelled
    lines are left out.
    """

    _name = "vstbpn.document.task.board"
    _description = "Follow-up Board of Assigned Tasks"
    _auto = False
    _order = "document_id desc, unit_complete_name, task_sequence, task_id, id"
    _rec_name = "task_id"
    # flushed before the view is read
    _depends = {
        "vstbpn.document.task.line": [
            "task_id",
            "document_id",
            "issuer_committee_id",
            "task_sequence",
            "kind",
            "committee_id",
            "committee_complete_name",
            "level_id",
            "member_id",
            "deadline",
            "date_done",
            "state",
        ],
        "vstbpn.committee": ["parent_id"],
    }

    line_id = fields.Many2one(
        "vstbpn.document.task.line", string="Follow-up", readonly=True
    )
    document_id = fields.Many2one("vstbpn.document", string="Document", readonly=True)
    issuer_committee_id = fields.Many2one(
        "vstbpn.committee", string="Issued By", readonly=True
    )
    task_id = fields.Many2one("vstbpn.document.task", string="Task", readonly=True)
    task_sequence = fields.Integer(readonly=True, aggregator=False)
    unit_id = fields.Many2one("vstbpn.committee", string="Unit", readonly=True)
    unit_complete_name = fields.Char(string="Unit Name", readonly=True)
    level_id = fields.Many2one("vstbpn.committee.level", string="Level", readonly=True)
    area_id = fields.Many2one(
        "vstbpn.committee",
        string="Local Area",
        readonly=True,
        help="The committee the unit belongs to (a commune's district or province).",
    )
    member_id = fields.Many2one(
        "vstbpn.committee.member", string="Member", readonly=True
    )
    deadline = fields.Date(string="Due On", readonly=True)
    date_done = fields.Date(string="Done On", readonly=True)
    status = fields.Selection(BOARD_STATUSES, readonly=True)
    done_rate = fields.Float(
        string="Done (%)",
        readonly=True,
        aggregator="avg",
        digits=(16, 1),
        help="100 for a task done, 0 otherwise: its average is the share done.",
    )

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(
            SQL(
                """
                CREATE VIEW %s AS (
                    SELECT l.id,
                           l.id AS line_id,
                           l.document_id,
                           l.issuer_committee_id,
                           l.task_id,
                           l.task_sequence,
                           l.committee_id AS unit_id,
                           l.committee_complete_name AS unit_complete_name,
                           l.level_id,
                           c.parent_id AS area_id,
                           l.member_id,
                           l.deadline,
                           l.date_done,
                           %s AS status,
                           CASE WHEN l.state = 'done' THEN 100.0 ELSE 0.0 END
                               AS done_rate
                      FROM vstbpn_document_task_line l
                      JOIN vstbpn_committee c ON c.id = l.committee_id
                     WHERE l.state != 'cancelled'
                )
                """,
                SQL.identifier(self._table),
                self._status_sql(),
            )
        )

    @staticmethod
    def _status_sql():
        """The board's status of a line ``l``, as the line's own
        ``_vstbpn_board_status`` says it, on Viet Nam's date."""
        return SQL(
            """CASE
                   WHEN l.state = 'done' AND l.date_done > l.deadline
                       THEN 'done_late'
                   WHEN l.state = 'done' THEN 'done_on_time'
                   WHEN l.deadline < (now() AT TIME ZONE %s)::date THEN 'overdue'
                   ELSE 'open'
               END""",
            VN_TZ,
        )

    # THE BOARD OF A DOCUMENT: one data provider for the screen and the XLSX

    @api.model
    def _vstbpn_board_domain(self, document, level=None, area=None):
        """The rows of ``document``'s board, narrowed to a level and to the
        units of an area (a committee and its subtree)."""
        domain = [("document_id", "=", document.id)]
        if level:
            domain.append(("level_id", "=", level.id))
        if area:
            domain.append(("unit_id", "child_of", area.id))
        return domain

    @api.model
    def _vstbpn_board_data(self, document, level=None, area=None):
        """The board of ``document``: units (rows) by tasks (columns).

        One grouped read, whatever the number of units; the units' names
        and levels come with it::

            {"tasks": [{"id", "sequence", "name", "deadline"}],
             "rows": [{"unit_id", "unit", "level", "cells": {task id: cell},
                       **counts}],
             "task_totals": {task id: counts}, "totals": counts}

        where a cell is ``{"line_id": the first line, **counts}`` and counts
        are ``{"done_on_time", "done_late", "open", "overdue", "total",
        "done", "share"}``, the share done in percent (not of a cell).
        """
        groups = self._vstbpn_board_groups(
            self._vstbpn_board_domain(document, level, area)
        )
        rows, task_totals, totals = board_counts(groups)
        levels = self.env["vstbpn.committee.level"].browse(
            {row["level"] for row in rows.values() if row["level"]}
        )
        for row in rows.values():
            row["level"] = levels.browse(row["level"]).with_prefetch(levels._ids)
        return {
            "tasks": self._vstbpn_board_tasks(task_totals),
            "rows": sorted(
                rows.values(), key=lambda row: (row["unit"], row["unit_id"])
            ),
            "task_totals": task_totals,
            "totals": totals,
        }

    @api.model
    def _vstbpn_board_groups(self, domain):
        """``[(unit id, unit name, level id, task id, status, count, first
        line id)]`` of the rows of ``domain`` the user may read, in one
        grouped query. Not ``_read_group``: it builds records for every group
        and orders them by the committees' names through joins, and a
        directive to every commune has 26,568 groups (1.1 s, against 1 s for
        the whole board)."""
        query = self._search(domain)
        keys = [
            SQL.identifier(query.table, name)
            for name in (
                "unit_id",
                "unit_complete_name",
                "level_id",
                "task_id",
                "status",
            )
        ]
        query.groupby = SQL(", ").join(keys)
        return self.env.execute_query(
            query.select(
                *keys,
                SQL("COUNT(*)"),
                SQL("MIN(%s)", SQL.identifier(query.table, "id")),
            )
        )

    @api.model
    def _vstbpn_status_labels(self):
        """{status: its label in the user's language}."""
        return dict(self._fields["status"]._description_selection(self.env))

    @api.model
    def _vstbpn_board_tasks(self, task_ids):
        """The columns: the tasks that have rows, in the document's order.
        Read as superuser: an addressee reads its lines, not the issuer's
        tasks, and sees their text on its lines as well."""
        tasks = self.env["vstbpn.document.task"].sudo().browse(list(task_ids))
        return [
            {
                "id": task.id,
                "sequence": index,
                "name": task._vstbpn_short_name(),
                "deadline": task.deadline,
            }
            for index, task in enumerate(tasks.sorted(lambda t: (t.sequence, t.id)), 1)
        ]


def board_counts(groups):
    """``(rows by unit id, counts by task id, counts of the whole board)``
    of the groups by unit, task and status; a row's level is still its id."""
    rows, task_totals, totals = {}, {}, new_counts()
    for unit_id, unit_name, level_id, task_id, status, count, line_id in groups:
        row = rows.get(unit_id)
        if row is None:
            row = rows[unit_id] = {
                "unit_id": unit_id,
                "unit": unit_name or "",
                "level": level_id,
                "cells": {},
                **new_counts(),
            }
        cell = row["cells"].get(task_id)
        if cell is None:
            cell = row["cells"][task_id] = {"line_id": line_id, **new_counts()}
        cell["line_id"] = min(cell["line_id"], line_id)
        task_counts = task_totals.setdefault(task_id, new_counts())
        for counts in (cell, row, task_counts, totals):
            add_count(counts, status, count)
    for counts in (*rows.values(), *task_totals.values(), totals):
        counts["share"] = round(counts["done"] / counts["total"] * 100, 1)
    return rows, task_totals, totals


def new_counts():
    return dict.fromkeys(
        ("done_on_time", "done_late", "open", "overdue", "total", "done", "share"), 0
    )


def add_count(counts, status, count):
    """Adds ``count`` lines of ``status`` to ``counts``."""
    counts[status] += count
    counts["total"] += count
    if status in ("done_on_time", "done_late"):
        counts["done"] += count
