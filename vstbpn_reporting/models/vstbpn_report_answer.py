from odoo import fields, models

# An empty answer per template section of the reports %(ids)s.
INSERT_ANSWERS = """
    INSERT INTO vstbpn_report_answer (
        report_id, committee_id, section_id, sequence,
        create_uid, create_date, write_uid, write_date)
    SELECT r.id, r.committee_id, s.id, s.sequence,
           %(uid)s, %(now)s, %(uid)s, %(now)s
      FROM vstbpn_report r
      JOIN vstbpn_report_template_section s ON s.template_id = r.template_id
     WHERE r.id IN %(ids)s
        ON CONFLICT (report_id, section_id) DO NOTHING
"""


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

    def _insert_for_reports_query(self):
        return INSERT_ANSWERS
