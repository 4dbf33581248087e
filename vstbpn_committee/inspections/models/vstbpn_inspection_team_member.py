from odoo import api, fields, models

TEAM_ROLES = [
    ("leader", "Team Leader"),
    ("member", "Member"),
    ("secretary", "Secretary"),
]


class VstbpnInspectionTeamMember(models.Model):
    """One person of an inspection team: a committee member, an employee of
    a member agency or any partner, with their role in the team."""

    _name = "vstbpn.inspection.team.member"
    _description = "Inspection Team Member"
    _inherit = ["vstbpn.locked.workflow.mixin"]
    _order = "plan_id, role_sequence, id"
    _vstbpn_tie_fields = ("plan_id",)
    # the team is drawn from the inspecting committee's own members
    _vstbpn_link_scopes = {"member_id": "same"}
    _vstbpn_lock_parent = "plan_id"

    plan_id = fields.Many2one(
        "vstbpn.inspection.plan", required=True, index=True, ondelete="cascade"
    )
    committee_id = fields.Many2one(
        related="plan_id.committee_id", store=True, index=True
    )
    role = fields.Selection(TEAM_ROLES, required=True, default="member")
    role_sequence = fields.Integer(compute="_compute_role_sequence", store=True)
    member_id = fields.Many2one(
        "vstbpn.committee.member",
        string="Committee Member",
        ondelete="restrict",
        domain="[('committee_id', '=', committee_id), ('date_end', '=', False)]",
    )
    employee_id = fields.Many2one(
        "hr.employee",
        compute="_compute_employee_id",
        store=True,
        readonly=False,
        precompute=True,
        ondelete="restrict",
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Person",
        required=True,
        compute="_compute_partner_id",
        store=True,
        readonly=False,
        precompute=True,
        ondelete="restrict",
    )
    user_id = fields.Many2one(
        "res.users",
        string="User",
        compute="_compute_user_id",
        store=True,
        readonly=False,
        precompute=True,
        help="The user who records the team's findings in the application.",
    )
    job_title = fields.Char(string="Position")

    @api.depends("role")
    def _compute_role_sequence(self):
        order = {code: index for index, (code, _label) in enumerate(TEAM_ROLES)}
        for member in self:
            member.role_sequence = order.get(member.role, len(TEAM_ROLES))

    @api.depends("member_id")
    def _compute_employee_id(self):
        for member in self:
            member.employee_id = member.member_id.employee_id or member.employee_id

    @api.depends("member_id", "employee_id")
    def _compute_partner_id(self):
        for member in self:
            member.partner_id = (
                member.member_id.partner_id
                or member.employee_id.sudo().work_contact_id
                or member.partner_id
            )

    @api.depends("employee_id")
    def _compute_user_id(self):
        for member in self:
            member.user_id = member.employee_id.sudo().user_id or member.user_id
