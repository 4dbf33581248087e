from odoo import fields, models


class HrJob(models.Model):
    """Marks the job positions that count as leadership for the female-cadre project."""

    _inherit = "hr.job"

    vstbpn_leadership_level = fields.Selection(
        [
            ("head", "Head of Agency"),
            ("deputy", "Deputy Head of Agency"),
            ("division", "Head or Deputy of Division"),
        ],
        string="Leadership Level",
        help="Staff in positions with a leadership level count as leaders in the "
        "female-cadre statistics (Decision 515/QĐ-TTg).",
    )
