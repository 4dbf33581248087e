from odoo import api, fields, models
from odoo.exceptions import UserError

from .vstbpn_report_value_quality import is_explained

# Writing these changes figures, so the rules and outliers are checked again.
FIGURE_FIELDS = {"value_ids", "flagged_value_ids"}


class VstbpnReport(models.Model):
    """Data quality of a report: the validation rules it breaks and its
    outlying figures.

    They are checked when the unit saves its figures, uploads a form (see
    ``vstbpn_report_import_validation.py``), submits (errors refuse, warnings
    need an explanation each), when the committee above consolidates and when
    it reviews the period. Checks run in the database for all the reports at
    once (``_check_quality``).
    """

    _inherit = "vstbpn.report"

    violation_ids = fields.One2many(
        "vstbpn.report.violation", "report_id", string="Rule Violations"
    )
    flagged_value_ids = fields.One2many(
        "vstbpn.report.value",
        "report_id",
        string="Figures to Check",
        domain=[("outlier_kind", "!=", False)],
    )
    error_count = fields.Integer(
        string="Errors",
        compute="_compute_quality_counts",
        help="Rules broken: the figures must be corrected before the report is "
        "submitted.",
    )
    warning_count = fields.Integer(string="Warnings", compute="_compute_quality_counts")
    unexplained_warning_count = fields.Integer(
        string="Unexplained Warnings",
        compute="_compute_quality_counts",
        help="Each warning needs the unit's explanation before the report is "
        "submitted.",
    )
    outlier_count = fields.Integer(string="Outliers", compute="_compute_quality_counts")
    unexplained_outlier_count = fields.Integer(
        string="Unexplained Outliers", compute="_compute_quality_counts"
    )

    @api.depends(
        "violation_ids.importance",
        "violation_ids.explanation",
        "flagged_value_ids.outlier_explanation",
    )
    def _compute_quality_counts(self):
        for report in self:
            violations = report.violation_ids
            warnings = violations.filtered(lambda v: v.importance == "warning")
            outliers = report.flagged_value_ids
            report.error_count = len(violations) - len(warnings)
            report.warning_count = len(warnings)
            report.unexplained_warning_count = len(
                warnings.filtered(lambda v: not v.is_explained)
            )
            report.outlier_count = len(outliers)
            report.unexplained_outlier_count = len(
                outliers.filtered(lambda v: not is_explained(v.outlier_explanation))
            )

    # CRUD

    def write(self, vals):
        result = super().write(vals)
        if FIGURE_FIELDS & set(vals):
            self.filtered(lambda r: r.state == "draft")._check_quality()
        return result

    # CHECKS

    def _check_quality(self):
        """Refresh the violations and the outlier flags of these reports."""
        self._check_rules()
        self.env["vstbpn.report.value"].sudo()._flag_outliers(self)

    def _check_rules(self):
        self.env["vstbpn.validation.rule"].sudo()._evaluate_reports(self)

    def action_check_quality(self):
        """Check the figures again, for the unit or the committee above."""
        self.check_access("read")
        self._check_quality()
        return True

    # WORKFLOW

    def action_submit(self):
        self.check_access("write")
        self.filtered(lambda r: r.state == "draft")._check_quality()
        return super().action_submit()

    def _vstbpn_check_submittable(self):
        result = super()._vstbpn_check_submittable()
        self._check_violations_allow_submission()
        return result

    def _check_violations_allow_submission(self):
        """Errors refuse the submission; so does a warning left unexplained."""
        self.ensure_one()
        errors = self.violation_ids.filtered(lambda v: v.importance == "error")
        if errors:
            raise UserError(
                self.env._(
                    "The report %(name)s breaks these rules; correct the figures, "
                    "save, then submit again:\n%(violations)s",
                    name=self.name,
                    violations=errors._describe(),
                )
            )
        unexplained = self.violation_ids.filtered(
            lambda v: v.importance == "warning" and not v.is_explained
        )
        if unexplained:
            raise UserError(
                self.env._(
                    "The report %(name)s has warnings to explain: write why the "
                    "figures are right in the Data Quality tab (column Explanation), "
                    "save, then submit again:\n%(violations)s",
                    name=self.name,
                    violations=unexplained._describe(),
                )
            )

    def _consolidate(self, include_submitted=False):
        result = super()._consolidate(include_submitted=include_submitted)
        self._check_rules()
        return result

    def action_open_return_wizard(self):
        action = super().action_open_return_wizard()
        # what the reviewer returns the report for: the flags as they stand now
        self._check_quality()
        return action

    # RETURN REASON

    def _vstbpn_reason_default(self, action_name):
        """Returning reports starts from what the checks found: the rules
        they break and their outlying figures."""
        if action_name == "action_return":
            return self.exists()._get_quality_summary()
        return super()._vstbpn_reason_default(action_name)

    def _get_quality_summary(self):
        """The reports' violations and flagged figures, as a reason to return
        them; empty when there is none."""
        lines = []
        for report in self:
            violations = report.violation_ids
            outliers = report.flagged_value_ids
            if not violations and not outliers:
                continue
            if len(self) > 1:
                lines.append(f"{report.committee_id.name}:")
            if violations:
                lines.append(violations._describe())
            lines.extend(value._describe_outlier() for value in outliers)
        if not lines:
            return ""
        header = self.env._(
            "Please correct or explain the following, then submit the report again:"
        )
        return "\n".join([header, *lines])
