from odoo import fields, models


class VstbpnReportAnswer(models.Model):
    """A unit's written answer to one narrative section of its report."""

    _name = "vstbpn.report.answer"
    _inherit = ["vstbpn.report.line.mixin"]
    _description = "Report Narrative Answer"
    _order = "sequence, id"
    _vstbpn_tie_fields = ("report_id", "section_id")

    section_id = fields.Many2one(
        "vstbpn.report.template.section", required=True, ondelete="restrict"
    )
    sequence = fields.Integer(related="section_id.sequence", store=True)
    name = fields.Char(related="section_id.name")
    question = fields.Text(related="section_id.question")
    answer = fields.Html()

    _sql_constraints = [
        (
            "section_unique",
            "unique(report_id, section_id)",
            "A section appears only once on a report.",
        ),
    ]
