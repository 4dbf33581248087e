from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

REPORT_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("accepted", "Accepted"),
]
# Only the workflow actions change these, never a plain write from the unit.
WORKFLOW_FIELDS = {
    "state",
    "date_submitted",
    "submitted_user_id",
    "date_accepted",
    "accepted_user_id",
    "return_reason",
}
SUBMIT_ACTIVITY = "vstbpn_reporting.mail_activity_type_report_submit"
REVIEW_ACTIVITY = "vstbpn_reporting.mail_activity_type_report_review"


class VstbpnReport(models.Model):
    """A committee's report for a reporting period.

    Draft, then submitted to the committee above, which accepts it or returns it
    with a reason back to draft. Once submitted the unit can no longer change it.
    A report can be consolidated from the reports of the committees right below
    it (see ``vstbpn_report_consolidation.py``). This file holds the workflow;
    its lines are prepared by their models, automatic figures come from the
    indicators' sources (``vstbpn_indicator_source.py``), reminders from
    ``vstbpn.deadline.mixin`` (only its hooks are here) and the XLSX files from
    ``report/``.
    """

    _name = "vstbpn.report"
    _description = "Committee Report"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "vstbpn.committee.owned.mixin",
        "vstbpn.locked.workflow.mixin",
        "vstbpn.deadline.mixin",
        "vstbpn.review.workflow.mixin",
    ]
    _order = "deadline desc, period_id desc, committee_complete_name, id"
    _vstbpn_tie_fields = ("committee_id", "period_id")
    _vstbpn_unique_fields = ("committee_id", "period_id")
    _vstbpn_derived_fields = (
        *WORKFLOW_FIELDS,
        "last_reminder_date",
        "escalation_date",
        "is_consolidated",
        "consolidation_date",
        "consolidation_includes_submitted",
        "hr_figures_date",
    )
    _vstbpn_free_fields = ("last_reminder_date", "escalation_date")
    _vstbpn_done_date_field = "date_submitted"
    _vstbpn_todo_activity = SUBMIT_ACTIVITY
    _vstbpn_review_activity = REVIEW_ACTIVITY

    # The stored computed and related fields are computed before the INSERT
    # (precompute), not by an UPDATE of every new report after it: a period
    # opens thousands of reports at once.
    name = fields.Char(compute="_compute_name", store=True, precompute=True)
    company_id = fields.Many2one(
        related="committee_id.company_id", store=True, precompute=True
    )
    submission_status = fields.Selection(
        compute="_compute_submission_status", store=True, precompute=True
    )
    on_time_rate = fields.Float(
        compute="_compute_submission_status", store=True, precompute=True
    )
    period_id = fields.Many2one(
        "vstbpn.report.period",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    committee_complete_name = fields.Char(
        related="committee_id.complete_name", store=True, precompute=True
    )
    parent_committee_id = fields.Many2one(
        related="committee_id.parent_id",
        string="Committee Above",
        store=True,
        precompute=True,
    )
    template_id = fields.Many2one(
        related="period_id.template_id", store=True, precompute=True
    )
    deadline = fields.Date(related="period_id.deadline", store=True, precompute=True)
    period_state = fields.Selection(related="period_id.state", string="Period Status")
    state = fields.Selection(
        REPORT_STATES,
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
        group_expand="_expand_states",
    )
    value_ids = fields.One2many("vstbpn.report.value", "report_id", string="Indicators")
    answer_ids = fields.One2many(
        "vstbpn.report.answer", "report_id", string="Narrative"
    )
    is_consolidated = fields.Boolean(readonly=True, copy=False)
    consolidation_date = fields.Datetime(readonly=True, copy=False)
    consolidated_report_ids = fields.Many2many(
        "vstbpn.report",
        string="Consolidated Reports",
        compute="_compute_consolidation_lists",
    )
    missing_committee_ids = fields.Many2many(
        "vstbpn.committee",
        string="Missing Units",
        compute="_compute_consolidation_lists",
        help="Units right below whose report is not accepted (or, if asked, "
        "submitted).",
    )
    late_committee_ids = fields.Many2many(
        "vstbpn.committee",
        string="Late Units",
        compute="_compute_consolidation_lists",
    )
    can_edit = fields.Boolean(
        help="A draft report of one of the user's own committees."
    )
    has_units_below = fields.Boolean(
        compute="_compute_has_units_below",
        help="The committee has committees right below it, whose reports it "
        "consolidates.",
    )
    _sql_constraints = [
        (
            "committee_period_unique",
            "unique(committee_id, period_id)",
            "A committee files only one report per period.",
        ),
    ]

    def _expand_states(self, states, domain):
        """Every status as a kanban column, in the order of the workflow."""
        return [state for state, _label in REPORT_STATES]

    @api.depends("period_id.name", "committee_id.name")
    def _compute_name(self):
        for report in self:
            report.name = f"{report.period_id.name} - {report.committee_id.name}"

    @api.depends("committee_id")
    def _compute_has_units_below(self):
        for report in self:
            report.has_units_below = bool(report.committee_id.child_count)

    # CRUD

    @api.model_create_multi
    def create(self, vals_list):
        # a state other than draft is refused by the integrity mixin
        reports = super().create(vals_list)
        reports._check_period_accepts_reports()
        return reports

    def _vstbpn_refuse_duplicate(self, values, other):
        committee = self.env["vstbpn.committee"].sudo().browse(values["committee_id"])
        period = self.env["vstbpn.report.period"].sudo().browse(values["period_id"])
        raise ValidationError(
            self.env._(
                "%(committee)s already has a report for %(period)s: open that "
                "report instead of creating another.",
                committee=committee.name,
                period=period.name,
            )
        )

    def _vstbpn_locked_message(self):
        return self.env._(
            "The report %(name)s has been submitted and can no longer be "
            "changed. Ask the committee above to return it if it needs a "
            "correction.",
            name=self.name,
        )

    def _check_period_accepts_reports(self):
        closed = self.filtered(lambda r: r.period_id.state == "closed")
        if closed:
            raise UserError(
                self.env._(
                    "Period %(period)s is closed: no report can be added to it.",
                    period=closed[0].period_id.name,
                )
            )

    # PREPARATION

    def _prepare_lines(self, filled=()):
        """Give each report a value per template indicator, an answer per
        section; the values of the indicators ``filled`` are born filled from
        records that hold nothing (``BORN_FILLED``)."""
        self.env["vstbpn.report.value"]._create_for_reports(self, filled=filled)
        self.env["vstbpn.report.answer"]._create_for_reports(self)
        self.invalidate_recordset(["value_ids", "answer_ids"])

    # DEADLINES (vstbpn.deadline.mixin)

    def _vstbpn_deadline_domain(self):
        return [("state", "=", "draft"), ("period_id.state", "=", "open")]

    def _vstbpn_reminder_offsets(self):
        return self.period_id._get_reminder_offsets()

    def _vstbpn_todo_summary(self):
        return self.env._("Submit the report %(name)s", name=self.period_id.name)

    def _vstbpn_reminder_summary(self):
        return self.env._(
            "Reminder: the report %(name)s is due on %(deadline)s",
            name=self.period_id.name,
            deadline=format_date(self.env, self.deadline),
        )

    def _vstbpn_escalation_summary(self):
        return self.env._(
            "Overdue: %(unit)s has not submitted the report %(name)s",
            unit=self.committee_id.name,
            name=self.period_id.name,
        )

    # ACTIONS

    def action_submit(self):
        return self._vstbpn_submit()

    def _vstbpn_check_submittable(self):
        if self.state != "draft":
            raise UserError(
                self.env._(
                    "The report %(name)s has already been submitted.", name=self.name
                )
            )
        if self.period_id.state != "open":
            raise UserError(
                self.env._(
                    "Period %(period)s is not open (it is closed or not yet opened): "
                    "reports can no longer be submitted to it.",
                    period=self.period_id.name,
                )
            )
        self.value_ids._check_ratio_denominators()

    def _vstbpn_reviewable(self):
        return self.filtered("parent_committee_id")

    def _vstbpn_review_summary(self):
        return self.env._("Review the report of %(unit)s", unit=self.committee_id.name)

    def action_accept(self):
        return self._vstbpn_accept()

    def _vstbpn_return_reason_message(self):
        return self.env._(
            "Say why the report is returned, so the unit knows what to correct."
        )

    def _vstbpn_return_wizard_title(self):
        return self.env._("Return the Report")

    def _vstbpn_review_refused_message(self):
        return self.env._(
            "Only the committees above %(unit)s can accept or return its report.",
            unit=self.committee_id.name,
        )

    def _vstbpn_review_state_message(self):
        return self.env._(
            "The report %(name)s is not in a state that allows this.", name=self.name
        )
