from odoo import models

DIRECTION_SIGNS = {"at_least": "≥", "at_most": "≤"}


class VstbpnReportRows(models.AbstractModel):
    """The target, gap and "on track" columns, for the outputs that show them
    (the printed report and the unit's XLSX form; the importer ignores them)."""

    _inherit = "vstbpn.report.rows"

    def _get_target_columns(self):
        """``{key: {header, width, type}}`` of the target columns, in order."""
        columns = [
            ("target", self.env._("Target"), 12, "figure"),
            ("gap", self.env._("Gap"), 12, "figure"),
            ("on_track", self.env._("Target Status"), 14, "text"),
        ]
        return {
            key: {"header": header, "width": width, "type": kind}
            for key, header, width, kind in columns
        }

    def _get_target_cells(self, row, formatted=False):
        """``{column key: cell}`` of the row's target, empty without one.

        ``formatted``: figures as printed (Vietnamese format, the target with
        its direction, such as "≥ 60"), numbers otherwise.
        """
        value = row.value
        if not value.target_id:
            return {}
        # a line not compared (no figure yet) has no gap to show
        compared = bool(value.target_status)
        gap = value.target_gap if compared else None
        cells = {
            "figure": value.result_value,
            "target": value.target_value,
            "gap": gap,
            "on_track": self._target_status_label(value),
            "year": value.target_year,
        }
        if formatted:
            sign = DIRECTION_SIGNS[value.target_direction]
            cells["figure"] = self._print_number(value.result_value)
            cells["target"] = f"{sign} {self._print_number(value.target_value)}"
            cells["gap"] = self._print_number(gap) if compared else ""
        return cells

    def _target_status_label(self, value):
        labels = dict(value._fields["target_status"]._description_selection(self.env))
        return labels.get(value.target_status)


class VstbpnReportXlsxConsolidation(models.AbstractModel):
    """The consolidation export's target columns, after the total: the
    target of the consolidating committee's report, the gap and the status of
    its total."""

    _inherit = "vstbpn.report.xlsx.consolidation"

    def _write_target_header(self, sheet, formats, first_col):
        """The headers on the row of the female / male / total ones: rows go
        out in order (``constant_memory``), the one above is written."""
        columns = self.env["vstbpn.report.rows"]._get_target_columns()
        self._set_column_widths(sheet, columns, first=first_col)
        for offset, column in enumerate(columns.values()):
            sheet.write_string(
                3, first_col + offset, column["header"], formats["header"]
            )

    def _write_target_cells(self, sheet, formats, row, first_col, indicator_row):
        Rows = self.env["vstbpn.report.rows"]
        cells = Rows._get_target_cells(indicator_row)
        number = self._number_format(formats, indicator_row.indicator)
        for offset, (key, column) in enumerate(Rows._get_target_columns().items()):
            cell = cells.get(key)
            if cell is None:
                continue
            if column["type"] == "figure":
                sheet.write_number(row, first_col + offset, cell, number)
            else:
                sheet.write_string(row, first_col + offset, cell, formats["cell_text"])
