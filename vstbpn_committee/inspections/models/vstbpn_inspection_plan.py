from odoo import api, fields, models
from odoo.exceptions import UserError

from ...core.models.vstbpn_request_mixin import REQUEST_MODES
from ...tools import vn_today, window_action

PLAN_STATES = [
    ("draft", "Draft"),
    ("confirmed", "Confirmed"),
    ("done", "Done"),
]
# the plan as issued (KẾ HOẠCH) is the confirmed one: its team, units and
# areas no longer change
ISSUABLE_STATES = ("confirmed", "done")


class VstbpnInspectionPlan(models.Model):
    """A committee's plan to inspect units below it (§4 of the 2017 directive):
    the year and scope, the team, the inspected committees with their visit
    dates, and the content areas checked.

    Confirming it puts each visit in the calendars of the team and of the
    unit's officers; the plan is then fixed, and each inspected unit's
    inspection goes its own way (``vstbpn.inspection``). A confirmed plan is
    issued as an official document (KẾ HOẠCH) in its committee's series.
    """

    _name = "vstbpn.inspection.plan"
    _description = "Inspection Plan"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "vstbpn.committee.owned.mixin",
        "vstbpn.locked.workflow.mixin",
        "vstbpn.request.mixin",
        "vstbpn.document.source.mixin",
    ]
    _order = "year desc, committee_id, id desc"
    _vstbpn_tie_fields = ("committee_id",)
    _vstbpn_derived_fields = ("state", "date_confirmed", "document_id")
    _vstbpn_document_type_xmlid = "vstbpn_committee.document_type_plan"
    _vstbpn_document_abbreviation = "KH"
    _vstbpn_document_date_field = "date_confirmed"
    _vstbpn_document_body_template = "vstbpn_committee.vstbpn_inspection_plan_body"
    _vstbpn_link_scopes = {"request_committee_ids": "below"}
    _vstbpn_request_child_model = "vstbpn.inspection"
    _vstbpn_request_child_field = "plan_id"

    name = fields.Char(
        required=True,
        tracking=True,
        compute="_compute_name",
        store=True,
        readonly=False,
        precompute=True,
    )
    year = fields.Integer(
        required=True,
        default=lambda self: vn_today(self.env).year,
        tracking=True,
    )
    scope = fields.Html(help="What the inspection looks at and why.")
    area_ids = fields.Many2many(
        "vstbpn.inspection.area",
        string="Content Areas",
        default=lambda self: self.env["vstbpn.inspection.area"].search([]),
    )
    team_ids = fields.One2many(
        "vstbpn.inspection.team.member", "plan_id", string="Team", copy=True
    )
    request_mode = fields.Selection(
        REQUEST_MODES,
        string="Units to Inspect",
        required=True,
        default="manual",
        help="Which units below get an inspection when you add them to the plan; "
        "inspections may also be added one by one in the list.",
    )
    request_level_id = fields.Many2one(
        "vstbpn.committee.level",
        string="Level to Inspect",
        help="In the 'One level' choice: the units below of this level.",
    )
    request_committee_ids = fields.Many2many(
        "vstbpn.committee",
        "vstbpn_inspection_plan_committee_rel",
        "plan_id",
        "committee_id",
        string="Committees to Inspect",
        compute="_compute_vstbpn_request_targets",
        store=True,
        readonly=False,
        help="The units below that 'Add the Inspections' gives an inspection, "
        "if the plan does not inspect them yet.",
    )
    inspection_ids = fields.One2many(
        "vstbpn.inspection", "plan_id", string="Inspected Committees"
    )
    leader_user_id = fields.Many2one(
        "res.users", string="Team Leader", compute="_compute_leader_user_id"
    )
    state = fields.Selection(
        PLAN_STATES, default="draft", required=True, tracking=True, copy=False
    )
    date_confirmed = fields.Date(
        string="Confirmed On", readonly=True, copy=False, tracking=True
    )
    document_id = fields.Many2one(
        "vstbpn.document",
        string="Issued Document",
        readonly=True,
        copy=False,
        help="The plan as issued (KẾ HOẠCH), with its number, once confirmed.",
    )
    inspection_count = fields.Integer(compute="_compute_inspection_counts")
    concluded_count = fields.Integer(compute="_compute_inspection_counts")

    _sql_constraints = [
        (
            "year_range",
            "CHECK(year BETWEEN 2000 AND 2100)",
            "The year of an inspection plan must be between 2000 and 2100.",
        ),
    ]

    @api.depends("year")
    def _compute_name(self):
        for plan in self:
            plan.name = plan.name or (
                plan.year and self.env._("Inspection plan %(year)s", year=plan.year)
            )

    @api.depends("team_ids.role", "team_ids.user_id")
    def _compute_leader_user_id(self):
        for plan in self:
            leader = plan.team_ids.filtered(lambda member: member.role == "leader")
            plan.leader_user_id = leader[:1].user_id

    def _compute_inspection_counts(self):
        groups = self.env["vstbpn.inspection"]._read_group(
            [("plan_id", "in", self.ids)], ["plan_id", "state"], ["__count"]
        )
        total, concluded = {}, {}
        for plan, state, count in groups:
            total[plan] = total.get(plan, 0) + count
            if state in ("concluded", "followed_up"):
                concluded[plan] = concluded.get(plan, 0) + count
        for plan in self:
            plan.inspection_count = total.get(plan, 0)
            plan.concluded_count = concluded.get(plan, 0)

    def _vstbpn_locked_message(self):
        return self.env._(
            "The inspection plan %(plan)s is confirmed: its team and areas can no "
            "longer be changed. Record the work on each unit's inspection.",
            plan=self.name,
        )

    # RIGHTS

    def _is_inspector(self):
        """An officer of the inspecting committee, or the team's leader."""
        self.ensure_one()
        user = self.env.user
        if self.env.su or user.has_group("vstbpn_committee.group_admin"):
            return True
        plan = self.sudo()  # the inspected unit reads the inspection, not the plan
        if user == plan.leader_user_id:
            return True
        return user.has_group(
            "vstbpn_committee.group_officer"
        ) and plan.committee_id in (user.vstbpn_allowed_committee_ids)

    def _is_team_member(self):
        self.ensure_one()
        return self.env.user in self.sudo().team_ids.user_id

    # ACTIONS

    def action_confirm(self):
        self.check_access("write")
        for plan in self:
            plan._check_confirmable()
        self._vstbpn_trusted_write(
            {"state": "confirmed", "date_confirmed": vn_today(self.env)}
        )
        self.inspection_ids._vstbpn_schedule_visits()
        self._vstbpn_post_note(
            self.env._(
                "Confirmed: the visits are in the calendars of the team and of "
                "the inspected units' officers."
            )
        )
        return True

    def _check_confirmable(self):
        self.ensure_one()
        if self.state != "draft":
            raise UserError(
                self.env._("%(plan)s is already confirmed.", plan=self.name)
            )
        problems = []
        if len(self.team_ids.filtered(lambda m: m.role == "leader")) != 1:
            problems.append(self.env._("the team needs exactly one leader"))
        if not self.area_ids:
            problems.append(self.env._("choose the content areas to check"))
        if not self.inspection_ids:
            problems.append(self.env._("add the committees to inspect"))
        undated = self.inspection_ids.filtered(lambda i: not i.date_start)
        if undated:
            problems.append(
                self.env._(
                    "schedule the visits of %(units)s",
                    units=", ".join(undated.committee_id.mapped("name")),
                )
            )
        if problems:
            raise UserError(
                self.env._(
                    "%(plan)s cannot be confirmed yet: %(problems)s.",
                    plan=self.name,
                    problems="; ".join(problems),
                )
            )

    def action_add_inspections(self):
        """One inspection per unit to inspect that the plan does not inspect
        yet; their visits are then dated in the list."""
        for plan in self:
            if plan.state == "done":
                raise UserError(
                    self.env._(
                        "The inspection plan %(plan)s is closed: no committee can "
                        "be added to it.",
                        plan=plan.name,
                    )
                )
        self._vstbpn_request_fan_out()
        return True

    def action_done(self):
        self.check_access("write")
        for plan in self:
            open_inspections = plan.inspection_ids.filtered(
                lambda i: i.state in ("planned", "in_progress")
            )
            if plan.state != "confirmed" or open_inspections:
                raise UserError(
                    self.env._(
                        "%(plan)s can be closed once confirmed and every inspection "
                        "is concluded.",
                        plan=plan.name,
                    )
                )
        self._vstbpn_trusted_write({"state": "done"})
        return True

    def action_open_inspections(self):
        self.ensure_one()
        return window_action(
            self.env,
            "vstbpn_committee.vstbpn_inspection_action",
            [("plan_id", "=", self.id)],
            {"default_plan_id": self.id},
        )

    def action_print(self):
        """Print the plan; a confirmed plan is issued as an official document
        (KẾ HOẠCH) first, when an officer of its committee prints it."""
        self.ensure_one()
        self.check_access("read")
        if self.state in ISSUABLE_STATES:
            self._vstbpn_issue_document_if_possible()
        return self.env.ref(
            "vstbpn_committee.vstbpn_inspection_plan_report"
        ).report_action(self)

    def action_issue_document(self):
        """Issue confirmed plans as numbered documents (KH), once."""
        return self._vstbpn_issue_documents(
            lambda plan: plan.state in ISSUABLE_STATES,
            lambda plan: self.env._(
                "%(plan)s is not confirmed yet: confirm it before issuing "
                "it as an official document.",
                plan=plan.name,
            ),
        )

    # PRINTING: the inspection plan (Kế hoạch kiểm tra, Decree 30/2020/NĐ-CP)

    def _vstbpn_document_source_values(self):
        committee = self.committee_id.sudo()
        printed = self.with_context(lang=self._vstbpn_document_lang())
        signature = printed._vstbpn_document_signature()
        return {
            "subject": self.name,
            "date": self.date_confirmed or vn_today(self.env),
            "body": self._vstbpn_render_document_body(),
            "addressee_committee_ids": [
                fields.Command.set(self.sudo().inspection_ids.committee_id.ids)
            ],
            "distribution": "\n".join(printed._vstbpn_document_recipients()),
            "signer_authority": signature["authority"],
            "signer_authority_body": committee.name.upper(),
            "signer_title": signature["title"],
            "signer_name": signature["name"],
        }

    def _vstbpn_document_title(self):
        return self.env._("Plan")

    def _vstbpn_document_title_subject(self):
        return self.name

    def _vstbpn_document_recipients(self):
        recipients = []
        above = self.committee_id.sudo().parent_id
        if above:
            recipients.append(above.name)
        recipients += self._vstbpn_print_inspections().committee_id.mapped("name")
        recipients.append(self.env._("Members of the inspection team"))
        return recipients

    def _vstbpn_print_inspections(self):
        """The visits in the order of the timetable."""
        return self.sudo().inspection_ids.sorted(
            lambda i: (i.date_start or fields.Date.to_date("9999-12-31"), i.id)
        )

    def _vstbpn_print_period(self, date_start, date_end):
        """``12/09/2017 - 13/09/2017``, or the one day."""
        days = [day.strftime("%d/%m/%Y") for day in (date_start, date_end) if day]
        return " - ".join(dict.fromkeys(days))
