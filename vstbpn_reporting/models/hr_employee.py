from odoo import fields, models


class HrEmployee(models.Model):
    """Facts about an employee that the female-cadre statistics count."""

    _inherit = "hr.employee"

    vstbpn_succession_pool = fields.Boolean(
        string="In Succession Pool",
        groups="hr.group_hr_user",
        help="Planned for a leadership position (quy hoạch).",
    )
    vstbpn_date_trained = fields.Date(
        string="Last Leadership Training",
        groups="hr.group_hr_user",
        help="End date of the last training in leadership and management.",
    )
    vstbpn_date_appointed = fields.Date(
        string="Appointed On",
        groups="hr.group_hr_user",
        help="Date of appointment to the current leadership position.",
    )
