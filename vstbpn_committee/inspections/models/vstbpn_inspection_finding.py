from odoo import fields, models
from odoo.exceptions import ValidationError

ASSESSMENTS = [
    ("good", "Good"),
    ("satisfactory", "Satisfactory"),
    ("weak", "Weak"),
]


class VstbpnInspectionFinding(models.Model):
    """What an inspection found in one content area: an assessment, notes and
    the evidence, possibly under a programme the unit carries out."""

    _name = "vstbpn.inspection.finding"
    _description = "Inspection Finding"
    _inherit = ["vstbpn.locked.workflow.mixin"]
    _order = "inspection_id, area_sequence, id"
    _vstbpn_tie_fields = ("inspection_id",)
    _vstbpn_lock_parent = "inspection_id"
    _vstbpn_unique_fields = ("inspection_id", "area_id")

    inspection_id = fields.Many2one(
        "vstbpn.inspection", required=True, index=True, ondelete="cascade"
    )
    committee_id = fields.Many2one(
        related="inspection_id.committee_id",
        string="Inspected Committee",
        store=True,
        index=True,
    )
    inspecting_committee_id = fields.Many2one(
        related="inspection_id.inspecting_committee_id", store=True, index=True
    )
    year = fields.Integer(related="inspection_id.year", store=True)
    inspection_state = fields.Selection(
        related="inspection_id.state", string="Inspection Status"
    )
    area_id = fields.Many2one(
        "vstbpn.inspection.area", string="Area", required=True, ondelete="restrict"
    )
    area_sequence = fields.Integer(related="area_id.sequence", store=True)
    assessment = fields.Selection(ASSESSMENTS)
    notes = fields.Html()
    programme_id = fields.Many2one(
        "vstbpn.programme", string="Programme", ondelete="restrict"
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "vstbpn_inspection_finding_attachment_rel",
        "finding_id",
        "attachment_id",
        string="Evidence",
    )

    _sql_constraints = [
        (
            "inspection_area_unique",
            "unique(inspection_id, area_id)",
            "An inspection has one finding per area.",
        ),
    ]

    def _vstbpn_refuse_duplicate(self, values, other):
        area = self.env["vstbpn.inspection.area"].browse(values["area_id"])
        raise ValidationError(
            self.env._(
                "This inspection already has a finding on %(area)s: complete that "
                "one instead.",
                area=area.name,
            )
        )
