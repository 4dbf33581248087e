from odoo import models

from ...tools import vn_today


class VstbpnDocument(models.Model):
    """Documents issued only once signed, where the committee asks for it
    (``vstbpn.signoff.mixin``): the signer's approval writes the signature
    block and issues the document."""

    _name = "vstbpn.document"
    _inherit = ["vstbpn.signoff.mixin", "vstbpn.document"]

    def _vstbpn_signoff_document_type(self):
        return self.document_type_id

    def _vstbpn_check_signable(self):
        self._vstbpn_check_issuable(signed_off=True)

    def action_issue(self):
        self._vstbpn_check_signed_off()
        return super().action_issue()

    def _vstbpn_take_signed_step(self):
        signature = self._vstbpn_signed_signature()
        self._vstbpn_trusted_write(
            {
                # the date printed is the day the signer signs and issues it
                "date": vn_today(self.env),
                "signer_authority": signature["authority"] or False,
                "signer_authority_body": signature["body"] or False,
                "signer_title": signature["title"] or False,
                "signer_position": signature["position"] or False,
                "signer_name": signature["name"],
            }
        )
        self.action_issue()

    def _vstbpn_signing_member(self):
        """The signatory's membership, where the document was signed off."""
        signoff = self.sudo().signoff_id
        if signoff.state == "accepted":
            return signoff.signatory_id.member_id
        return super()._vstbpn_signing_member()
