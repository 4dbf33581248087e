from odoo import api, fields, models

from .vstbpn_committee_member import ROLES

LINE_ACTIONS = [
    ("appoint", "Appoint"),
    ("change_role", "Change Role"),
    ("dismiss", "Dismiss"),
]


class VstbpnCommitteeDecisionLine(models.Model):
    """One change a decision makes to the membership of its committee."""

    _name = "vstbpn.committee.decision.line"
    _description = "Committee Decision Line"
    _inherit = ["vstbpn.locked.workflow.mixin"]
    _vstbpn_tie_fields = ("decision_id",)
    # a decision appoints or relieves members of its own committee only
    _vstbpn_link_scopes = {"member_id": "same"}
    # lines of an applied decision are as final as the decision
    _vstbpn_lock_parent = "decision_id"
    _vstbpn_derived_fields = ("result_member_id",)
    _order = "decision_id, sequence, id"

    decision_id = fields.Many2one(
        "vstbpn.committee.decision", required=True, index=True, ondelete="cascade"
    )
    # stored as every line's is, so that its rules read as its decision's
    committee_id = fields.Many2one(
        related="decision_id.committee_id", store=True, index=True
    )
    sequence = fields.Integer(default=10)
    action = fields.Selection(LINE_ACTIONS, required=True, default="appoint")
    member_id = fields.Many2one(
        "vstbpn.committee.member",
        string="Current Membership",
        domain="[('committee_id', '=', committee_id), ('date_end', '=', False)]",
        help="The membership this line changes or ends.",
    )
    employee_id = fields.Many2one("hr.employee")
    partner_id = fields.Many2one(
        "res.partner",
        string="Person",
        compute="_compute_partner_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    role = fields.Selection(ROLES, string="New Role")
    committee_title = fields.Char(string="Title in the Committee")
    agency_partner_id = fields.Many2one("res.partner", string="Represented Agency")
    job_title = fields.Char(string="Position in the Agency")
    result_member_id = fields.Many2one(
        "vstbpn.committee.member", string="Resulting Membership", readonly=True
    )

    @api.depends("employee_id", "member_id")
    def _compute_partner_id(self):
        for line in self:
            if line.member_id:
                line.partner_id = line.member_id.partner_id
            elif line.employee_id:
                line.partner_id = line.employee_id.work_contact_id

    # APPLYING

    def _label(self):
        return self.env._(
            "line %(sequence)s (%(person)s)",
            sequence=self.decision_id.line_ids.ids.index(self.id) + 1,
            person=self.partner_id.display_name or "?",
        )

    def _applicability_problems(self):
        """What prevents this line from being applied, as sentences for the user."""
        self.ensure_one()
        if self.action == "appoint":
            return self._appointment_problems()
        problems = self._membership_problems()
        if self.action == "change_role" and not self.role:
            problems.append(
                self.env._("%(line)s: choose the new role.", line=self._label())
            )
        return problems

    def _appointment_problems(self):
        """What an appointment lacks: the person, the role."""
        problems = []
        if not self.partner_id:
            problems.append(
                self.env._(
                    "%(line)s: choose the person to appoint.", line=self._label()
                )
            )
        if not self.role:
            problems.append(
                self.env._(
                    "%(line)s: choose the role to appoint to.", line=self._label()
                )
            )
        return problems

    def _membership_problems(self):
        """What is wrong with the membership a change or a dismissal names."""
        member = self.member_id
        if not member:
            return [
                self.env._(
                    "%(line)s: choose the membership to change or end.",
                    line=self._label(),
                )
            ]
        if member.committee_id != self.decision_id.committee_id:
            return [
                self.env._(
                    "%(line)s: the membership belongs to %(other)s, not to this "
                    "committee.",
                    line=self._label(),
                    other=member.committee_id.display_name,
                )
            ]
        effective = self.decision_id.date_effective
        if member.date_start > effective or (
            member.date_end and member.date_end < effective
        ):
            return [
                self.env._(
                    "%(line)s: the person is not a member on the effective date "
                    "%(date)s.",
                    line=self._label(),
                    date=effective,
                )
            ]
        return []

    def _apply(self):
        self.ensure_one()
        decision = self.decision_id
        if self.action in ("change_role", "dismiss"):
            self.member_id.action_end(
                decision._last_day_before_effect(), decision=decision
            )
        if self.action in ("appoint", "change_role"):
            self.result_member_id = self.env["vstbpn.committee.member"].create(
                self._new_membership_values()
            )

    def _new_membership_values(self):
        previous = self.member_id
        return {
            "committee_id": self.decision_id.committee_id.id,
            "employee_id": (self.employee_id or previous.employee_id).id,
            "partner_id": self.partner_id.id,
            "role": self.role,
            "committee_title": self.committee_title or previous.committee_title,
            "agency_partner_id": (
                self.agency_partner_id or previous.agency_partner_id
            ).id,
            "job_title": self.job_title or previous.job_title,
            "date_start": self.decision_id.date_effective,
            "decision_start_id": self.decision_id.id,
        }
