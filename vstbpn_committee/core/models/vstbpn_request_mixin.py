from odoo import api, models
from odoo.exceptions import ValidationError

# Who a request asks: the selection every requesting model offers.
REQUEST_MODES = [
    ("all", "All committees below, any depth"),
    ("next", "Only the next level"),
    ("level", "One level"),
    ("manual", "Chosen committees"),
]


class VstbpnRequestMixin(models.AbstractModel):
    """A record by which a committee asks the units below it for something:
    a reporting period asks for reports, a campaign for plans, an official
    document for an acknowledgement, an inspection plan for visits.

    The model declares, as class attributes, its own fields the mixin works on
    (so that each keeps its name and column) and the child record created per
    unit; the mixin gives the choice of units (all below, the next level, one
    level, by hand), the one check that they are below the requesting
    committee, and the fan-out that creates the missing children in one
    ``create``. Hooks: ``_vstbpn_request_child_values``,
    ``_vstbpn_request_targets``, ``_vstbpn_request_includes_requester``.
    """

    _name = "vstbpn.request.mixin"
    _description = "Request to the Units Below"

    # the model's fields: requesting committee, mode (REQUEST_MODES), level
    # (for the "level" mode), the units asked (computed from the mode, chosen
    # by hand in the "manual" mode)
    _vstbpn_request_committee_field = "committee_id"
    _vstbpn_request_mode_field = "request_mode"
    _vstbpn_request_level_field = "request_level_id"
    _vstbpn_request_target_field = "request_committee_ids"
    # the child created per unit: its model, its link to the request, its unit
    _vstbpn_request_child_model = None
    _vstbpn_request_child_field = None
    _vstbpn_request_child_committee_field = "committee_id"
    # context of the children's creation (e.g. no chatter log per child)
    _vstbpn_request_child_context = {}

    # THE UNITS ASKED

    def _vstbpn_request_depends(self):
        return (
            self._vstbpn_request_committee_field,
            self._vstbpn_request_mode_field,
            self._vstbpn_request_level_field,
        )

    @api.depends(lambda self: self._vstbpn_request_depends())
    def _compute_vstbpn_request_targets(self):
        """The units of the chosen mode; by hand, the choice is the user's."""
        name = self._vstbpn_request_target_field
        for request in self:
            if request._vstbpn_request_mode() == "manual":
                continue
            request[name] = request._vstbpn_request_units_below()

    def _vstbpn_request_committee(self):
        self.ensure_one()
        return self[self._vstbpn_request_committee_field]

    def _vstbpn_request_mode(self):
        self.ensure_one()
        return self[self._vstbpn_request_mode_field]

    def _vstbpn_request_units_below(self):
        """The active units below the requesting committee that the mode
        names, as the tree is now; none by hand."""
        self.ensure_one()
        committee = self._vstbpn_request_committee()
        mode = self._vstbpn_request_mode()
        Committee = self.env["vstbpn.committee"]
        if not committee or mode not in ("all", "next", "level"):
            return Committee
        if mode == "next":
            domain = [("parent_id", "=", committee.id)]
        else:
            domain = [("id", "child_of", committee.id), ("id", "!=", committee.id)]
        if mode == "level":
            level = self[self._vstbpn_request_level_field]
            domain.append(("level_id", "=", level.id))
        # the tree's shape, not its records' content: the caller's access to
        # the request is checked where the request acts
        return Committee.sudo().search(domain).with_env(self.env)

    def _vstbpn_request_targets(self):
        """The units asked, as the form shows them (hook)."""
        self.ensure_one()
        return self[self._vstbpn_request_target_field]

    def _vstbpn_request_includes_requester(self):
        """Whether the requesting committee gets a child of its own (hook)."""
        return False

    def _vstbpn_request_child_committees(self):
        """Every unit that gets a child: the units asked, and the requester
        where the model says so."""
        self.ensure_one()
        committees = self._vstbpn_request_targets()
        if self._vstbpn_request_includes_requester():
            committees = self._vstbpn_request_committee() | committees
        return committees

    # THE ONE "BELOW" CHECK

    @api.constrains(
        lambda self: (
            *self._vstbpn_request_depends(),
            self._vstbpn_request_target_field,
        )
    )
    def _check_vstbpn_request_targets(self):
        # as superuser: a unit outside the user's reach is named, not hidden
        for request in self.sudo():
            request._vstbpn_request_check_level()
            # the units of a mode are below by construction: the field holds
            # what a user may have chosen
            request._vstbpn_request_check_below(
                request[request._vstbpn_request_target_field]
            )

    def _vstbpn_request_check_level(self):
        self.ensure_one()
        if (
            self._vstbpn_request_mode() == "level"
            and not self[self._vstbpn_request_level_field]
        ):
            raise ValidationError(
                self.env._(
                    "%(record)s asks the units of one level: choose that level.",
                    record=self.sudo().display_name,
                )
            )

    def _vstbpn_request_check_below(self, committees):
        """Refuse units that are not strictly below the requesting committee:
        the committee itself, a sibling, a unit above or of another branch
        would hand the requester records of units it does not lead."""
        self.ensure_one()
        requester = self._vstbpn_request_committee().sudo()
        outside = self._vstbpn_request_not_below(committees)
        if outside:
            raise ValidationError(
                self.env._(
                    "%(record)s asks %(units)s, which are not below %(committee)s: "
                    "choose committees of its own subtree, below it.",
                    record=self.sudo().display_name,
                    units=", ".join(outside.mapped("name")),
                    committee=requester.name,
                )
            )

    def _vstbpn_request_not_below(self, committees):
        """Those of ``committees`` that are not strictly below the requesting
        committee, read on the tree's materialised path."""
        self.ensure_one()
        requester = self._vstbpn_request_committee().sudo()
        path = requester.parent_path or "-"
        return committees.sudo().filtered(
            lambda unit: (
                unit == requester or not (unit.parent_path or "").startswith(path)
            )
        )

    # THE FAN-OUT

    def _vstbpn_request_child_values(self, committee):
        """The values of the child asking ``committee`` (hook)."""
        self.ensure_one()
        return {
            self._vstbpn_request_child_field: self.id,
            self._vstbpn_request_child_committee_field: committee.id,
        }

    def _vstbpn_request_children_model(self):
        # the units' children are theirs to fill: the requester creates them
        # on their behalf, once its own right to act has been checked
        return (
            self.env[self._vstbpn_request_child_model]
            .sudo()
            .with_context(**self._vstbpn_request_child_context)
        )

    def _vstbpn_request_fan_out(self):
        """One child per unit that has none yet, every request in one
        ``create``: running it again creates only what is missing. Returns
        every child of the requests (as superuser), the existing first."""
        self.check_access("write")
        Child = self._vstbpn_request_children_model()
        existing = self._vstbpn_request_existing_children()
        link = self._vstbpn_request_child_field
        unit = self._vstbpn_request_child_committee_field
        taken = {(child[link].id, child[unit].id) for child in existing}
        vals_list = [
            request._vstbpn_request_child_values(committee)
            for request in self
            for committee in request._vstbpn_request_child_committees()
            if (request.id, committee.id) not in taken
        ]
        return existing | (Child.create(vals_list) if vals_list else Child)

    def _vstbpn_request_existing_children(self):
        """The requests' children, read at once (link and unit fetched)."""
        link = self._vstbpn_request_child_field
        return self._vstbpn_request_children_model().search_fetch(
            [(link, "in", self.ids)],
            [link, self._vstbpn_request_child_committee_field],
            order="id",
        )
