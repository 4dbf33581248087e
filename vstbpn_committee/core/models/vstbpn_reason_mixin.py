from odoo import api, models
from odoo.exceptions import AccessError, ValidationError


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
