from odoo import api, fields, models


class VstbpnReportLineMixin(models.AbstractModel):
    """A line of a report (an indicator value, a narrative answer).

    Lines are exactly as editable as their report: the report says when
    (``vstbpn.report._check_editable``), the lines only ask it.
    """

    _name = "vstbpn.report.line.mixin"
    _inherit = ["vstbpn.integrity.mixin"]
    _description = "Report Line"
    _vstbpn_tie_fields = ("report_id",)

    report_id = fields.Many2one(
        "vstbpn.report", required=True, index=True, ondelete="cascade"
    )
    committee_id = fields.Many2one(
        related="report_id.committee_id", store=True, index=True
    )

    @api.model_create_multi
    def create(self, vals_list):
        lines = super().create(vals_list)
        lines.report_id._check_editable()
        return lines

    def write(self, vals):
        self.report_id._check_editable()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_if_editable(self):
        self.report_id._check_editable()
