from odoo import fields, models


class VstbpnReportReturn(models.TransientModel):
    """Asks the reviewer why the reports go back to the unit."""

    _name = "vstbpn.report.return"
    # what a client sends is checked as on the records (x2many commands, ids)
    _inherit = ["vstbpn.integrity.mixin"]
    _description = "Return a Report"

    report_ids = fields.Many2many("vstbpn.report", string="Reports")
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.report_ids.action_return(self.reason)
        return {"type": "ir.actions.act_window_close"}
