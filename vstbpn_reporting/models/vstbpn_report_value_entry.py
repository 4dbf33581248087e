from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.vstbpn_committee.tools import sql_array

from .vstbpn_report_value_quality import PREVIOUS_REPORT

# Each figure's value on the unit's previous report: the same "previous
# period" as the outlier check compares with.
PREVIOUS_FIGURES = (
    "WITH "
    + PREVIOUS_REPORT
    + """
    SELECT pr.report_id, pv.indicator_id, pv.result_value
      FROM previous_report pr
      JOIN vstbpn_report_value pv ON pv.report_id = pr.previous_id
"""
)


class VstbpnReportValue(models.Model):
    """What the entry of a figure shows beside it: its section, whether the
    system fills it, the unit's figure of the previous period and the rules it
    breaks."""

    _inherit = "vstbpn.report.value"

    section = fields.Selection(related="indicator_id.group", string="Section")
    automatic_source = fields.Selection(related="indicator_id.source")
    previous_result_value = fields.Float(
        string="Previous Period's Figure",
        digits=(16, 2),
        compute="_compute_previous_result_value",
        help="The unit's figure for this indicator on its latest earlier report, "
        "submitted or accepted.",
    )
    has_previous = fields.Boolean(compute="_compute_previous_result_value")

    # what the checks found on this figure, for its card
    problem_message = fields.Text(
        string="Rules Broken", compute="_compute_problem_message"
    )

    @api.depends("report_id", "indicator_id")
    def _compute_previous_result_value(self):
        reports = self.report_id._origin
        previous = {}
        if reports:
            self.env.cr.execute(
                SQL(PREVIOUS_FIGURES, report_ids=sql_array(reports.ids, "int4"))
            )
            previous = {
                (report_id, indicator_id): figure
                for report_id, indicator_id, figure in self.env.cr.fetchall()
            }
        for value in self:
            key = (value.report_id._origin.id, value.indicator_id._origin.id)
            value.has_previous = key in previous
            value.previous_result_value = previous.get(key, 0.0)

    @api.depends("report_id.violation_ids.message", "indicator_id")
    def _compute_problem_message(self):
        for value in self:
            violations = value.report_id.violation_ids.filtered(
                lambda v, indicator=value.indicator_id: (
                    indicator in v.rule_id.sudo().indicator_ids
                )
            )
            value.problem_message = "\n".join(violations.mapped("message"))
