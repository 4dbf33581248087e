from odoo import fields, models


class VstbpnDocumentCancel(models.TransientModel):
    """Asks why an issued document is cancelled; its addressees are told."""

    _name = "vstbpn.document.cancel"
    # what a client sends is checked as on the records (x2many commands, ids)
    _inherit = ["vstbpn.integrity.mixin"]
    _description = "Cancel a Document"

    document_id = fields.Many2one("vstbpn.document", required=True)
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.document_id.action_cancel(self.reason)
        return {"type": "ir.actions.act_window_close"}
