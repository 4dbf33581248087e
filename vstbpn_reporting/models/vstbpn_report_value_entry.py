from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.vstbpn_committee.tools import sql_array

# Each figure's value on the unit's latest earlier report of the same
# template, submitted or accepted: the same "previous period" as the outlier
# check compares with (vstbpn_report_value_quality.FLAG_OUTLIERS).
PREVIOUS_FIGURES = """
    WITH previous_report AS (
        SELECT DISTINCT ON (r.id) r.id AS report_id, prev.id AS previous_id
          FROM vstbpn_report r
          JOIN vstbpn_report_period cp ON cp.id = r.period_id
          JOIN vstbpn_report prev
            ON prev.committee_id = r.committee_id
           AND prev.template_id = r.template_id
           AND prev.id <> r.id
           AND prev.state IN ('submitted', 'accepted')
          JOIN vstbpn_report_period pp
            ON pp.id = prev.period_id
           AND pp.date_from < cp.date_from AND pp.date_to < cp.date_to
         WHERE r.id = ANY(%(report_ids)s)
      ORDER BY r.id, pp.date_to DESC, prev.id DESC
    )
    SELECT pr.report_id, pv.indicator_id, pv.result_value
      FROM previous_report pr
      JOIN vstbpn_report_value pv ON pv.report_id = pr.previous_id
"""


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
