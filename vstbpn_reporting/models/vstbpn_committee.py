from odoo import fields, models


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
