from odoo import api, models
from odoo.exceptions import AccessError, UserError, ValidationError

WIZARD_MODEL = "vstbpn.reason.wizard"


class VstbpnReasonMixin(models.AbstractModel):
    """Actions that a user takes with a reason, through the one reason
    wizard (``vstbpn.reason.wizard``): return a report or a plan, cancel a
    document or an activity, reopen a recommendation.

    ``_vstbpn_reason_actions`` whitelists the public methods the wizard may
    call, each with its options:

    - ``access``: the right the user must have on the records, checked under
      their record rules before the call (``"write"`` by default). A
      reviewer's action says ``"read"``: the committee above reads the units
      below but writes them only through the workflow, whose method checks
      that the user reviews them;
    - ``evidence``: the method takes attachments after the reason.

    The method is called as ``method(reason)`` or
    ``method(reason, attachments)``. ``_vstbpn_reason_default(action)`` may
    propose a reason (what the checks found, for instance).
    """

    _name = "vstbpn.reason.mixin"
    _description = "Actions Taken with a Reason"

    _vstbpn_reason_actions = {}

    @api.model
    def _vstbpn_reason_options(self, action_name):
        """The options of a whitelisted action; any other name is refused."""
        options = self._vstbpn_reason_actions.get(action_name)
        if options is None:
            raise AccessError(
                self.env._(
                    "%(action)s cannot be taken with a reason on %(model)s.",
                    action=action_name,
                    model=self._description,
                )
            )
        return options

    @api.model
    def _vstbpn_reason_explanation(self, action_name):
        """Hook: what the wizard says above the reason (nothing by default)."""
        return False

    def _vstbpn_reason_default(self, action_name):
        """Hook: the reason proposed when the wizard opens (none by default)."""
        return False

    def _vstbpn_open_reason_wizard(self, action_name, title):
        """The window that asks why, then takes ``action_name`` on ``self``."""
        return self.env["vstbpn.reason.wizard"]._vstbpn_window(self, action_name, title)

    @api.model
    def _vstbpn_required_reason(self, reason, message):
        """``reason`` when it says something, else ``message`` as the error."""
        if not isinstance(reason, str) or not reason.strip():
            raise ValidationError(message)
        return reason

    # EVIDENCE: the attachments an action with a reason takes

    def _vstbpn_evidence(self, attachments):
        """The attachments to link as evidence, as superuser: only those the
        user may read; the user's own fresh uploads are taken as they are,
        any other (a document's issued copy, another record's file) is
        copied, never moved away from the record it belongs to."""
        Attachment = self.env["ir.attachment"]
        if not attachments:
            return Attachment.sudo()
        if not isinstance(attachments, models.BaseModel):
            attachments = Attachment.browse(self._vstbpn_attachment_ids(attachments))
        # ir.attachment's own check: the rights on the record it belongs to
        attachments.with_env(self.env).check("read")
        evidence = Attachment.sudo()
        for attachment in attachments.sudo():
            if self._vstbpn_is_own_upload(attachment):
                evidence |= attachment
            else:
                evidence |= attachment.copy({"res_model": False, "res_id": False})
        return evidence

    def _vstbpn_is_own_upload(self, attachment):
        """Uploaded by the user for this report (through the wizard, or on
        no record yet), or already attached to these records."""
        if attachment.res_model == self._name and attachment.res_id in self.ids:
            return True
        return attachment.create_uid == self.env.user and (
            not attachment.res_id or attachment.res_model == WIZARD_MODEL
        )

    def _vstbpn_attachment_ids(self, ids):
        """Ids given over RPC: whole numbers of existing attachments only."""
        ids = list(ids) if isinstance(ids, list | tuple) else [ids]
        if not all(isinstance(i, int) and not isinstance(i, bool) for i in ids):
            raise UserError(
                self.env._("Evidence: a list of attachment ids is expected.")
            )
        existing = self.env["ir.attachment"].browse(ids).sudo().exists()
        if len(existing) != len(set(ids)):
            raise UserError(
                self.env._("Evidence: one of the attachments does not exist.")
            )
        return ids
