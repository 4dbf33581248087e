from odoo import models

# Where the importer finds what it checks; keep in step with _write_header.
META_ROWS = {"unit_code": 2, "period_id": 3}
HEADER_ROW = 6


class VstbpnReportXlsxForm(models.AbstractModel):
    """A unit's report form, blank or filled, that can be uploaded back.

    One row per indicator of the template; the unit's code and the period are
    written above the table so that a form filled for another unit or period
    is recognised on upload.
    """

    _name = "vstbpn.report.xlsx.form"
    _inherit = "vstbpn.report.xlsx.abstract"
    _description = "Report Form XLSX"

    def _get_sheet_name(self, report):
        return self.env._("Report")

    def _get_columns(self, report, blank=False):
        Rows = self.env["vstbpn.report.rows"]
        columns = Rows._get_columns()
        if not blank:
            # after the columns the importer reads, which it reads by position
            columns.update(Rows._get_target_columns())
        return columns

    def _write_header(self, sheet, formats, report, columns, blank=False):
        self._set_column_widths(sheet, columns)
        sheet.write(0, 0, report.name, formats["title"])
        sheet.write(1, 0, self.env._("Unit"), formats["label"])
        sheet.write(1, 1, report.committee_id.name, formats["text"])
        sheet.write(
            META_ROWS["unit_code"], 0, self.env._("Unit Code"), formats["label"]
        )
        sheet.write_string(META_ROWS["unit_code"], 1, report.committee_id.code)
        sheet.write(
            META_ROWS["period_id"], 0, self.env._("Period No."), formats["label"]
        )
        sheet.write_number(META_ROWS["period_id"], 1, report.period_id.id)
        sheet.write(META_ROWS["period_id"], 2, report.period_id.name, formats["text"])
        sheet.write(4, 0, self.env._("Deadline"), formats["label"])
        sheet.write(4, 1, self._format_date_vi(report.deadline), formats["italic"])
        for index, column in enumerate(columns.values()):
            sheet.write(HEADER_ROW, index, column["header"], formats["header"])
        sheet.freeze_panes(HEADER_ROW + 1, 2)
        return HEADER_ROW + 1

    def _write_rows(self, sheet, formats, report, columns, row, blank=False):
        Rows = self.env["vstbpn.report.rows"]
        for indicator_row in Rows._get_rows(report):
            cells = Rows._get_label_cells(indicator_row)
            if not blank:
                cells.update(Rows._get_own_cells(indicator_row))
                cells.update(Rows._get_target_cells(indicator_row))
            number = self._number_format(formats, indicator_row.indicator)
            for col, (key, column) in enumerate(columns.items()):
                cell = cells.get(key)
                if cell is None:
                    sheet.write_blank(row, col, None, formats["cell_text"])
                elif column["type"] == "figure":
                    sheet.write_number(row, col, cell, number)
                else:
                    sheet.write_string(row, col, cell, formats["cell_text"])
            row += 1
        return row
