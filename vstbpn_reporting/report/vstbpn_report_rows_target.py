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
