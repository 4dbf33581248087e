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
        return [
            ("code", self.env._("Code"), 10),
            ("name", self.env._("Indicator"), 50),
            ("uom", self.env._("Unit of Measure"), 14),
            ("female", self.env._("Female"), 12),
            ("male", self.env._("Male"), 12),
            ("total", self.env._("Total"), 12),
            ("value", self.env._("Value"), 14),
            ("answer", self.env._("Text or Yes/No"), 40),
        ]

    def _write_header(self, sheet, formats, report, columns, blank=False):
        for index, (_key, _label, width) in enumerate(columns):
            sheet.set_column(index, index, width)
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
        for index, (_key, label, _width) in enumerate(columns):
            sheet.write(HEADER_ROW, index, label, formats["header"])
        sheet.freeze_panes(HEADER_ROW + 1, 2)
        return HEADER_ROW + 1

    def _write_rows(self, sheet, formats, report, columns, row, blank=False):
        yes, no = self.env._("Yes"), self.env._("No")
        for value in report.value_ids.sorted("sequence"):
            indicator = value.indicator_id
            sheet.write_string(row, 0, indicator.code, formats["cell_text"])
            sheet.write_string(row, 1, indicator.name, formats["cell_text"])
            sheet.write_string(row, 2, indicator.uom or "", formats["cell_text"])
            number = self._number_format(formats, indicator)
            for col in range(3, 8):
                sheet.write_blank(row, col, None, formats["cell_text"])
            if not blank:
                if indicator.by_sex:
                    sheet.write_number(row, 3, value.female, number)
                    sheet.write_number(row, 4, value.male, number)
                    sheet.write_number(row, 5, value.total, number)
                elif indicator.value_type == "boolean":
                    sheet.write_string(
                        row, 7, yes if value.value_bool else no, formats["cell_text"]
                    )
                elif indicator.value_type == "text":
                    sheet.write_string(
                        row, 7, value.value_text or "", formats["cell_text"]
                    )
                else:
                    sheet.write_number(row, 6, value.value_number, number)
            row += 1
        return row
