from odoo import fields, models


class VstbpnReportLineMixin(models.AbstractModel):
    """A line of a report (an indicator value, a narrative answer).

    Lines are exactly as editable as their report: the report's workflow says
    when (``vstbpn.locked.workflow.mixin``), the lines only follow it.
    """

    _name = "vstbpn.report.line.mixin"
    _inherit = ["vstbpn.locked.workflow.mixin"]
    _description = "Report Line"
    _vstbpn_tie_fields = ("report_id",)
    _vstbpn_lock_parent = "report_id"

    report_id = fields.Many2one(
        "vstbpn.report", required=True, index=True, ondelete="cascade"
    )
    committee_id = fields.Many2one(
        related="report_id.committee_id", store=True, index=True
    )
