from collections import defaultdict

from odoo import api, models
from odoo.tools import SQL

from odoo.addons.vstbpn_committee.tools import sql_array

from .vstbpn_report_value import (
    FIGURES,
    NUMERIC_FIGURES,
    REPORTED_FIELD,
    figure_fields,
    own_result,
    reported_value,
)
from .vstbpn_report_value_quality import OUTLIER_FIELDS
from .vstbpn_report_value_source import AUTOMATIC_FIGURES

# What create() stores on an empty line: no figure (texts stay NULL), not
# consolidated.
COUNTED = (*NUMERIC_FIGURES, "yes")
EMPTY_LINE = {
    **dict.fromkeys(figure_fields("own", NUMERIC_FIGURES), "0"),
    FIGURES["yes"].own: "FALSE",
    "is_consolidated": "FALSE",
    **dict.fromkeys(figure_fields("consolidated", COUNTED), "0"),
    **dict.fromkeys([*figure_fields("result", COUNTED), REPORTED_FIELD], "0"),
}
# A line of the indicators %(filled)s is born as its source fills it when
# its records hold nothing: filled, with zero figures from the records.
IS_BORN_FILLED = "l.indicator_id = ANY(%(filled)s)"
BORN_FILLED = {
    "automatic_filled": IS_BORN_FILLED,
    **{
        field: f"CASE WHEN {IS_BORN_FILLED} THEN {'FALSE' if key == 'yes' else 0} END"
        for key, field in AUTOMATIC_FIGURES.items()
    },
}
# An empty value per template indicator of the reports %(ids)s.
INSERT_VALUES = f"""
    INSERT INTO vstbpn_report_value (
        report_id, indicator_id, committee_id, parent_committee_id, period_id,
        report_state, sequence, {", ".join(EMPTY_LINE)}, {", ".join(BORN_FILLED)},
        create_uid, create_date, write_uid, write_date)
    SELECT r.id, l.indicator_id, r.committee_id, r.parent_committee_id, r.period_id,
           r.state, l.sequence, {", ".join(EMPTY_LINE.values())},
           {", ".join(BORN_FILLED.values())},
           %(uid)s, %(now)s, %(uid)s, %(now)s
      FROM vstbpn_report r
      JOIN vstbpn_report_template_line l ON l.template_id = r.template_id
     WHERE r.id IN %(ids)s
        ON CONFLICT (report_id, indicator_id) DO NOTHING
"""
# The consolidated figures of a line whose units gave none.
EMPTY_CONSOLIDATED = dict.fromkeys(NUMERIC_FIGURES, 0.0) | {"yes": 0, "text": None}
# What the reported value is made of (reported_value).
REPORTED_FROM = ("total", "number", "yes")


