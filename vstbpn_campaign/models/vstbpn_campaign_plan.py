from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

from odoo.addons.vstbpn_committee.tools import vn_today, window_action

PLAN_STATES = [
    ("draft", "Draft"),
    ("submitted", "Submitted"),
    ("approved", "Approved"),
]
SUBMIT_ACTIVITY = "vstbpn_campaign.mail_activity_type_plan_submit"
REVIEW_ACTIVITY = "vstbpn_campaign.mail_activity_type_plan_review"


class VstbpnCampaignPlan(models.Model):
    """A unit's plan for the Action Month: objectives, the activities it will
    run, the partners it will mobilise and, by budget category, what it will
    spend. Submitted to the organiser, who approves it or returns it with a
    reason; read-only once submitted, until returned. The approved plan is
    issued as an official document (KẾ HOẠCH) in the unit's series."""

    _name = "vstbpn.campaign.plan"
    _description = "Action Month Plan"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "vstbpn.committee.owned.mixin",
        "vstbpn.locked.workflow.mixin",
        "vstbpn.deadline.mixin",
        "vstbpn.document.source.mixin",
        "vstbpn.review.workflow.mixin",
    ]
    _order = "campaign_id desc, committee_complete_name, id"
    _vstbpn_tie_fields = ("campaign_id", "committee_id")
    _vstbpn_unique_fields = ("campaign_id", "committee_id")
    _vstbpn_derived_fields = (
        "state",
        "date_submitted",
        "submitted_user_id",
        "date_approved",
        "approved_user_id",
        "return_reason",
        "last_reminder_date",
        "escalation_date",
        "document_id",
    )
    _vstbpn_free_fields = ("last_reminder_date", "escalation_date")
    _vstbpn_done_date_field = "date_submitted"
    _vstbpn_todo_activity = SUBMIT_ACTIVITY
    _vstbpn_review_activity = REVIEW_ACTIVITY
    _vstbpn_accepted_state = "approved"
    _vstbpn_accepted_date_field = "date_approved"
    _vstbpn_accepted_user_field = "approved_user_id"
    _vstbpn_document_type_xmlid = "vstbpn_committee.document_type_plan"
    _vstbpn_document_abbreviation = "KH"
    _vstbpn_document_date_field = "date_approved"
    _vstbpn_document_body_template = "vstbpn_campaign.vstbpn_campaign_plan_body"

    name = fields.Char(compute="_compute_name", store=True)
    campaign_id = fields.Many2one(
        "vstbpn.campaign", required=True, index=True, ondelete="cascade"
    )
    committee_complete_name = fields.Char(
        related="committee_id.complete_name", store=True
    )
    organiser_id = fields.Many2one(
        related="campaign_id.committee_id", string="Organiser", store=True
    )
    year = fields.Integer(related="campaign_id.year", store=True)
    campaign_state = fields.Selection(
        related="campaign_id.state", string="Campaign Status"
    )
    deadline = fields.Date(related="campaign_id.plan_deadline", store=True)
    state = fields.Selection(
        PLAN_STATES,
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
        group_expand="_expand_states",
    )
    objectives = fields.Html(help="What the unit wants to achieve this month.")
    partner_ids = fields.Many2many(
        "res.partner",
        string="Partners to Mobilise",
        help="Member agencies, organisations and enterprises the unit will ask "
        "to take part or contribute.",
    )
    budget_line_ids = fields.One2many(
        "vstbpn.campaign.plan.budget", "plan_id", string="Planned Budget"
    )
    budget_total = fields.Float(
        string="Planned Budget (VND)", digits=(16, 0), compute="_compute_budget_total"
    )
    campaign_activity_ids = fields.One2many(
        "vstbpn.campaign.activity", "plan_id", string="Action Month Activities"
    )
    campaign_activity_count = fields.Integer(
        string="Number of Activities", compute="_compute_activity_figures"
    )
    planned_participants = fields.Integer(
        string="Participants Expected", compute="_compute_activity_figures"
    )
    date_approved = fields.Date(readonly=True, copy=False, tracking=True)
    approved_user_id = fields.Many2one("res.users", string="Approved By", readonly=True)
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
        help="The plan as issued (KẾ HOẠCH), with its number, once approved.",
    )

    _sql_constraints = [
        (
            "campaign_committee_unique",
            "unique(campaign_id, committee_id)",
            "A unit has one plan per campaign.",
        ),
    ]

    def _expand_states(self, states, domain):
        return [state for state, _label in PLAN_STATES]

    @api.depends("campaign_id.year", "committee_id.name")
    def _compute_name(self):
        for plan in self:
            plan.name = self.env._(
                "Action Month plan %(year)s - %(unit)s",
                year=plan.campaign_id.year,
                unit=plan.committee_id.name,
            )

    @api.depends("budget_line_ids.amount")
    def _compute_budget_total(self):
        for plan in self:
            plan.budget_total = sum(plan.budget_line_ids.mapped("amount"))

    def _compute_activity_figures(self):
        figures = {
            plan: (count, total)
            for plan, count, total in self.env["vstbpn.campaign.activity"]._read_group(
                [("plan_id", "in", self.ids), ("state", "!=", "cancelled")],
                ["plan_id"],
                ["__count", "planned_total:sum"],
            )
        }
        for plan in self:
            plan.campaign_activity_count, plan.planned_participants = figures.get(
                plan, (0, 0)
            )

    def _vstbpn_can_review_user(self):
        """The organiser's officers (or those above it) approve every plan of
        the campaign, the organiser's own included."""
        self.ensure_one()
        user = self.env.user
        organiser = self.sudo().campaign_id.committee_id.with_env(self.env)
        # a new plan has no campaign yet (the form's first onchange)
        return bool(organiser) and (
            organiser._is_reviewed_by_user()
            or (
                user.has_group("vstbpn_committee.group_officer")
                and organiser in user.vstbpn_allowed_committee_ids
            )
        )

    # CRUD

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(
            vals.get("state", "draft") != "draft" for vals in vals_list
        ):
            raise UserError(self.env._("A new plan always starts as a draft."))
        plans = super().create(vals_list)
        plans._check_campaign_involves_unit()
        return plans

    def _check_campaign_involves_unit(self):
        # the units of each campaign once, not once per plan: opening a
        # national campaign creates thousands of plans at a time
        units = {}
        for plan in self.sudo():
            campaign = plan.campaign_id
            if campaign not in units:
                units[campaign] = set(campaign._vstbpn_request_child_committees().ids)
            if plan.committee_id.id not in units[campaign]:
                raise ValidationError(
                    self.env._(
                        "%(unit)s does not take part in %(campaign)s: only the "
                        "organiser and the participating units have a plan.",
                        unit=plan.committee_id.name,
                        campaign=campaign.name,
                    )
                )

    def _vstbpn_refuse_duplicate(self, values, other):
        committee = self.env["vstbpn.committee"].sudo().browse(values["committee_id"])
        campaign = self.env["vstbpn.campaign"].sudo().browse(values["campaign_id"])
        raise ValidationError(
            self.env._(
                "%(unit)s already has a plan for %(campaign)s: open that plan "
                "instead of creating another.",
                unit=committee.name,
                campaign=campaign.name,
            )
        )

    def _vstbpn_locked_message(self):
        if self.state == "approved":
            return self.env._(
                "The plan %(name)s has been approved and can no longer be changed.",
                name=self.name,
            )
        return self.env._(
            "The plan %(name)s has been submitted and can no longer be changed. Ask "
            "the organiser to return it if it needs a correction.",
            name=self.name,
        )

    # DEADLINES (vstbpn.deadline.mixin)

    def _vstbpn_deadline_domain(self):
        return [("state", "=", "draft"), ("campaign_id.state", "=", "open")]

    def _vstbpn_todo_summary(self):
        return self.env._(
            "Write and submit the Action Month plan %(year)s", year=self.year
        )

    def _vstbpn_reminder_summary(self):
        return self.env._(
            "Reminder: the Action Month plan %(year)s is due on %(deadline)s",
            year=self.year,
            deadline=format_date(self.env, self.deadline),
        )

    def _vstbpn_escalation_summary(self):
        return self.env._(
            "Overdue: %(unit)s has not submitted its Action Month plan %(year)s",
            unit=self.committee_id.name,
            year=self.year,
        )

    def _vstbpn_escalation_users(self):
        """The organiser is told, whatever the depth of the unit."""
        # once per campaign: its thousands of plans share the organiser
        officers = {
            campaign: campaign.committee_id._get_officers()
            for campaign in self.sudo().campaign_id
        }
        return {plan: officers[plan.campaign_id] for plan in self}

    # ACTIONS

    def action_submit(self):
        return self._vstbpn_submit()

    def _vstbpn_check_submittable(self):
        if self.state != "draft":
            raise UserError(
                self.env._(
                    "The plan %(name)s has already been submitted.", name=self.name
                )
            )
        if self.campaign_id.state != "open":
            raise UserError(
                self.env._(
                    "%(campaign)s is not open: plans can no longer be submitted.",
                    campaign=self.campaign_id.name,
                )
            )

    def _vstbpn_review_summary(self):
        return self.env._(
            "Review the Action Month plan of %(unit)s", unit=self.committee_id.name
        )

    def action_approve(self):
        return self._vstbpn_accept()

    def _vstbpn_return_reason_message(self):
        return self.env._(
            "Say why the plan is returned, so the unit knows what to correct."
        )

    def _vstbpn_return_wizard_title(self):
        return self.env._("Return the Plan")

    def _vstbpn_review_refused_message(self):
        return self.env._(
            "Only the officers of %(organiser)s approve or return the "
            "plans of its Action Month.",
            organiser=self.sudo().campaign_id.committee_id.name,
        )

    def _vstbpn_review_state_message(self):
        return self.env._(
            "The plan %(name)s is not in a state that allows this.", name=self.name
        )

    def action_open_activities(self):
        self.ensure_one()
        return window_action(
            self.env,
            "vstbpn_campaign.vstbpn_campaign_activity_action",
            [("plan_id", "=", self.id)],
            {"default_plan_id": self.id},
        )

    def action_print(self):
        """Print the plan; an approved plan is issued as an official document
        (KẾ HOẠCH) first, when an officer of the unit prints it."""
        self.ensure_one()
        self.check_access("read")
        if self.state == "approved":
            self._vstbpn_issue_document_if_possible()
        return self.env.ref(
            "vstbpn_campaign.vstbpn_campaign_plan_report"
        ).report_action(self)

    def action_issue_document(self):
        """Issue approved plans as numbered documents (KH), once."""
        return self._vstbpn_issue_documents(
            lambda plan: plan.state == "approved",
            lambda plan: self.env._(
                "The plan %(name)s is not approved yet: it is issued as an "
                "official document once the organiser approves it.",
                name=plan.name,
            ),
        )

    # PRINTING: the unit's Action Month plan (Decree 30/2020/NĐ-CP)

    def _vstbpn_document_source_values(self):
        committee = self.committee_id.sudo()
        printed = self.with_context(lang=self._vstbpn_document_lang())
        agencies = committee.member_ids.filtered("is_current").agency_partner_id
        partners = (agencies | self.partner_ids) or (
            self.sudo().organiser_id.organization_partner_id
            or committee.organization_partner_id
        )
        return {
            "subject": printed._vstbpn_document_title_subject(),
            "date": self.date_approved or vn_today(self.env),
            "body": self._vstbpn_render_document_body(),
            "to_all_units_below": bool(committee.child_ids),
            "addressee_partner_ids": [fields.Command.set(partners.ids)],
            "distribution": "\n".join(printed._vstbpn_document_recipients()),
            **printed._vstbpn_document_signer_values(),
        }

    def _vstbpn_document_title(self):
        return self.env._("Plan")

    def _vstbpn_document_title_subject(self):
        return self.env._(
            "Organising the %(campaign)s", campaign=self.sudo().campaign_id.name
        )

    def _vstbpn_document_recipients(self):
        recipients = []
        organiser = self.sudo().organiser_id
        if organiser and organiser != self.committee_id:
            recipients.append(organiser.name)
        recipients.append(self.env._("Members of the committee"))
        if self.committee_id.sudo().child_ids:
            recipients.append(self.env._("The units below"))
        return recipients

    def _vstbpn_print_activities(self):
        """The planned activities, in the order they take place."""
        return self.campaign_activity_ids.filtered(
            lambda a: a.state != "cancelled"
        ).sorted(lambda a: (a.date_start, a.id))

    def _vstbpn_print_targets(self):
        """The plan's targets as printed: activities and expected people."""
        activities = self._vstbpn_print_activities()
        number = self.vstbpn_format_number
        return self.env._(
            "The unit holds %(count)s activities for %(total)s expected "
            "participants (%(women)s women, %(men)s men).",
            count=number(len(activities)),
            total=number(sum(activities.mapped("planned_total"))),
            women=number(sum(activities.mapped("planned_female"))),
            men=number(sum(activities.mapped("planned_male"))),
        )

    def _vstbpn_print_campaign_time(self):
        campaign = self.sudo().campaign_id
        return self.env._(
            "Time: from %(start)s to %(end)s.",
            start=campaign.date_start.strftime("%d/%m/%Y"),
            end=campaign.date_end.strftime("%d/%m/%Y"),
        )

    def _vstbpn_print_reporting(self):
        campaign = self.sudo().campaign_id
        return self.env._(
            "The unit reports its results to %(organiser)s by %(deadline)s.",
            organiser=campaign.committee_id.name,
            deadline=campaign.report_deadline.strftime("%d/%m/%Y"),
        )

    def _vstbpn_print_period(self, activity):
        """``15/11/2017`` or ``15/11/2017 - 17/11/2017``, where the user is."""
        days = [
            activity._local_day(moment).strftime("%d/%m/%Y")
            for moment in (activity.date_start, activity.date_end)
        ]
        return " - ".join(dict.fromkeys(days))
