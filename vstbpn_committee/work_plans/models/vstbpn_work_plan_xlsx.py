import io

import xlsxwriter

from odoo import models

from ...tools import xlsx_formats

# Excel number formats are locale-neutral: a Vietnamese Excel shows 1.234.567.
VND_FORMAT = "#,##0"
QUANTITY_FORMAT = "#,##0.##"


class VstbpnWorkPlanXlsxAbstract(models.AbstractModel):
    """Writes a work-plan workbook: the steps both exports share.

    Concrete exports fill ``_get_sheet_name``, ``_get_columns`` and
    ``_write_content`` from their data provider; the workbook is written in
    ``constant_memory`` mode, row after row, so that the subtree of a whole
    province stays flat in memory.
    """

    _name = "vstbpn.work.plan.xlsx.abstract"
    _description = "Work Plan XLSX Export"

    def _render(self, data):
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(
            output, {"constant_memory": True, "strings_to_numbers": False}
        )
        formats = self._define_formats(workbook)
        sheet = workbook.add_worksheet(self._get_sheet_name(data)[:31])
        columns = self._get_columns(data)
        for index, (_label, width) in enumerate(columns):
            sheet.set_column(index, index, width)
        self._write_content(sheet, formats, columns, data)
        workbook.close()
        return output.getvalue()

    def _define_formats(self, workbook):
        return xlsx_formats(
            workbook,
            {
                "text": {"text_wrap": True},
                "text_bold": {"bold": True, "text_wrap": True},
                "center": {"align": "center"},
                "quantity": {"num_format": QUANTITY_FORMAT},
                "vnd": {"num_format": VND_FORMAT},
                "vnd_bold": {"bold": True, "num_format": VND_FORMAT},
            },
        )

    def _write_header_row(self, sheet, formats, columns, row):
        for index, (label, _width) in enumerate(columns):
            sheet.write(row, index, label, formats["header"])
        return row + 1

    def _get_sheet_name(self, data):
        raise NotImplementedError

    def _get_columns(self, data):
        """``[(label, width)]`` in order."""
        raise NotImplementedError

    def _write_content(self, sheet, formats, columns, data):
        raise NotImplementedError
