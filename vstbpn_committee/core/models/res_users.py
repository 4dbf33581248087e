from odoo import api, fields, models


class ResUsers(models.Model):
    """The committees a user works for, which the record rules build on."""

    _inherit = "res.users"

    vstbpn_committee_ids = fields.Many2many(
        "vstbpn.committee",
        "vstbpn_committee_res_users_rel",
        "user_id",
        "committee_id",
        string="Assigned Committees",
        help="Committees this user works for as an officer; they also see every "
        "committee below them.",
    )
    vstbpn_allowed_committee_ids = fields.Many2many(
        "vstbpn.committee",
        string="Committees",
        compute="_compute_vstbpn_allowed_committee_ids",
        compute_sudo=True,
        help="Assigned committees, plus those where the user's employee is a "
        "current member.",
    )

    @api.depends("vstbpn_committee_ids")
    def _compute_vstbpn_allowed_committee_ids(self):
        members = (
            self.env["vstbpn.committee.member"]
            .sudo()
            .search(
                [("employee_id.user_id", "in", self.ids), ("is_current", "=", True)]
            )
        )
        by_user = members.grouped(lambda member: member.employee_id.user_id)
        for user in self:
            member_committees = by_user.get(user, members.browse()).committee_id
            user.vstbpn_allowed_committee_ids = (
                user.vstbpn_committee_ids | member_committees
            )

    @property
    def SELF_READABLE_FIELDS(self):
        return super().SELF_READABLE_FIELDS + [
            "vstbpn_committee_ids",
            "vstbpn_allowed_committee_ids",
        ]

    def write(self, vals):
        result = super().write(vals)
        if "vstbpn_committee_ids" in vals:
            self.env.registry.clear_cache()  # record rules read the assignments
        return result
