import io

import xlsxwriter
from babel.dates import format_date

from odoo import models

from odoo.addons.vstbpn_committee.tools import xlsx_formats

# Excel format codes are locale-neutral: a Vietnamese Excel shows 1.234.567,89.
NUMBER_FORMAT = "#,##0.##"
INTEGER_FORMAT = "#,##0"
DATE_FORMAT = "dd/mm/yyyy"


class VstbpnReportXlsxAbstract(models.AbstractModel):
    """Renders a report as an XLSX workbook: the steps every layout shares.

    Concrete layouts fill the hooks ``_get_sheet_name``, ``_get_columns``,
    ``_write_header`` and ``_write_rows``, reading the indicator rows and their
    columns from ``vstbpn.report.rows``. The workbook is written in
    ``constant_memory`` mode, so rows go out in order and memory stays flat
    however large the consolidation.
    """

    _name = "vstbpn.report.xlsx.abstract"
    _description = "Report XLSX Layout"

    def _render(self, report, **options):
        self._check_renderable(report)
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(
            output, {"constant_memory": True, "strings_to_numbers": False}
        )
        formats = self._define_formats(workbook)
        sheet = workbook.add_worksheet(self._get_sheet_name(report))
        columns = self._get_columns(report, **options)
        next_row = self._write_header(sheet, formats, report, columns, **options)
        self._write_rows(sheet, formats, report, columns, next_row, **options)
        workbook.close()
        return output.getvalue()

    def _define_formats(self, workbook):
        return xlsx_formats(
            workbook,
            {
                "cell_text": {"text_wrap": True},
                "cell_number": {"num_format": NUMBER_FORMAT},
                "cell_integer": {"num_format": INTEGER_FORMAT},
                "cell_total": {"bold": True, "num_format": NUMBER_FORMAT},
            },
            plain={"text": {"text_wrap": True}, "date": {"num_format": DATE_FORMAT}},
        )

    def _check_renderable(self, report):
        """Raise if the report cannot be shown in this layout yet."""

    def _get_sheet_name(self, report):
        raise NotImplementedError

    def _get_columns(self, report, **options):
        raise NotImplementedError

    def _write_header(self, sheet, formats, report, columns, **options):
        raise NotImplementedError

    def _write_rows(self, sheet, formats, report, columns, row, **options):
        raise NotImplementedError

    # helpers

    def _format_date_vi(self, value):
        """'ngày 15 tháng 6 năm 2017' in Vietnamese, as the printed documents
        write it (one formatter for everything); the user's format otherwise."""
        lang = self.env.lang or "en_US"
        if lang.startswith("vi"):
            mixin = self.env["vstbpn.official.document.mixin"]
            return mixin.vstbpn_format_place_date("", value)
        return format_date(value, "medium", locale=lang)

    def _set_column_widths(self, sheet, columns, first=0):
        for index, column in enumerate(columns.values(), start=first):
            sheet.set_column(index, index, column["width"])

    def _number_format(self, formats, indicator):
        return formats[
            "cell_integer" if indicator.value_type == "integer" else "cell_number"
        ]
