from odoo import api, fields, models
from odoo.exceptions import UserError


class VstbpnOwnUnitMixin(models.AbstractModel):
    """The "own unit" filter of a record with a ``committee_id``: whether it
    belongs to a committee the user works for rather than to a unit below.
    Committee-owned records have it, and so do records whose committee comes
    from their parent (an inspection's recommendations)."""

    _name = "vstbpn.own.unit.mixin"
    _description = "Own Unit Filter"

    is_own_unit = fields.Boolean(
        string="Own Unit's",
        compute="_compute_is_own_unit",
        search="_search_is_own_unit",
        help="Belongs to a committee the user works for, not to a unit below.",
    )

    @api.depends_context("uid")
    @api.depends("committee_id")
    def _compute_is_own_unit(self):
        own = self.env.user.vstbpn_allowed_committee_ids
        for record in self:
            record.is_own_unit = record.committee_id in own

    def _search_is_own_unit(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on the own unit flag."))
        own = self.env.user.vstbpn_allowed_committee_ids.ids
        positive = (operator == "=") == value
        return [("committee_id", "in" if positive else "not in", own)]


class VstbpnCommitteeOwnedMixin(models.AbstractModel):
    """A record that belongs to one committee: a membership, a decision, a
    report, a plan, a meeting, an inspection, a document...

    It gives the committee (required, indexed, tracked where the model has a
    chatter, never moved once recorded), the company, and the "own unit"
    filter; the committee's officers and reviewers are methods of
    ``vstbpn.committee``. Record rules of such models all read the same, per
    group (see ``security/vstbpn_committee_security.xml``).
    """

    _name = "vstbpn.committee.owned.mixin"
    _inherit = [
        "vstbpn.integrity.mixin",
        "vstbpn.committee.short.name.mixin",
        "vstbpn.own.unit.mixin",
    ]
    _description = "Owned by a Committee"
    _vstbpn_tie_fields = ("committee_id",)

    committee_id = fields.Many2one(
        "vstbpn.committee",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
    )
    company_id = fields.Many2one(related="committee_id.company_id", store=True)

    def _valid_field_parameter(self, field, name):
        # the committee is tracked where the model has a chatter; lines and
        # counters have none, and Odoo would warn of the unknown parameter
        return name == "tracking" or super()._valid_field_parameter(field, name)

    def _is_reviewer(self):
        """Whether the user works for a committee above this record's unit."""
        self.ensure_one()
        # a new record has no committee yet (the form's first onchange)
        return bool(self.committee_id) and self.committee_id._is_reviewed_by_user()
