from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ...tools import form_action, vn_today
from .vstbpn_work_plan_budget_line import FUNDING_SOURCES

PLAN_STATES = [
    ("draft", "Draft"),
    ("returned", "Returned"),
    ("submitted", "Submitted"),
    ("approved", "Approved"),
    ("superseded", "Superseded"),
]
# Written only by the workflow actions, never by a plain write.
WORKFLOW_FIELDS = (
    "state",
    "version",
    "revision_of_id",
    "is_current",
    "date_submitted",
    "submitted_user_id",
    "date_approved",
    "approved_user_id",
    "return_reason",
    "document_id",
)


class VstbpnWorkPlan(models.Model):
    """A committee's annual work plan with its budget estimate (§4 of the
    2017 directive; budget contents of Circular 191/2009/TT-BTC).

    One plan per committee and year. Draft, submitted to the committee above,
    approved by one of its managers (a manager of the same committee at the top
    of the tree) or returned with a reason. An approved plan is read-only:
    mid-year changes are a revision, a new version that replaces the approved
    one only once approved itself, which keeps the history.
    """

    _name = "vstbpn.work.plan"
    _description = "Work Plan"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "vstbpn.committee.owned.mixin",
        "vstbpn.locked.workflow.mixin",
        "vstbpn.document.source.mixin",
        "vstbpn.review.workflow.mixin",
        "vstbpn.task.fulfilment.mixin",
    ]
    _order = "year desc, committee_id, version desc, id desc"
    _vstbpn_tie_fields = ("committee_id",)
    _vstbpn_derived_fields = WORKFLOW_FIELDS
    _vstbpn_unique_fields = ("committee_id", "year", "version")
    _vstbpn_editable_states = ("draft", "returned")
    _vstbpn_returned_state = "returned"
    _vstbpn_accepted_state = "approved"
    _vstbpn_accepted_date_field = "date_approved"
    _vstbpn_accepted_user_field = "approved_user_id"
    _vstbpn_document_type_xmlid = "vstbpn_committee.document_type_plan"
    _vstbpn_document_abbreviation = "KH"
    _vstbpn_document_date_field = "date_approved"
    _vstbpn_document_body_template = "vstbpn_committee.vstbpn_work_plan_body"
    _vstbpn_task_kind = "work_plan"

    name = fields.Char(
        string="Title",
        compute="_compute_name",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        tracking=True,
    )
    year = fields.Integer(
        required=True,
        default=lambda self: vn_today(self.env).year,
        tracking=True,
    )
    version = fields.Integer(default=1, readonly=True, copy=False)
    revision_of_id = fields.Many2one(
        "vstbpn.work.plan",
        string="Revision Of",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="restrict",
        help="The approved version this revision will replace once approved.",
    )
    revision_ids = fields.One2many(
        "vstbpn.work.plan", "revision_of_id", string="Revisions"
    )
    is_current = fields.Boolean(
        string="Current Version",
        default=True,
        readonly=True,
        copy=False,
        index=True,
        help="The version that counts for the year: the approved one, or the "
        "only one while none has been approved yet.",
    )
    objectives = fields.Html(help="What the committee wants to achieve this year.")
    task_ids = fields.One2many(
        "vstbpn.work.plan.task", "plan_id", string="Tasks", copy=True
    )
    budget_line_ids = fields.One2many(
        "vstbpn.work.plan.budget.line",
        "plan_id",
        string="Budget Estimate",
        copy=True,
    )
    state = fields.Selection(
        PLAN_STATES,
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
        group_expand="_expand_states",
    )
    date_approved = fields.Date(readonly=True, copy=False, tracking=True)
    approved_user_id = fields.Many2one(
        "res.users", string="Approved By", readonly=True, copy=False
    )
    # the review mixin's names for the approval, on the plan's own columns
    date_accepted = fields.Date(
        string="Date Accepted", related="date_approved", tracking=False
    )
    accepted_user_id = fields.Many2one(related="approved_user_id")
    document_id = fields.Many2one(
        "vstbpn.document",
        string="Issued Document",
        readonly=True,
        copy=False,
        help="The plan as issued, with its number, when an approved plan is printed.",
    )
    amount_total = fields.Float(
        string="Total Budget (VND)",
        compute="_compute_amounts",
        store=True,
        digits=(16, 0),
    )
    amount_state_budget = fields.Float(
        string="State Budget (VND)",
        compute="_compute_amounts",
        store=True,
        digits=(16, 0),
    )
    amount_other_sources = fields.Float(
        string="Other Sources (VND)",
        compute="_compute_amounts",
        store=True,
        digits=(16, 0),
    )
    task_count = fields.Integer(compute="_compute_task_counts")
    task_done_count = fields.Integer(compute="_compute_task_counts")
    can_approve = fields.Boolean(compute="_compute_can_approve")
    has_open_revision = fields.Boolean(compute="_compute_has_open_revision")

    _sql_constraints = [
        (
            "committee_year_version_unique",
            "unique(committee_id, year, version)",
            "A committee has one work plan per year (and one record per version).",
        ),
        (
            "year_range",
            "CHECK(year BETWEEN 2000 AND 2100)",
            "The year of a work plan must be between 2000 and 2100.",
        ),
    ]

    def _expand_states(self, states, domain):
        return [state for state, _label in PLAN_STATES if state != "superseded"]

    @api.depends("year")
    def _compute_name(self):
        for plan in self:
            plan.name = plan.name or (
                plan.year and self.env._("Work plan %(year)s", year=plan.year)
            )

    @api.depends(
        "version", "name", "committee_id.name", "state", "revision_of_id", "is_current"
    )
    def _compute_display_name(self):
        for plan in self:
            name = f"{plan.name} - {plan.committee_id.name}"
            if plan.version > 1:
                name = self.env._(
                    "%(name)s (version %(version)s)", name=name, version=plan.version
                )
            plan.display_name = name

    @api.depends("budget_line_ids.amount", "budget_line_ids.funding_source")
    def _compute_amounts(self):
        for plan in self:
            lines = plan.budget_line_ids
            state = lines.filtered(lambda line: line.funding_source == "state_budget")
            plan.amount_total = sum(lines.mapped("amount"))
            plan.amount_state_budget = sum(state.mapped("amount"))
            plan.amount_other_sources = plan.amount_total - plan.amount_state_budget

    def _compute_task_counts(self):
        groups = self.env["vstbpn.work.plan.task"]._read_group(
            [("plan_id", "in", self.ids)], ["plan_id", "state"], ["__count"]
        )
        total, done = {}, {}
        for plan, state, count in groups:
            total[plan] = total.get(plan, 0) + count
            if state == "done":
                done[plan] = done.get(plan, 0) + count
        for plan in self:
            plan.task_count = total.get(plan, 0)
            plan.task_done_count = done.get(plan, 0)

    @api.depends_context("uid")
    @api.depends("committee_id", "state")
    def _compute_can_approve(self):
        for plan in self:
            plan.can_approve = plan.state == "submitted" and plan.can_review

    @api.depends("revision_ids.state")
    def _compute_has_open_revision(self):
        open_revisions = self.search(
            [
                ("revision_of_id", "in", self.ids),
                ("state", "in", ("draft", "returned", "submitted")),
            ]
        )
        for plan in self:
            plan.has_open_revision = plan in open_revisions.revision_of_id

    # CRUD

    def _vstbpn_refuse_duplicate(self, values, other):
        committee = self.env["vstbpn.committee"].sudo().browse(values["committee_id"])
        raise ValidationError(
            self.env._(
                "%(committee)s already has a work plan for %(year)s: open that plan "
                "(or revise it once approved) instead of creating another.",
                committee=committee.name,
                year=values["year"],
            )
        )

    def _vstbpn_locked_message(self):
        if self.state == "superseded":
            return self.env._(
                "%(plan)s has been replaced by a later approved version and is kept "
                "as history: it can no longer be changed.",
                plan=self.display_name,
            )
        if self.state == "approved":
            return self.env._(
                "%(plan)s is approved and can no longer be changed. To change it "
                "during the year, create a revision: a new version that replaces "
                "it once approved.",
                plan=self.display_name,
            )
        return self.env._(
            "%(plan)s has been submitted to the committee above and can no longer "
            "be changed. Ask the committee above to return it if it needs a "
            "correction.",
            plan=self.display_name,
        )

    # REVIEW (vstbpn.review.workflow.mixin)

    def _vstbpn_can_review_user(self):
        """A manager of the committee above; at the top of the tree, a manager
        of the same committee."""
        self.ensure_one()
        user = self.env.user
        if self.env.su or user.has_group("vstbpn_committee.group_admin"):
            return True
        if not user.has_group("vstbpn_committee.group_manager"):
            return False
        if self.committee_id.sudo().parent_id:
            return self.committee_id._is_reviewed_by_user()
        return self.committee_id in user.vstbpn_allowed_committee_ids

    def _vstbpn_return_from_states(self):
        return {"submitted"}

    def _vstbpn_check_submittable(self):
        result = super()._vstbpn_check_submittable()
        if not self.task_ids:
            raise UserError(
                self.env._(
                    "%(plan)s has no tasks: add what the committee will do "
                    "before submitting it.",
                    plan=self.display_name,
                )
            )
        return result

    def _vstbpn_acceptance_values(self):
        return {**super()._vstbpn_acceptance_values(), "is_current": True}

    def _vstbpn_on_submit(self):
        result = super()._vstbpn_on_submit()
        self._vstbpn_post_note(self.env._("Submitted for approval."))
        return result

    def _vstbpn_on_accept(self):
        result = super()._vstbpn_on_accept()
        for plan in self:
            plan.revision_of_id._vstbpn_supersede(plan)
            plan._vstbpn_post_note(
                self.env._("Approved by %(user)s.", user=self.env.user.name)
            )
        self.task_ids._vstbpn_schedule_task_todos()
        self._vstbpn_fulfil_tasks()
        return result

    def _vstbpn_task_date(self):
        return self.date_approved or super()._vstbpn_task_date()

    def _vstbpn_supersede(self, revision):
        """The approved ``revision`` replaces this version, kept as history."""
        if not self:
            return
        self._vstbpn_trusted_write({"state": "superseded", "is_current": False})
        self.task_ids.sudo().activity_unlink([self.task_ids._vstbpn_todo_activity])
        self._vstbpn_post_note(
            self.env._(
                "Replaced by the approved version %(version)s.",
                version=revision.version,
            )
        )

    def _vstbpn_review_refused_message(self):
        return self.env._(
            "Only a manager of the committee above %(unit)s (or, at the "
            "top of the tree, of the committee itself) can approve or "
            "return its work plan.",
            unit=self.committee_id.name,
        )

    def _vstbpn_review_state_message(self):
        return self.env._(
            "%(plan)s is %(state)s: this step does not apply to it.",
            plan=self.display_name,
            state=dict(self._fields["state"]._description_selection(self.env))[
                self.state
            ].lower(),
        )

    def _vstbpn_return_reason_message(self):
        return self.env._(
            "Say why the work plan is returned, so the unit knows what to correct."
        )

    def _vstbpn_return_wizard_title(self):
        return self.env._("Return the Work Plan")

    # ACTIONS

    def action_submit(self):
        return self._vstbpn_submit()

    def action_approve(self):
        return self._vstbpn_accept()

    def action_revise(self):
        """A new version of an approved plan, to change it during the year."""
        self.ensure_one()
        self.check_access("write")
        self._vstbpn_check_revisable()
        revision = self._vstbpn_create_revision()
        self._vstbpn_post_note(
            self.env._(
                "Revision started: version %(version)s.", version=revision.version
            )
        )
        return form_action(revision)

    def _vstbpn_check_revisable(self):
        if self.state != "approved" or not self.is_current:
            raise UserError(
                self.env._(
                    "Only the approved version in force of a work plan can be "
                    "revised; %(plan)s is not.",
                    plan=self.display_name,
                )
            )
        if self.has_open_revision:
            raise UserError(
                self.env._(
                    "%(plan)s already has a revision in progress: open it instead "
                    "of starting another.",
                    plan=self.display_name,
                )
            )

    def _vstbpn_next_version(self):
        """The version after the latest of the committee's year, archived included."""
        versions = (
            self.with_context(active_test=False)
            .search(
                [("committee_id", "=", self.committee_id.id), ("year", "=", self.year)]
            )
            .mapped("version")
        )
        return max(versions) + 1

    def _vstbpn_create_revision(self):
        # checked by the caller: the unit may revise its own approved plan;
        # the new version's workflow fields are the system's
        return (
            self.sudo()
            .with_context(vstbpn_workflow=True)
            .copy(
                {
                    "version": self._vstbpn_next_version(),
                    "revision_of_id": self.id,
                    "is_current": False,
                    "name": self.name,
                }
            )
        )

    def action_open_tasks(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Tasks"),
            "res_model": "vstbpn.work.plan.task",
            "view_mode": "list,kanban,form",
            "views": [(False, "list"), (False, "kanban"), (False, "form")],
            "domain": [("plan_id", "=", self.id)],
            "context": {"default_plan_id": self.id},
        }

    def action_download_budget_xlsx(self):
        self.ensure_one()
        self.check_access("read")
        return {
            "type": "ir.actions.act_url",
            "url": f"/vstbpn_committee/work_plan/{self.id}/budget.xlsx",
            "target": "download",
        }

    def action_print(self):
        """Print the plan; an approved plan is issued as an official document
        (KẾ HOẠCH) first, drawing its number."""
        self.ensure_one()
        self.check_access("read")
        if self.state == "approved":
            self._vstbpn_issue_document()
        return self.env.ref("vstbpn_committee.vstbpn_work_plan_report").report_action(
            self
        )

    def _vstbpn_issue_document(self):
        """Issue the approved plan as a numbered document (KH), once, when one
        of its committee's officers prints it."""
        self.ensure_one()
        return self._vstbpn_issue_document_if_possible()

    def _vstbpn_document_source_values(self):
        committee = self.committee_id.sudo()
        printed = self.with_context(lang=self._vstbpn_document_lang())
        agencies = committee.member_ids.filtered("is_current").agency_partner_id
        above = committee.parent_id
        partners = agencies or (
            above.standing_body_partner_id
            or above.organization_partner_id
            or committee.organization_partner_id
        )
        return {
            "subject": self.name,
            "date": self.date_approved or vn_today(self.env),
            "body": self._vstbpn_render_document_body(
                budget=printed._vstbpn_budget_data()
            ),
            "to_all_units_below": bool(committee.child_ids),
            "addressee_partner_ids": [fields.Command.set(partners.ids)],
            "distribution": "\n".join(printed._vstbpn_document_recipients()),
            **printed._vstbpn_document_signer_values(),
        }

    # DATA PROVIDER (printed plan and XLSX estimate)

    def _vstbpn_budget_data(self):
        """The budget estimate as printed and exported: lines in order,
        totals per category and per funding source, and the grand total."""
        self.ensure_one()
        lines = self.budget_line_ids.sorted(
            lambda line: (line.category_id.sequence, line.category_id.id, line.sequence)
        )
        by_category = {}
        for line in lines:
            by_category.setdefault(line.category_id, []).append(line)
        sources = dict(FUNDING_SOURCES)
        source_labels = dict(
            self.env["vstbpn.work.plan.budget.line"]
            ._fields["funding_source"]
            ._description_selection(self.env)
        )
        by_source = {}
        for line in lines:
            by_source[line.funding_source] = (
                by_source.get(line.funding_source, 0.0) + line.amount
            )
        return {
            "categories": [
                {
                    "category": category,
                    "lines": category_lines,
                    "total": sum(line.amount for line in category_lines),
                }
                for category, category_lines in by_category.items()
            ],
            "sources": [
                {"code": code, "label": source_labels[code], "total": by_source[code]}
                for code in sources
                if code in by_source
            ],
            "total": sum(lines.mapped("amount")),
        }

    # PRINTING (Decree 30/2020/NĐ-CP)

    def _vstbpn_document_title(self):
        return self.env._("Plan")

    def _vstbpn_document_title_subject(self):
        return self.name

    def _vstbpn_document_recipients(self):
        recipients = []
        above = self.committee_id.parent_id
        if above:
            recipients.append(above.name)
        recipients.append(self.env._("Members of the committee"))
        return recipients

    def _vstbpn_format_amount(self, amount):
        return self.vstbpn_format_number(amount)
