import io

import xlsxwriter

from odoo import models

from ...tools import xlsx_formats

STATUS_ORDER = ("done_on_time", "done_late", "open", "overdue")
# No., unit, level, then one column per task
FIRST_TASK_COL = 3
# below the title and the document's subject
HEADER_ROW = 3


class VstbpnDocumentTaskBoardXlsx(models.AbstractModel):
    """The follow-up board of a document in XLSX: the same table as on the
    screen (``vstbpn.document.task.board``'s data provider), units by tasks,
    with each unit's counts and share done, and each task's in the last rows.

    Written row after row in ``constant_memory`` mode: a directive to every
    commune is 3,321 rows. The work plans' XLSX base lives in a room loaded
    after this one, hence its own few lines of workbook."""

    _name = "vstbpn.document.task.board.xlsx"
    _description = "Follow-up Board XLSX"

    def _get_xlsx(self, document, level=None, area=None):
        """``(content, filename)``: the rows the user may read."""
        document.check_access("read")
        data = self.env["vstbpn.document.task.board"]._vstbpn_board_data(
            document, level, area
        )
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(
            output, {"constant_memory": True, "strings_to_numbers": False}
        )
        self._write_sheet(workbook, document, data)
        workbook.close()
        name = (document.document_reference or str(document.id)).replace("/", "-")
        return output.getvalue(), f"theo-doi-nhiem-vu-{name}.xlsx"

    def _write_sheet(self, workbook, document, data):
        """Title, header, a row per unit, the tasks' shares: row after row,
        as ``constant_memory`` asks."""
        statuses = self.env["vstbpn.document.task.board"]._vstbpn_status_labels()
        formats = self._define_formats(workbook)
        sheet = workbook.add_worksheet(self.env._("Follow-up")[:31])
        self._write_title(sheet, formats, document)
        for index, (label, width) in enumerate(self._get_columns(data, statuses)):
            sheet.set_column(index, index, width)
            sheet.write(HEADER_ROW, index, label, formats["header"])
        for index, unit_row in enumerate(data["rows"], start=1):
            row = HEADER_ROW + index
            self._write_unit_row(sheet, formats, row, index, unit_row, data, statuses)
        self._write_task_totals(
            sheet, formats, HEADER_ROW + len(data["rows"]) + 1, data
        )

    def _define_formats(self, workbook):
        return xlsx_formats(
            workbook,
            {
                "text": {"text_wrap": True},
                "text_bold": {"bold": True, "text_wrap": True},
                "center": {"align": "center"},
                "number": {"num_format": "0"},
                "share": {"num_format": "0.0"},
                "overdue": {"align": "center", "font_color": "#C00000", "bold": True},
            },
        )

    def _write_title(self, sheet, formats, document):
        sheet.write(
            0,
            0,
            self.env._(
                "Follow-up of the tasks of %(document)s", document=document.display_name
            ),
            formats["title"],
        )
        sheet.write(1, 0, document.subject or "", formats["italic"])

    def _get_columns(self, data, statuses):
        """``[(label, width)]``: the unit, one column per task, the counts."""
        return (
            [
                (self.env._("No."), 6),
                (self.env._("Unit"), 48),
                (self.env._("Level"), 14),
            ]
            + [(f"{task['sequence']}. {task['name']}", 22) for task in data["tasks"]]
            + [(statuses[status], 12) for status in STATUS_ORDER]
            + [(self.env._("Tasks"), 10), (self.env._("Done (%)"), 12)]
        )

    def _write_unit_row(self, sheet, formats, row, index, unit_row, data, statuses):
        sheet.write(row, 0, index, formats["center"])
        sheet.write(row, 1, unit_row["unit"], formats["text"])
        sheet.write(row, 2, unit_row["level"].name or "", formats["text"])
        col = FIRST_TASK_COL
        for task in data["tasks"]:
            cell = unit_row["cells"].get(task["id"])
            text = cell_text(cell, statuses) if cell else ""
            style = "overdue" if cell and cell["overdue"] else "center"
            sheet.write(row, col, text, formats[style])
            col += 1
        self._write_counts(sheet, formats, row, col, unit_row)

    def _write_counts(self, sheet, formats, row, col, counts):
        for offset, status in enumerate((*STATUS_ORDER, "total")):
            sheet.write_number(row, col + offset, counts[status], formats["number"])
        sheet.write_number(
            row, col + len(STATUS_ORDER) + 1, counts["share"], formats["share"]
        )

    def _write_task_totals(self, sheet, formats, row, data):
        """The share done of each task, then the whole board's counts."""
        sheet.write(row, 1, self.env._("Done (%) per task"), formats["text_bold"])
        for offset, task in enumerate(data["tasks"]):
            share = data["task_totals"][task["id"]]["share"]
            sheet.write_number(row, FIRST_TASK_COL + offset, share, formats["share"])
        col = FIRST_TASK_COL + len(data["tasks"])
        self._write_counts(sheet, formats, row, col, data["totals"])


def cell_text(cell, statuses):
    """A cell's status, or the count of each where it holds several lines
    (named members of one committee)."""
    present = [status for status in STATUS_ORDER if cell[status]]
    if cell["total"] == 1:
        return statuses[present[0]]
    return "; ".join(f"{statuses[status]}: {cell[status]}" for status in present)
