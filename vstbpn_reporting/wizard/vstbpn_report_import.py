import base64
import io
import math
from zipfile import BadZipFile

from openpyxl import load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.utils.exceptions import InvalidFileException

from odoo import fields, models
from odoo.exceptions import UserError

from ..report.vstbpn_report_rows import LAYOUT_FIELDS
from ..report.vstbpn_report_xlsx_form import HEADER_ROW, META_ROWS

YES_WORDS = {"yes", "có", "co", "x", "1", "true"}
NO_WORDS = {"no", "không", "khong", "0", "false", ""}


class VstbpnReportImport(models.TransientModel):
    """Uploads a filled report form: all of it, or nothing with every problem listed."""

    _name = "vstbpn.report.import"
    _description = "Import a Report Form"

    report_id = fields.Many2one("vstbpn.report", required=True, ondelete="cascade")
    file = fields.Binary(string="Filled Form", required=True)
    filename = fields.Char()

    def action_import(self):
        self.ensure_one()
        self.report_id.check_access("write")
        self.report_id._vstbpn_check_editable()
        updates, problems = self._parse(self._get_content())
        if problems:
            raise UserError(
                self.env._(
                    "Nothing was imported; correct the form and upload it "
                    "again:\n%(problems)s",
                    problems="\n".join(problems),
                )
            )
        for value, vals in updates:
            value.write(vals)
        self.report_id._vstbpn_post_note(
            self.env._("Values imported from %(file)s.", file=self.filename or "XLSX")
        )
        return {"type": "ir.actions.act_window_close"}

    # PARSING

    def _get_content(self):
        """The uploaded file's bytes; an upload without a file is refused."""
        try:
            content = base64.b64decode(self.file or b"")
        except ValueError:  # binascii.Error: not even base64, so no workbook
            raise UserError(self.env._("The file is not an XLSX workbook.")) from None
        if not content:
            raise UserError(
                self.env._(
                    "No file was uploaded: choose the filled form to upload, then "
                    "import it."
                )
            )
        return content

    def _parse(self, content):
        """([(value, vals)], [problem]) for the whole file."""
        Rows = self.env["vstbpn.report.rows"]
        columns = list(Rows._get_columns())
        try:
            workbook = load_workbook(
                io.BytesIO(content), read_only=True, data_only=True
            )
            unsaved = self._get_unsaved_formulas(content, len(columns))
        except (InvalidFileException, BadZipFile, KeyError, ValueError, OSError):
            return [], [self.env._("The file is not an XLSX workbook.")]
        sheet = workbook.worksheets[0]
        rows = list(sheet.iter_rows(values_only=True))
        problems = self._check_identity(sheet.title, rows)
        indicator_rows = {
            row.indicator.code: row for row in Rows._get_rows(self.report_id)
        }
        updates = []
        for index, line in enumerate(rows[HEADER_ROW + 1 :], start=HEADER_ROW + 2):
            cells = dict(
                zip(columns, tuple(line) + (None,) * len(columns), strict=False)
            )
            code = cells["code"]
            line_problems = [
                self._unsaved_formula_problem(index, col)
                for col, key in enumerate(columns)
                if cells[key] is None and (index, col) in unsaved
            ]
            if not line_problems and code not in (None, ""):
                code = str(code).strip()
                row = indicator_rows.get(code)
                vals, line_problems = self._parse_row(row, cells)
                if not line_problems:
                    updates.append((row.value, vals))
            problems += [
                self._problem(sheet.title, index, code, p) for p in line_problems
            ]
        return updates, problems

    def _get_unsaved_formulas(self, content, width):
        """{(row, column)} of the first sheet's formulas (row from 1, column
        from 0), to tell a formula whose result was never saved (openpyxl and
        some programs write none) from an empty cell: both read as None."""
        sheet = load_workbook(
            io.BytesIO(content), read_only=True, data_only=False
        ).worksheets[0]
        return {
            (index, col)
            for index, row in enumerate(sheet.iter_rows(values_only=True), start=1)
            for col, cell in enumerate(row[:width])
            # openpyxl 3.1 reads array formulas as objects holding their text
            if str(getattr(cell, "text", cell)).startswith("=")
        }

    def _unsaved_formula_problem(self, row, col):
        # outside the call: babel cannot read f-strings among its arguments
        address = get_column_letter(col + 1) + str(row)
        return self.env._(
            "cell %(cell)s holds a formula whose result was not saved with the "
            "file: open and save the file in a spreadsheet program, then upload it "
            "again.",
            cell=address,
        )

    def _check_identity(self, sheet_name, rows):
        """The form must be this report's: same unit code, same period."""
        problems = []

        def cell(row, col=1):
            return rows[row][col] if len(rows) > row and len(rows[row]) > col else None

        unit_code = cell(META_ROWS["unit_code"])
        if str(unit_code or "").strip() != self.report_id.committee_id.code:
            problems.append(
                self._problem(
                    sheet_name,
                    META_ROWS["unit_code"] + 1,
                    "",
                    self.env._(
                        "the form is for unit %(found)s, not %(expected)s.",
                        found=unit_code or "?",
                        expected=self.report_id.committee_id.code,
                    ),
                )
            )
        period = cell(META_ROWS["period_id"])
        try:
            same_period = int(period) == self.report_id.period_id.id
        except (TypeError, ValueError, OverflowError):
            same_period = False
        if not same_period:
            problems.append(
                self._problem(
                    sheet_name,
                    META_ROWS["period_id"] + 1,
                    "",
                    self.env._(
                        "the form is for another reporting period, not %(period)s.",
                        period=self.report_id.period_id.name,
                    ),
                )
            )
        return problems

    def _parse_row(self, row, cells):
        """(vals, problems) of an indicator row, read from the columns of its
        layout (``cells``: {column key: cell}); ``row`` is None for a code
        that is not on the report."""
        if not row:
            return {}, [self.env._("unknown indicator for this report.")]
        vals, problems = {}, []
        for key, fname in LAYOUT_FIELDS[row.layout].items():
            if key == "answer":
                vals[fname], problem = self._parse_answer(row.layout, cells[key])
            else:
                vals[fname], problem = self._parse_number(cells[key])
            if problem:
                problems.append(problem)
        if problems:
            return {}, problems
        if row.layout == "by_sex" and not cells["total"]:
            vals["total"] = vals["female"] + vals["male"]
        return vals, row.indicator._get_figure_problems(vals)

    def _parse_answer(self, layout, cell):
        if layout == "text":
            return cell or False, None
        answer = str(cell or "").strip().lower()
        if answer in YES_WORDS or answer == self.env._("Yes").lower():
            return True, None
        if answer in NO_WORDS or answer == self.env._("No").lower():
            return False, None
        return False, self.env._("answer Yes or No, not “%(text)s”.", text=answer)

    def _parse_number(self, cell):
        if cell is None or cell == "":
            return 0.0, None
        if isinstance(cell, bool):
            return 0.0, self.env._("a number is expected, not yes/no.")
        candidates = [cell]
        if not isinstance(cell, int | float):
            text = str(cell).strip().replace(" ", "")
            candidates = [text, text.replace(".", "").replace(",", ".")]
        for candidate in candidates:
            try:
                number = float(candidate)
            except (TypeError, ValueError, OverflowError):
                continue
            # "nan", "inf" and "1e400" read as floats, yet are no figures
            if math.isfinite(number):
                return number, None
            break
        return 0.0, self.env._("a number is expected, not “%(text)s”.", text=cell)

    def _problem(self, sheet, row, code, problem):
        return self.env._(
            "Sheet %(sheet)s, row %(row)s, indicator %(code)s: %(problem)s",
            sheet=sheet,
            row=row,
            code=code or "-",
            problem=problem,
        )
