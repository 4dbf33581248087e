from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class VstbpnReasonWizard(models.TransientModel):
    """Asks why, then takes the action with the reason, in the manner of OCA
    ``base_tier_validation``'s comment wizard: it holds the model, the
    records and the method, and on confirm calls that method as the user.

    Only the methods a model whitelists (``vstbpn.reason.mixin``'s
    ``_vstbpn_reason_actions``) can be called, on records the user may read
    or write under the record rules; the method itself checks the rest.
    """

    _name = "vstbpn.reason.wizard"
    # what a client sends is checked as on the records (x2many commands, ids)
    _inherit = ["vstbpn.integrity.mixin"]
    _description = "Give a Reason"

    res_model = fields.Char(string="Model", required=True, readonly=True)
    # not required: an empty list is stored as NULL, refused on confirm
    res_ids = fields.Json(string="Records", readonly=True)
    action_name = fields.Char(string="Method", required=True, readonly=True)
    reason = fields.Text(required=True)
    takes_evidence = fields.Boolean(compute="_compute_explained")
    explanation = fields.Text(string="About", compute="_compute_explained")
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "vstbpn_reason_wizard_attachment_rel",
        "wizard_id",
        "attachment_id",
        string="Evidence",
    )

    @api.depends("res_model", "action_name")
    def _compute_explained(self):
        for wizard in self:
            Model = self.env.get(wizard.res_model)
            actions = getattr(Model, "_vstbpn_reason_actions", {})
            options = actions.get(wizard.action_name)
            wizard.takes_evidence = bool(options and options.get("evidence"))
            wizard.explanation = (
                options is not None
                and Model._vstbpn_reason_explanation(wizard.action_name)
            )

    @api.model
    def _vstbpn_window(self, records, action_name, title):
        records._vstbpn_reason_options(action_name)
        return {
            "type": "ir.actions.act_window",
            "name": title,
            "res_model": self._name,
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {
                "default_res_model": records._name,
                "default_res_ids": records.ids,
                "default_action_name": action_name,
            },
        }

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if "reason" in fields_list and not values.get("reason"):
            proposed = self._vstbpn_proposed_reason()
            if proposed:
                values["reason"] = proposed
        return values

    @api.model
    def _vstbpn_proposed_reason(self):
        context = self.env.context
        model_name = context.get("default_res_model")
        action_name = context.get("default_action_name")
        if not model_name or not action_name:
            return False
        records = self._vstbpn_allowed_records(
            model_name, context.get("default_res_ids"), action_name
        )
        return records._vstbpn_reason_default(action_name)

    # ACTIONS

    def action_confirm(self):
        self.ensure_one()
        records = self._vstbpn_allowed_records(
            self.res_model, self.res_ids, self.action_name
        )
        self._vstbpn_check_reason()
        method = getattr(records, self.action_name)
        if records._vstbpn_reason_options(self.action_name).get("evidence"):
            method(self.reason, self.attachment_ids)
        else:
            method(self.reason)
        return {"type": "ir.actions.act_window_close"}

    def _vstbpn_check_reason(self):
        if not (self.reason or "").strip():
            raise ValidationError(
                self.env._("Write the reason before confirming: it is kept on record.")
            )

    @api.model
    def _vstbpn_allowed_records(self, model_name, ids, action_name):
        """The records, as the user, once the action is whitelisted on their
        model and the user has the right it asks for under the record rules."""
        if not isinstance(model_name, str) or model_name not in self.env:
            raise UserError(self.env._("The wizard names no known model."))
        Model = self.env[model_name]
        if not isinstance(Model, self.pool["vstbpn.reason.mixin"]):
            # no action of this model is taken with a reason: refused below
            Model = self.env["vstbpn.reason.mixin"]
        options = Model._vstbpn_reason_options(action_name)
        records = Model.browse(self._vstbpn_record_ids(ids))
        records.check_access(options.get("access", "write"))
        return records

    @api.model
    def _vstbpn_record_ids(self, ids):
        valid = (
            isinstance(ids, list)
            and ids
            and all(isinstance(i, int) and not isinstance(i, bool) for i in ids)
        )
        if not valid:
            raise UserError(self.env._("The wizard names no records to act on."))
        return ids
