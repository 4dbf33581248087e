from odoo import fields, models


class VstbpnReportTemplateSection(models.Model):
    """A narrative part of a report: results, limitations and causes, lessons..."""

    _name = "vstbpn.report.template.section"
    _description = "Report Template Section"
    _inherit = ["vstbpn.integrity.mixin"]
    _order = "sequence, id"

    template_id = fields.Many2one(
        "vstbpn.report.template", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    name = fields.Char(string="Title", required=True, translate=True)
    question = fields.Text(
        translate=True, help="What the unit is asked to write in this section."
    )
