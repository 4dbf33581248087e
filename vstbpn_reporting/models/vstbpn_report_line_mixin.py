from odoo import api, models


class VstbpnReportLineMixin(models.AbstractModel):
    """A line of a report (an indicator value, a narrative answer).

    Lines are exactly as editable as their report: the report says when
    (``vstbpn.report._check_editable``), the lines only ask it.
    """

    _name = "vstbpn.report.line.mixin"
    _description = "Report Line"

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
