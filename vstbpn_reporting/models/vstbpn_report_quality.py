from odoo import fields, models, tools
from odoo.tools import SQL

from odoo.addons.vstbpn_committee.tools import form_action

QUALITY_STATUSES = [
    ("clean", "Nothing to Check"),
    ("explained", "Explained"),
    ("to_explain", "To Explain"),
    ("error", "Errors"),
]
QUALITY_VIEW = """
    CREATE OR REPLACE VIEW %(view)s AS (
        SELECT r.id, r.id AS report_id, r.period_id, r.template_id,
               r.committee_id, r.parent_committee_id, r.company_id, r.state,
               r.submission_status, r.deadline, r.date_submitted,
               COALESCE(rv.errors, 0) AS error_count,
               COALESCE(rv.warnings, 0) AS warning_count,
               COALESCE(rv.unexplained, 0) AS unexplained_warning_count,
               COALESCE(fv.outliers, 0) AS outlier_count,
               COALESCE(fv.unexplained, 0) AS unexplained_outlier_count,
               CASE WHEN COALESCE(rv.errors, 0) > 0 THEN 'error'
                    WHEN COALESCE(rv.unexplained, 0) + COALESCE(fv.unexplained, 0) > 0
                         THEN 'to_explain'
                    WHEN COALESCE(rv.warnings, 0) + COALESCE(fv.outliers, 0) > 0
                         THEN 'explained'
                    ELSE 'clean' END AS quality_status
          FROM vstbpn_report r
          LEFT JOIN (
              SELECT report_id,
                     COUNT(*) FILTER (WHERE importance = 'error') AS errors,
                     COUNT(*) FILTER (WHERE importance = 'warning') AS warnings,
                     COUNT(*) FILTER (
                         WHERE importance = 'warning'
                           AND COALESCE(BTRIM(explanation), '') = ''
                     ) AS unexplained
                FROM vstbpn_report_violation
            GROUP BY report_id
          ) rv ON rv.report_id = r.id
          LEFT JOIN (
              SELECT report_id, COUNT(*) AS outliers,
                     COUNT(*) FILTER (
                         WHERE COALESCE(BTRIM(outlier_explanation), '') = ''
                     ) AS unexplained
                FROM vstbpn_report_value
               WHERE outlier_kind IS NOT NULL
            GROUP BY report_id
          ) fv ON fv.report_id = r.id
    )
"""


class VstbpnReportQuality(models.Model):
    """Data quality per report, for the committee above: reporting status,
    rule violations and outlying figures, explained or not (a database view,
    read-only).

    Record rules follow the reports': a unit sees its own line, the committee
    above those of its subtree.
    """

    _name = "vstbpn.report.quality"
    _description = "Data Quality of a Report"
    _inherit = ["vstbpn.integrity.mixin", "vstbpn.committee.short.name.mixin"]
    _auto = False
    _order = "period_id desc, error_count desc, unexplained_warning_count desc, id"
    _rec_name = "report_id"
    _vstbpn_tie_fields = ("report_id", "committee_id", "period_id")

    report_id = fields.Many2one("vstbpn.report", readonly=True)
    period_id = fields.Many2one("vstbpn.report.period", readonly=True)
    template_id = fields.Many2one("vstbpn.report.template", readonly=True)
    committee_id = fields.Many2one("vstbpn.committee", string="Unit", readonly=True)
    parent_committee_id = fields.Many2one(
        "vstbpn.committee", string="Committee Above", readonly=True
    )
    company_id = fields.Many2one("res.company", readonly=True)
    state = fields.Selection(
        selection="_selection_state", string="Report Status", readonly=True
    )
    submission_status = fields.Selection(
        selection="_selection_submission_status", string="Timeliness", readonly=True
    )
    deadline = fields.Date(readonly=True)
    date_submitted = fields.Date(readonly=True)
    error_count = fields.Integer(string="Errors", readonly=True)
    warning_count = fields.Integer(string="Warnings", readonly=True)
    unexplained_warning_count = fields.Integer(
        string="Unexplained Warnings", readonly=True
    )
    outlier_count = fields.Integer(string="Outliers", readonly=True)
    unexplained_outlier_count = fields.Integer(
        string="Unexplained Outliers", readonly=True
    )
    quality_status = fields.Selection(
        QUALITY_STATUSES,
        string="Data Quality",
        readonly=True,
        help="Errors: rules broken. To explain: warnings or outliers without the "
        "unit's explanation. Explained: all of them explained.",
    )

    def _selection_state(self):
        return self._report_selection("state")

    def _selection_submission_status(self):
        return self._report_selection("submission_status")

    def _report_selection(self, name):
        """The report's own choices, already in the user's language."""
        field = self.env["vstbpn.report"]._fields[name]
        return field._description_selection(self.env)

    def init(self):
        tools.drop_view_if_exists(self.env.cr, self._table)
        self.env.cr.execute(SQL(QUALITY_VIEW, view=SQL.identifier(self._table)))

    # ACTIONS

    def action_open_report(self):
        self.ensure_one()
        return form_action(self.report_id)

    def action_open_return_wizard(self):
        """Return the reports, with what the checks found as the reason."""
        return self.report_id.action_open_return_wizard()

    def action_export_xlsx(self):
        return self.env["vstbpn.report.quality.export"]._export(self)
