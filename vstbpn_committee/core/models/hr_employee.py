from odoo import fields, models

from ...tools import count_by, window_action


class HrEmployee(models.Model):
    """Shows, on the employee, the committee roles the person holds or held."""

    _inherit = "hr.employee"

    vstbpn_member_ids = fields.One2many(
        "vstbpn.committee.member",
        "employee_id",
        string="Committee Roles",
        groups="vstbpn_committee.group_member",
    )
    vstbpn_member_count = fields.Integer(
        string="Committee Roles Count",
        compute="_compute_vstbpn_member_count",
        groups="vstbpn_committee.group_member",
    )

    def _compute_vstbpn_member_count(self):
        counts = count_by(self, "vstbpn.committee.member", "employee_id")
        for employee in self:
            employee.vstbpn_member_count = counts.get(employee, 0)

    def action_open_vstbpn_memberships(self):
        self.ensure_one()
        return window_action(
            self.env,
            "vstbpn_committee.vstbpn_committee_member_action",
            [("employee_id", "=", self.id)],
            {"default_employee_id": self.id},
        )
