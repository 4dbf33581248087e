import base64
import io

import xlsxwriter

from odoo import fields, models

from odoo.addons.vstbpn_committee.tools import xlsx_formats

# The columns of the export, declared once: (field of vstbpn.report.quality,
# width). Labels are the fields' own, in the user's language.
COLUMNS = [
    ("committee_id", 36),
    ("parent_committee_id", 30),
    ("state", 14),
    ("submission_status", 14),
    ("date_submitted", 14),
    ("error_count", 10),
    ("warning_count", 10),
    ("unexplained_warning_count", 14),
    ("outlier_count", 10),
    ("unexplained_outlier_count", 14),
    ("quality_status", 16),
]


class VstbpnReportQualityExport(models.TransientModel):
    """The data quality of many reports as an XLSX workbook, downloaded by
    the user who asked for it (a transient record holds the file)."""

    _name = "vstbpn.report.quality.export"
    _description = "Data Quality Export"

    file = fields.Binary(readonly=True, attachment=False)
    filename = fields.Char(readonly=True)

    def _export(self, rows):
        """Write ``rows`` (vstbpn.report.quality, as the user sees them) and
        return the action that downloads the workbook."""
        rows.check_access("read")
        export = self.create(
            {
                "file": base64.b64encode(self._render(rows)),
                "filename": self._filename(rows),
            }
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{export._name}/{export.id}/file/"
            f"{export.filename}?download=true",
            "target": "download",
        }

    def _filename(self, rows):
        periods = rows.period_id
        name = periods.name if len(periods) == 1 else self.env._("Reports")
        title = self.env._("Data quality - %(name)s", name=name)
        return f"{title}.xlsx".replace("/", "-")

    def _render(self, rows):
        output = io.BytesIO()
        workbook = xlsxwriter.Workbook(output, {"constant_memory": True})
        formats = self._define_formats(workbook)
        sheet = workbook.add_worksheet(self.env._("Data Quality"))
        columns = [(rows._fields[name], width) for name, width in COLUMNS]
        # selection labels once per column, in the user's language
        labels = {
            field.name: dict(field._description_selection(self.env))
            for field, _width in columns
            if field.type == "selection"
        }
        sheet.write(0, 0, self._filename(rows)[: -len(".xlsx")], formats["title"])
        for col, (field, width) in enumerate(columns):
            sheet.set_column(col, col, width)
            sheet.write(2, col, field._description_string(self.env), formats["header"])
        sheet.freeze_panes(3, 1)
        lines = rows.sorted(lambda r: r.committee_id.complete_name or "")
        for row, line in enumerate(lines, start=3):
            for col, (field, _width) in enumerate(columns):
                value = line[field.name]
                self._write_cell(sheet, (row, col), value, field, labels, formats)
        workbook.close()
        return output.getvalue()

    def _define_formats(self, workbook):
        return xlsx_formats(
            workbook,
            {
                "text": {},
                "number": {"num_format": "0"},
                "date": {"num_format": "dd/mm/yyyy"},
            },
        )

    def _write_cell(self, sheet, cell, value, field, labels, formats):
        if field.type == "integer":
            sheet.write_number(*cell, value, formats["number"])
        elif field.type == "many2one":
            sheet.write_string(*cell, value.display_name or "", formats["text"])
        elif field.type == "selection":
            sheet.write_string(
                *cell, labels[field.name].get(value, ""), formats["text"]
            )
        elif field.type == "date" and value:
            sheet.write_datetime(
                *cell, fields.Datetime.to_datetime(value), formats["date"]
            )
        else:
            sheet.write_blank(*cell, None, formats["text"])
