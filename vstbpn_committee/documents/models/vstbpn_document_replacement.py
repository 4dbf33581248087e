from markupsafe import Markup

from odoo import fields, models
from odoo.exceptions import UserError

from .vstbpn_document_signature import VstbpnDocument as SignedDocument


class VstbpnDocument(models.Model):
    """An issued document is never changed (its signed copy least of all):
    it is corrected by a new document that replaces it. *Replace* drafts the
    new one from the old; issuing it cancels the old one, which keeps its
    number, and tells its addressees what replaces it."""

    _inherit = "vstbpn.document"
    _vstbpn_derived_fields = SignedDocument._vstbpn_derived_fields + (
        "replaced_document_id",
    )

    replaced_document_id = fields.Many2one(
        "vstbpn.document",
        string="Replaces",
        readonly=True,
        copy=False,
        index="btree_not_null",
        help="The issued document this one corrects: issuing this one cancels it.",
    )
    replacement_ids = fields.One2many(
        "vstbpn.document", "replaced_document_id", string="Replaced By", readonly=True
    )

    def action_replace(self):
        """Draft the document that replaces this issued one (or open the
        draft already begun)."""
        self.ensure_one()
        self._vstbpn_check_officer_rights()
        if self.state != "issued":
            raise UserError(
                self.env._(
                    "%(document)s is not issued: only an issued document is "
                    "replaced. Edit a draft as it is.",
                    document=self.display_name,
                )
            )
        draft = self.replacement_ids.filtered(lambda d: d.state == "draft")[:1]
        if not draft:
            draft = self._vstbpn_draft_replacement()
        return draft._get_records_action(name=self.env._("Replacing Document"))

    def _vstbpn_draft_replacement(self):
        draft = self.copy()
        draft._vstbpn_trusted_write({"replaced_document_id": self.id})
        draft._vstbpn_post_note(
            Markup("<p>%s</p>")
            % self.env._(
                "Drafted to replace %(document)s: issuing it cancels that one.",
                document=self.display_name,
            )
        )
        return draft

    def _vstbpn_check_issuable(self, signed_off=False):
        result = super()._vstbpn_check_issuable(signed_off=signed_off)
        replaced = self.sudo().replaced_document_id
        if replaced and replaced.state != "issued":
            raise UserError(
                self.env._(
                    "%(document)s replaces %(replaced)s, which is no longer issued: "
                    "there is nothing left to replace. Issue it as a document of "
                    "its own (a new draft) or delete it.",
                    document=self.display_name,
                    replaced=replaced.display_name,
                )
            )
        return result

    def _vstbpn_issue(self):
        result = super()._vstbpn_issue()
        for document in self.filtered("replaced_document_id"):
            # the replacement's issuing has checked the user's rights
            document.replaced_document_id.sudo().action_cancel(
                self.env._("Replaced by %(document)s.", document=document.display_name)
            )
        return result
