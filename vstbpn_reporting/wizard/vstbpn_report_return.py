from odoo import fields, models


class VstbpnReportReturn(models.TransientModel):
    """Asks the reviewer why the reports go back to the unit."""

    _name = "vstbpn.report.return"
    _description = "Return a Report"

    report_ids = fields.Many2many("vstbpn.report", string="Reports")
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.report_ids.action_return(self.reason)
        return {"type": "ir.actions.act_window_close"}
