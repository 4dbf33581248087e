from odoo import models

from .vstbpn_document_recipient import CARRY_OUT_ACTIVITY


class MailActivity(models.Model):
    """Marking a "read and carry out" activity done acknowledges the document
    for the committee, as the Acknowledge button does."""

    _inherit = "mail.activity"

    def _action_done(self, feedback=False, attachment_ids=None):
        carry_out = self.env.ref(CARRY_OUT_ACTIVITY, raise_if_not_found=False)
        recipient_ids = [
            activity.res_id
            for activity in self
            if carry_out
            and activity.res_model == "vstbpn.document.recipient"
            and activity.activity_type_id == carry_out
        ]
        result = super()._action_done(feedback=feedback, attachment_ids=attachment_ids)
        if recipient_ids:
            recipients = self.env["vstbpn.document.recipient"].browse(recipient_ids)
            recipients = recipients.exists()._filtered_access("read")
            recipients.filtered("can_acknowledge")._vstbpn_acknowledge()
        return result
