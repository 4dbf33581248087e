from odoo import api, fields, models
from odoo.exceptions import ValidationError

TEMPLATE_KINDS = [
    ("semi_annual", "Semi-annual"),
    ("annual", "Annual"),
    ("review", "Ad-hoc Review"),
    ("campaign", "Campaign"),
]


class VstbpnReportTemplate(models.Model):
    """The form lower committees fill in: narrative sections and indicator lines."""

    _name = "vstbpn.report.template"
    _description = "Report Template"
    _inherit = ["vstbpn.integrity.mixin"]
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    kind = fields.Selection(TEMPLATE_KINDS, required=True, default="semi_annual")
    section_ids = fields.One2many(
        "vstbpn.report.template.section", "template_id", string="Sections", copy=True
    )
    line_ids = fields.One2many(
        "vstbpn.report.template.line", "template_id", string="Indicators", copy=True
    )
    indicator_ids = fields.Many2many(
        "vstbpn.indicator", compute="_compute_indicator_ids", string="Indicator List"
    )
    note = fields.Html(translate=True)
    active = fields.Boolean(default=True)

    @api.depends("line_ids.indicator_id")
    def _compute_indicator_ids(self):
        for template in self:
            template.indicator_ids = template.line_ids.indicator_id

    @api.constrains("line_ids")
    def _check_ratio_operands(self):
        for template in self:
            indicators = template.line_ids.indicator_id
            for ratio in indicators.filtered(lambda i: i.consolidation_rule == "ratio"):
                missing = (ratio.numerator_id | ratio.denominator_id) - indicators
                if missing:
                    raise ValidationError(
                        self.env._(
                            "Template %(template)s: the ratio indicator %(code)s needs "
                            "%(missing)s on the same template to be computed.",
                            template=template.name,
                            code=ratio.code,
                            missing=", ".join(missing.mapped("code")),
                        )
                    )
