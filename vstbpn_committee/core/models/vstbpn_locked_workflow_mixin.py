from odoo import api, models
from odoo.exceptions import UserError

from .vstbpn_integrity_mixin import CHATTER_FIELD_PREFIXES


class VstbpnLockedWorkflowMixin(models.AbstractModel):
    """A record that can be changed only while its workflow says so.

    Configured by class attributes:

    - ``_vstbpn_state_field`` and ``_vstbpn_editable_states``: a record whose
      state is not editable refuses every write and its deletion, with one
      message that names it;
    - ``_vstbpn_lock_parent``: for lines (of a report, a decision, a plan),
      the field of the record whose state locks them; the lines are then as
      editable as it, and none is added to a locked record;
    - ``_vstbpn_free_fields``: fields written whatever the state, besides the
      chatter's and activities' (reminder dates, for instance);
    - ``_vstbpn_locked_advice()``: what to do instead, e.g. "ask the
      committee above to return it".

    The suite's workflow actions write the state itself as superuser with the
    ``vstbpn_workflow`` context key (``_vstbpn_trusted_write``), which no
    client can set.
    """

    _name = "vstbpn.locked.workflow.mixin"
    _inherit = ["vstbpn.integrity.mixin", "vstbpn.committee.short.name.mixin"]
    _description = "Workflow that Locks"

    _vstbpn_state_field = "state"
    _vstbpn_editable_states = ("draft",)
    _vstbpn_lock_parent = None
    _vstbpn_free_fields = ()

    # CRUD

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        if self._vstbpn_lock_parent and not self._vstbpn_is_workflow():
            records._vstbpn_check_editable()
        return records

    def write(self, vals):
        if not self._vstbpn_is_workflow() and any(
            not name.startswith(CHATTER_FIELD_PREFIXES)
            and name not in self._vstbpn_free_fields
            for name in vals
        ):
            self._vstbpn_check_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_if_editable(self):
        self._vstbpn_check_editable()

    def _vstbpn_is_workflow(self):
        # only trusted code runs as superuser: a client cannot fake the key
        return self.env.su and self.env.context.get("vstbpn_workflow")

    # LOCK

    def _vstbpn_check_editable(self):
        locked = self._vstbpn_locked_records()
        if locked:
            raise UserError(locked[:1]._vstbpn_locked_message())

    def _vstbpn_locked_records(self):
        """The records of ``self`` whose workflow forbids a change: their
        own, or the one they belong to (``_vstbpn_lock_parent``)."""
        if self._vstbpn_lock_parent:
            parents = self[self._vstbpn_lock_parent]._vstbpn_locked_records()
            return self.filtered(lambda r: r[self._vstbpn_lock_parent] in parents)
        field = self._vstbpn_state_field
        return self.filtered(lambda r: r[field] not in self._vstbpn_editable_states)

    def _vstbpn_locked_message(self):
        self.ensure_one()
        if self._vstbpn_lock_parent:
            return self[self._vstbpn_lock_parent]._vstbpn_locked_message()
        field = self._fields[self._vstbpn_state_field]
        state = dict(field._description_selection(self.env)).get(self[field.name])
        return self.env._(
            "%(record)s is %(state)s and can no longer be changed or deleted. "
            "%(advice)s",
            record=self.display_name,
            state=(state or "").lower(),
            advice=self._vstbpn_locked_advice(),
        )

    def _vstbpn_locked_advice(self):
        """Hook: what the user can do instead of changing the record."""
        return ""
