from odoo import fields, models

from odoo.addons.vstbpn_committee.tools import window_action


class VstbpnReportPeriod(models.Model):
    """The data quality of a period's reports, for the committee that asked
    for them: checked again for the whole period at once, then listed per
    unit."""

    _inherit = "vstbpn.report.period"

    quality_issue_count = fields.Integer(
        string="Reports to Check",
        compute="_compute_quality_issue_count",
        help="Reports with errors, or with warnings or outliers still to explain.",
    )

    def _compute_quality_issue_count(self):
        counts = dict(
            self.env["vstbpn.report.quality"]._read_group(
                [
                    ("period_id", "in", self.ids),
                    ("quality_status", "in", ["error", "to_explain"]),
                ],
                ["period_id"],
                ["__count"],
            )
        )
        for period in self:
            period.quality_issue_count = counts.get(period, 0)

    def _get_readable_reports(self):
        """The period's reports the user may read: their own and those below."""
        return self.env["vstbpn.report"].search([("period_id", "in", self.ids)])

    def action_check_quality(self):
        """Check every report of the period the user reads, in one go."""
        self.check_access("read")
        self._get_readable_reports()._check_quality()
        return True

    def action_open_quality(self):
        self.ensure_one()
        self.action_check_quality()
        return window_action(
            self.env,
            "vstbpn_reporting.vstbpn_report_quality_action",
            [("period_id", "=", self.id)],
            {"search_default_group_quality_status": 1},
        )

    def action_export_quality(self):
        self.ensure_one()
        self.action_check_quality()
        rows = self.env["vstbpn.report.quality"].search([("period_id", "=", self.id)])
        return self.env["vstbpn.report.quality.export"]._export(rows)