class VstbpnReportValue(models.Model):
    """The writers of report lines: every statement that writes the table
    ``vstbpn_report_value`` by hand is here, one per kind of write.

    Opening a national period inserts hundreds of thousands of lines, and
    filling them from their sources, consolidating them and flagging their
    outliers update thousands at a time: each is one statement, whatever the
    number of lines, fed plain data by its caller (line ids and figures by
    key of ``FIGURES``), which field a figure goes to is the value model's
    mapping. Each writer invalidates what it wrote and tells the ORM that
    the reported figures changed, as write() would.
    """

    _inherit = "vstbpn.report.value"

    # OPEN

    def _insert_for_reports_query(self):
        return INSERT_VALUES

    def _insert_for_reports_params(self, reports, filled=()):
        """``filled``: the indicators whose lines are born filled
        (``BORN_FILLED``), none by default."""
        return {"filled": sql_array(list(filled), "int4")}

    # OWN FIGURES

    def _write_own_figures(self, figures):
        """Write ``{line id: {figure key: own figure}}`` as an automatic source
        fills the lines: the result fields of the lines that are not
        consolidated follow them. One statement per set of figure keys (a
        source writes the same figures on all its lines).

        The caller checks the user's right to write the lines, and the figures
        against their indicators where they need it, as write() would.
        """
        by_keys = defaultdict(dict)
        for line_id, line_figures in figures.items():
            keys = tuple(key for key in FIGURES if key in line_figures)
            by_keys[keys][line_id] = line_figures
        for keys, same_keys in by_keys.items():
            self._write_own_rows(keys, same_keys)

    def _write_own_rows(self, keys, figures):
        lines = self.browse(list(figures))
        lines.flush_recordset()
        reported = self._get_reported_values(figures, "own")
        rows = {
            line_id: self._own_row(line_figures) | {REPORTED_FIELD: reported[line_id]}
            for line_id, line_figures in figures.items()
        }
        own = figure_fields("own", keys)
        results = [*figure_fields("result", keys), REPORTED_FIELD]
        automatic = [AUTOMATIC_FIGURES[key] for key in keys if key in AUTOMATIC_FIGURES]
        self._update_lines(
            rows,
            {field: self._unless_corrected(field) for field in own}
            | {field: self._unless_consolidated(field) for field in results}
            | self._copied(automatic)
            | {"automatic_filled": SQL("TRUE")}
            | self._stamp(),
        )
        lines.invalidate_recordset(
            [*own, *results, *automatic, "automatic_filled", "write_uid", "write_date"]
        )
        # what depends on the reported figures must know, as after a write
        lines.modified(results)

    @staticmethod
    def _own_row(figures):
        row = {}
        for key, figure in figures.items():
            row[FIGURES[key].own] = figure
            row[FIGURES[key].result] = own_result(key, figure)
            if key in AUTOMATIC_FIGURES:
                row[AUTOMATIC_FIGURES[key]] = figure
        return row

    @staticmethod
    def _unless_corrected(field):
        """The unit's correction of an automatic figure stays: the source's
        figure goes to the automatic field only."""
        return SQL(
            "CASE WHEN v.is_corrected THEN v.%s ELSE x.%s END",
            SQL.identifier(field),
            SQL.identifier(field),
        )

    @staticmethod
    def _unless_consolidated(field):
        """The line keeps its result while it reports consolidated figures,
        or the unit's correction."""
        return SQL(
            "CASE WHEN v.is_consolidated OR v.is_corrected THEN v.%s ELSE x.%s END",
            SQL.identifier(field),
            SQL.identifier(field),
        )

    # CONSOLIDATED FIGURES

    def _write_consolidated_figures(self, figures):
        """Write ``{line id: {figure key: consolidated figure}}`` and mark the
        lines consolidated: they report these figures from now on, and the
        figures not given are empty (0, no text).

        The figures are computed, not typed, so the input checks of write()
        do not apply, and the result fields are written with them rather than
        recomputed line by line.
        """
        if not figures:
            return
        figures = {
            line_id: EMPTY_CONSOLIDATED | line_figures
            for line_id, line_figures in figures.items()
        }
        consolidated = figure_fields("consolidated")
        results = [*figure_fields("result"), REPORTED_FIELD]
        lines = self.browse(list(figures))
        lines.flush_recordset([*consolidated, *results, "is_consolidated"])
        self._update_lines(
            self._consolidated_rows(figures),
            self._copied(consolidated)
            | self._results_from_consolidated()
            | {"is_consolidated": SQL("TRUE")}
            | self._stamp(),
            exact=True,
        )
        lines.invalidate_recordset(
            [*consolidated, *results, "is_consolidated", "write_uid", "write_date"]
        )
        # the figures are consistent and need no recompute; what depends on
        # them must know
        lines.modified(results)

    def _consolidated_rows(self, figures):
        reported = self._get_reported_values(figures, "consolidated")
        return {
            line_id: {FIGURES[key].consolidated: line_figures[key] for key in FIGURES}
            | {REPORTED_FIELD: reported[line_id]}
            for line_id, line_figures in figures.items()
        }

    @staticmethod
    def _results_from_consolidated():
        return {
            figure.result: SQL("x.%s", SQL.identifier(figure.consolidated))
            for figure in FIGURES.values()
        } | {REPORTED_FIELD: SQL("x.%s", SQL.identifier(REPORTED_FIELD))}

    # QUALITY FLAGS

    @api.model
    def _write_outlier_flags(self, flags):
        """Write ``{line id: (kind, previous, median, deviation)}``, the
        system's flags (``OUTLIER_FIELDS``): not the user's write, so the
        lines keep their write date."""
        if not flags:
            return
        rows = {
            line_id: dict(zip(OUTLIER_FIELDS, flag, strict=True))
            for line_id, flag in flags.items()
        }
        self._update_lines(rows, self._copied(OUTLIER_FIELDS))
        self.invalidate_model(list(OUTLIER_FIELDS))
        self.env["vstbpn.report"].invalidate_model(["flagged_value_ids"])

    # SHARED

    def _update_lines(self, rows, assignments, exact=False):
        """Update the lines of ``rows`` ({line id: {column: value}}) in one
        ``UPDATE ... FROM unnest(arrays)``, whatever their number (the ORM's
        batched update would split them into chunks of 100). ``assignments``
        ({field: SQL}) read the line's row as ``x`` and its current fields as
        ``v``; numbers go as float8, or as stored when ``exact``."""
        ids = list(rows)
        columns = list(rows[ids[0]])
        self.env.cr.execute(
            SQL(
                """
                UPDATE vstbpn_report_value AS v
                   SET %(assignments)s
                  FROM unnest(%(ids)s, %(arrays)s) AS x(id, %(columns)s)
                 WHERE v.id = x.id
                """,
                assignments=SQL(", ").join(
                    SQL("%s = %s", SQL.identifier(field), value)
                    for field, value in assignments.items()
                ),
                ids=sql_array(ids, "int4"),
                arrays=SQL(", ").join(
                    sql_array(
                        [rows[id_][column] for id_ in ids],
                        self._row_type(column, exact),
                    )
                    for column in columns
                ),
                columns=SQL(", ").join(SQL.identifier(column) for column in columns),
            )
        )

    @staticmethod
    def _copied(fnames):
        """Each field of ``fnames`` gets the row's column of the same name."""
        return {fname: SQL("x.%s", SQL.identifier(fname)) for fname in fnames}

    def _row_type(self, fname, exact):
        column_type = self._fields[fname].column_type[1]
        return "float8" if column_type == "numeric" and not exact else column_type

    def _stamp(self):
        return {
            "write_uid": SQL("%s", self.env.uid),
            "write_date": SQL("%s", self.env.cr.now()),
        }

    def _get_reported_values(self, figures, kind):
        """{line id: its reported value}, from the figures written
        (``{line id: {figure key: figure}}``) and, for those not written,
        the line's own figures of ``kind``, read with its indicator in one
        query: consolidation writes thousands of lines it holds no record of.
        """
        missing = [
            key
            for key in REPORTED_FROM
            if any(key not in line for line in figures.values())
        ]
        lines = self._read_lines(
            list(figures), ["indicator_id", *figure_fields(kind, missing)]
        )
        indicators = self.env["vstbpn.indicator"].browse(
            {line["indicator_id"] for line in lines.values()}
        )
        rules = {i.id: (i.by_sex, i.value_type) for i in indicators}
        reported = {}
        for line_id, line_figures in figures.items():
            line = lines[line_id]
            total, number, yes = (
                line_figures[key]
                if key in line_figures
                else line[getattr(FIGURES[key], kind)]
                for key in REPORTED_FROM
            )
            if kind == "own":
                yes = own_result("yes", yes)
            reported[line_id] = reported_value(
                *rules[line["indicator_id"]], total or 0.0, number or 0.0, yes or 0
            )
        return reported

    def _read_lines(self, ids, fnames):
        self.env.cr.execute(
            SQL(
                "SELECT id, %s FROM vstbpn_report_value WHERE id = ANY(%s)",
                SQL(", ").join(SQL.identifier(fname) for fname in fnames),
                sql_array(ids, "int4"),
            )
        )
        return {line["id"]: line for line in self.env.cr.dictfetchall()}
