from odoo import models
from odoo.exceptions import UserError

# What makes an attachment the file it is: changing any of these replaces it.
CONTENT_FIELDS = {"raw", "datas", "db_datas", "store_fname", "res_model", "res_id"}


class IrAttachment(models.Model):
    """The issued copy of a document, signed or not, is the file the
    addressees received: whoever may write the document may otherwise write
    its attachments, so its content can neither be replaced nor deleted."""

    _inherit = "ir.attachment"

    def write(self, vals):
        if CONTENT_FIELDS & set(vals) and not self.env.su:
            self._vstbpn_check_not_issued_copy()
        return super().write(vals)

    def unlink(self):
        if not self.env.su:
            self._vstbpn_check_not_issued_copy()
        return super().unlink()

    def _vstbpn_check_not_issued_copy(self):
        if not self.ids:
            return
        issued = (
            self.env["vstbpn.document"]
            .sudo()
            .search([("issued_file_id", "in", self.ids)], limit=1)
        )
        if issued:
            raise UserError(
                self.env._(
                    "%(file)s is the issued copy of %(document)s, as its addressees "
                    "received it: it cannot be changed or deleted. To correct the "
                    "document, replace it with a new one (Replace).",
                    file=issued.issued_file_id.name,
                    document=issued.display_name,
                )
            )
