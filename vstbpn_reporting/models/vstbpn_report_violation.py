from collections import defaultdict

from odoo import api, fields, models

from .vstbpn_report_value_quality import is_explained as has_text


class VstbpnReportViolation(models.Model):
    """A validation rule that a report breaks, with the figures of both sides.

    The system writes violations (``vstbpn.validation.rule._evaluate_reports``)
    each time the report is saved, uploaded, submitted or consolidated; the
    unit only writes its explanation, while the report is a draft. On a
    consolidated report, the units below that break the same rule are named.
    """

    _name = "vstbpn.report.violation"
    _inherit = ["vstbpn.report.line.mixin"]
    _description = "Validation Rule Violation"
    # errors before warnings
    _order = "report_id, importance, id"
    _vstbpn_tie_fields = ("report_id", "rule_id")
    _vstbpn_derived_fields = ("left_value", "right_value")
    # Checking a national period writes thousands of violations in one
    # statement: each stored many2one is a foreign key checked per row, so a
    # violation stores only what access and the quality view need.
    _log_access = False

    # the (report, rule) unique index serves the lookups by report; a rule's
    # violations are only looked up when an administrator deletes the rule
    report_id = fields.Many2one(index=False)
    # read through the report, for access and searches: not stored
    committee_id = fields.Many2one(store=False, index=False)
    rule_id = fields.Many2one(
        "vstbpn.validation.rule", required=True, ondelete="cascade"
    )
    period_id = fields.Many2one(related="report_id.period_id")
    parent_committee_id = fields.Many2one(related="report_id.parent_committee_id")
    report_state = fields.Selection(related="report_id.state", string="Report Status")
    importance = fields.Selection(related="rule_id.importance", store=True)
    left_value = fields.Float(string="Left Side Figure", readonly=True)
    right_value = fields.Float(string="Right Side Figure", readonly=True)
    message = fields.Char(compute="_compute_message")
    explanation = fields.Text(
        help="Why the figures are right as they are: each warning needs one before "
        "the report can be submitted."
    )
    is_explained = fields.Boolean(compute="_compute_is_explained")
    cause_committee_ids = fields.Many2many(
        "vstbpn.committee",
        string="Units Breaking It Too",
        compute="_compute_cause_committee_ids",
        help="On a consolidated report: the units right below whose own report "
        "breaks the same rule.",
    )

    _sql_constraints = [
        (
            "rule_unique",
            "unique(report_id, rule_id)",
            "A report breaks a rule only once.",
        ),
    ]

    @api.depends_context("lang")
    @api.depends("rule_id.message", "left_value", "right_value")
    def _compute_message(self):
        for violation in self:
            violation.message = violation.rule_id.sudo()._format_message(
                violation.left_value, violation.right_value
            )

    @api.depends("explanation")
    def _compute_is_explained(self):
        for violation in self:
            violation.is_explained = has_text(violation.explanation)

    @api.depends("rule_id", "report_id.is_consolidated")
    def _compute_cause_committee_ids(self):
        causes = self.filtered(lambda v: v.report_id.is_consolidated)._get_causes()
        for violation in self:
            key = (violation.rule_id, violation.period_id, violation.committee_id)
            violation.cause_committee_ids = causes[key]

    def _get_causes(self):
        """{(rule, period, committee above): the units right below whose own
        report breaks the rule} for these violations of consolidated reports,
        in one search (with the user's access)."""
        causes = defaultdict(lambda: self.env["vstbpn.committee"])
        if not self:
            return causes
        for below in self.search(
            [
                ("rule_id", "in", self.rule_id.ids),
                ("report_id.period_id", "in", self.report_id.period_id.ids),
                ("report_id.parent_committee_id", "in", self.committee_id.ids),
            ]
        ):
            key = (below.rule_id, below.period_id, below.parent_committee_id)
            causes[key] |= below.committee_id
        return causes

    def _describe(self):
        """One line per violation, for messages and return reasons."""
        lines = []
        for violation in self:
            line = f"- {violation.message}"
            if violation.cause_committee_ids:
                line += " " + self.env._(
                    "(units breaking it too: %(units)s)",
                    units=", ".join(violation.cause_committee_ids.mapped("name")),
                )
            if violation.is_explained:
                line += " " + self.env._(
                    "Explanation: %(explanation)s", explanation=violation.explanation
                )
            lines.append(line)
        return "\n".join(lines)
