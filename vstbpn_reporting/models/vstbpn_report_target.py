from odoo import models


class VstbpnReport(models.Model):
    """The printed report's table of targets."""

    _inherit = "vstbpn.report"

    def _vstbpn_print_targets(self):
        """The lines of the report that have a target, with their figure,
        target and gap formatted in Vietnamese, and whether they are on track."""
        self.ensure_one()
        Rows = self.env["vstbpn.report.rows"]
        return [
            {"value": row.value, **Rows._get_target_cells(row, formatted=True)}
            for row in Rows._get_rows(self)
            if row.value.target_id
        ]
