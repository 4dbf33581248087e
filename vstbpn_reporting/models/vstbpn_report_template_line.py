from odoo import fields, models


class VstbpnReportTemplateLine(models.Model):
    """An indicator asked for on a template, in its order."""

    _name = "vstbpn.report.template.line"
    _description = "Report Template Indicator"
    _inherit = ["vstbpn.integrity.mixin"]
    _order = "sequence, id"

    template_id = fields.Many2one(
        "vstbpn.report.template", required=True, index=True, ondelete="cascade"
    )
    sequence = fields.Integer(default=10)
    indicator_id = fields.Many2one(
        "vstbpn.indicator", required=True, ondelete="restrict"
    )
    value_type = fields.Selection(related="indicator_id.value_type")
    by_sex = fields.Boolean(related="indicator_id.by_sex")
    consolidation_rule = fields.Selection(related="indicator_id.consolidation_rule")

    _sql_constraints = [
        (
            "indicator_unique",
            "unique(template_id, indicator_id)",
            "An indicator appears only once on a template.",
        ),
    ]
