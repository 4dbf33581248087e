from odoo import api, fields, models
from odoo.exceptions import AccessError


class VstbpnCommittee(models.Model):
    """Links a committee to the HR departments its staff statistics come from."""

    _inherit = "vstbpn.committee"

    hr_department_ids = fields.Many2many(
        "hr.department",
        "vstbpn_committee_hr_department_rel",
        "committee_id",
        "department_id",
        string="HR Departments",
        help="Staff statistics for the female-cadre indicators are counted in these "
        "departments and their sub-departments.",
    )
    report_ids = fields.One2many("vstbpn.report", "committee_id", string="Reports")

    @api.model_create_multi
    def create(self, vals_list):
        if any(vals.get("hr_department_ids") for vals in vals_list):
            self._vstbpn_check_may_link_departments()
        return super().create(vals_list)

    def write(self, vals):
        if "hr_department_ids" in vals:
            self._vstbpn_check_may_link_departments()
        return super().write(vals)

    def _vstbpn_check_may_link_departments(self):
        """The departments decide the committee's automatic staff figures,
        which no unit types: only administrators choose them."""
        if not self.env.su and not self.env.user.has_group(
            "vstbpn_committee.group_admin"
        ):
            raise AccessError(
                self.env._(
                    "Only administrators choose the HR departments whose staff a "
                    "committee's figures count."
                )
            )
