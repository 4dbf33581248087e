from odoo import fields, models


class VstbpnDocumentCancel(models.TransientModel):
    """Asks why an issued document is cancelled; its addressees are told."""

    _name = "vstbpn.document.cancel"
    _description = "Cancel a Document"

    document_id = fields.Many2one("vstbpn.document", required=True)
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.document_id.action_cancel(self.reason)
        return {"type": "ir.actions.act_window_close"}
