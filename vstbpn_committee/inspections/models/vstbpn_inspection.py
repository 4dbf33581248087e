from datetime import datetime, time

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ...tools import vn_today

INSPECTION_STATES = [
    ("planned", "Planned"),
    ("in_progress", "In Progress"),
    ("concluded", "Concluded"),
    ("followed_up", "Followed Up"),
]
WORKFLOW_FIELDS = (
    "state",
    "event_id",
    "date_concluded",
    "concluded_user_id",
    "document_id",
)
ISSUE_CONCLUSION_ACTIVITY = "vstbpn_committee.mail_activity_type_issue_conclusion"


class VstbpnInspection(models.Model):
    """The inspection of one unit under an inspection plan.

    It belongs to the inspected committee (``committee_id``), so that the unit
    reads what is said about it and the committees above read their subtree;
    the inspecting committee's officers and the plan's team record it. Planned,
    in progress (findings per area, the unit's difficulties, recommendations),
    concluded (the conclusion, issued as a notice to the unit; read-only from
    then on), followed up once the team leader has accepted every
    recommendation as carried out.
    """

    _name = "vstbpn.inspection"
    _description = "Inspection"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "vstbpn.committee.owned.mixin",
        "vstbpn.locked.workflow.mixin",
        "vstbpn.document.source.mixin",
        "vstbpn.task.fulfilment.mixin",
    ]
    _order = "date_start desc, id desc"
    _vstbpn_tie_fields = ("committee_id", "plan_id")
    _vstbpn_derived_fields = WORKFLOW_FIELDS
    _vstbpn_unique_fields = ("plan_id", "committee_id")
    _vstbpn_editable_states = ("planned", "in_progress")
    _vstbpn_document_type_xmlid = "vstbpn_committee.document_type_notice"
    _vstbpn_document_abbreviation = "TB"
    _vstbpn_document_date_field = "date_concluded"
    _vstbpn_task_kind = "inspection"
    _vstbpn_document_body_template = (
        "vstbpn_committee.vstbpn_inspection_conclusion_body"
    )

    name = fields.Char(compute="_compute_name", store=True)
    plan_id = fields.Many2one(
        "vstbpn.inspection.plan",
        string="Inspection Plan",
        required=True,
        index=True,
        ondelete="restrict",
    )
    inspecting_committee_id = fields.Many2one(
        related="plan_id.committee_id",
        string="Inspecting Committee",
        store=True,
        index=True,
    )
    year = fields.Integer(related="plan_id.year", store=True)
    date_start = fields.Date(string="Visit Start", tracking=True)
    date_end = fields.Date(string="Visit End", tracking=True)
    event_id = fields.Many2one(
        "calendar.event", string="Visit in the Calendar", readonly=True, copy=False
    )
    state = fields.Selection(
        INSPECTION_STATES,
        default="planned",
        required=True,
        tracking=True,
        copy=False,
        index=True,
        group_expand="_expand_states",
    )
    finding_ids = fields.One2many(
        "vstbpn.inspection.finding", "inspection_id", string="Findings"
    )
    recommendation_ids = fields.One2many(
        "vstbpn.inspection.recommendation", "inspection_id", string="Recommendations"
    )
    unit_difficulties = fields.Html(
        string="Difficulties Raised by the Unit",
        help="What the inspected unit says holds back its work.",
    )
    conclusion = fields.Html(help="The team's conclusion, issued to the unit.")
    date_concluded = fields.Date(readonly=True, copy=False, tracking=True)
    concluded_user_id = fields.Many2one(
        "res.users", string="Concluded By", readonly=True, copy=False
    )
    document_id = fields.Many2one(
        "vstbpn.document",
        string="Conclusion Notice",
        readonly=True,
        copy=False,
        help="The conclusion as issued to the unit (THÔNG BÁO), with its number.",
    )
    leader_user_id = fields.Many2one(related="plan_id.leader_user_id")
    assessed_count = fields.Integer(compute="_compute_counts")
    weak_count = fields.Integer(string="Weak Areas", compute="_compute_counts")
    recommendation_count = fields.Integer(compute="_compute_counts")
    overdue_count = fields.Integer(
        string="Overdue Recommendations", compute="_compute_counts"
    )
    can_record = fields.Boolean(compute="_compute_can_record")
    can_conclude = fields.Boolean(compute="_compute_can_record")
    color = fields.Integer(compute="_compute_color")

    _sql_constraints = [
        (
            "plan_committee_unique",
            "unique(plan_id, committee_id)",
            "A plan inspects each committee once.",
        ),
    ]

    def _expand_states(self, states, domain):
        return [state for state, _label in INSPECTION_STATES]

    @api.depends("committee_id.name", "plan_id.year")
    def _compute_name(self):
        for inspection in self:
            inspection.name = self.env._(
                "Inspection of %(unit)s (%(year)s)",
                unit=inspection.committee_id.name,
                year=inspection.plan_id.year,
            )

    def _compute_counts(self):
        today = vn_today(self.env)
        findings = self.env["vstbpn.inspection.finding"]._read_group(
            [("inspection_id", "in", self.ids)],
            ["inspection_id", "assessment"],
            ["__count"],
        )
        assessed, weak = {}, {}
        for inspection, assessment, count in findings:
            if assessment:
                assessed[inspection] = assessed.get(inspection, 0) + count
            if assessment == "weak":
                weak[inspection] = weak.get(inspection, 0) + count
        Recommendation = self.env["vstbpn.inspection.recommendation"]
        total = dict(
            Recommendation._read_group(
                [("inspection_id", "in", self.ids)], ["inspection_id"], ["__count"]
            )
        )
        overdue = dict(
            Recommendation._read_group(
                [
                    ("inspection_id", "in", self.ids),
                    ("state", "=", "open"),
                    ("deadline", "<", today),
                ],
                ["inspection_id"],
                ["__count"],
            )
        )
        for inspection in self:
            inspection.assessed_count = assessed.get(inspection, 0)
            inspection.weak_count = weak.get(inspection, 0)
            inspection.recommendation_count = total.get(inspection, 0)
            inspection.overdue_count = overdue.get(inspection, 0)

    @api.depends_context("uid")
    @api.depends("plan_id", "state")
    def _compute_can_record(self):
        for inspection in self:
            plan = inspection.plan_id
            editable = inspection.state in self._vstbpn_editable_states
            inspection.can_record = editable and (
                plan._is_inspector() or plan._is_team_member()
            )
            inspection.can_conclude = (
                inspection.state == "in_progress" and plan._is_inspector()
            )

    @api.depends("state", "overdue_count")
    def _compute_color(self):
        for inspection in self:
            inspection.color = 1 if inspection.overdue_count else 0

    @api.constrains("committee_id", "plan_id")
    def _check_below_inspector(self):
        # the plan's own check of the units it asks: one "below" for both
        for plan, inspections in self.sudo().grouped("plan_id").items():
            plan._vstbpn_request_check_below(inspections.committee_id)

    @api.constrains("date_start", "date_end", "plan_id")
    def _check_dates(self):
        for inspection in self:
            year = inspection.sudo().plan_id.year
            for day in (inspection.date_start, inspection.date_end):
                if day and day.year != year:
                    raise ValidationError(
                        self.env._(
                            "The visit to %(unit)s on %(date)s is outside the "
                            "plan's year %(year)s: schedule it within the year.",
                            unit=inspection.committee_id.name,
                            date=day.strftime("%d/%m/%Y"),
                            year=year,
                        )
                    )
            if (
                inspection.date_start
                and inspection.date_end
                and inspection.date_end < inspection.date_start
            ):
                raise ValidationError(
                    self.env._(
                        "The visit to %(unit)s ends before it starts.",
                        unit=inspection.committee_id.name,
                    )
                )

    # CRUD

    @api.model_create_multi
    def create(self, vals_list):
        inspections = super().create(vals_list)
        closed = inspections.filtered(lambda i: i.plan_id.state == "done")
        if closed:
            raise UserError(
                self.env._(
                    "The inspection plan %(plan)s is closed: no committee can be "
                    "added to it.",
                    plan=closed[0].plan_id.name,
                )
            )
        inspections.filtered(
            lambda i: i.plan_id.state == "confirmed"
        )._vstbpn_schedule_visits()
        return inspections

    def write(self, vals):
        result = super().write(vals)
        if {"date_start", "date_end"} & set(vals):
            self.filtered("event_id")._vstbpn_schedule_visits()
        return result

    def _vstbpn_refuse_duplicate(self, values, other):
        committee = self.env["vstbpn.committee"].sudo().browse(values["committee_id"])
        raise ValidationError(
            self.env._(
                "%(unit)s is already in this inspection plan: each committee is "
                "inspected once per plan.",
                unit=committee.name,
            )
        )

    def _vstbpn_locked_message(self):
        return self.env._(
            "%(inspection)s is concluded and can no longer be changed. Follow up "
            "its recommendations instead.",
            inspection=self.name,
        )

    # VISITS IN THE CALENDAR

    def _vstbpn_schedule_visits(self):
        """A calendar event per visit, for the team and the unit's officers;
        moved with the visit's dates."""
        Event = self.env["calendar.event"].sudo()
        new_events = {}
        for inspection in self.filtered("date_start"):
            day_from = inspection.date_start
            day_to = inspection.date_end or day_from
            partners = (
                inspection.plan_id.sudo().team_ids.partner_id
                | inspection.committee_id._get_officers().partner_id
            )
            printed = inspection.with_context(lang=self._vstbpn_document_lang())
            vals = {
                "name": printed.env._(
                    "Inspection visit: %(unit)s", unit=inspection.committee_id.name
                ),
                "allday": True,
                "start": datetime.combine(day_from, time(8)),
                "stop": datetime.combine(day_to, time(17)),
                "partner_ids": [fields.Command.set(partners.ids)],
            }
            if inspection.event_id:
                inspection.event_id.sudo().write(vals)
                continue
            new_events[inspection] = dict(
                vals,
                vstbpn_committee_id=inspection.plan_id.committee_id.id,
                vstbpn_event_type="inspection_visit",
                vstbpn_inspection_id=inspection.id,
            )
        events = Event.create(list(new_events.values()))
        for inspection, event in zip(new_events, events, strict=True):
            inspection._vstbpn_trusted_write({"event_id": event.id})

    # RIGHTS

    def _check_inspector(self, leader_only=True):
        self.check_access("read")
        for inspection in self:
            plan = inspection.plan_id
            allowed = plan._is_inspector() or (
                not leader_only and plan._is_team_member()
            )
            if not allowed:
                raise AccessError(
                    self.env._(
                        "Only the team leader or an officer of %(inspector)s can "
                        "do this for %(inspection)s.",
                        inspector=plan.committee_id.sudo().name,
                        inspection=inspection.name,
                    )
                )

    def _check_state(self, *states):
        labels = dict(self._fields["state"]._description_selection(self.env))
        for inspection in self:
            if inspection.state not in states:
                raise UserError(
                    self.env._(
                        "%(inspection)s is %(state)s: this step does not apply.",
                        inspection=inspection.name,
                        state=labels[inspection.state].lower(),
                    )
                )

    # ACTIONS

    def action_start(self):
        """Start the visit: one finding to fill per content area of the plan."""
        self._check_inspector(leader_only=False)
        self._check_state("planned")
        self._vstbpn_trusted_write({"state": "in_progress"})
        self._vstbpn_create_missing_findings()
        return True

    def _vstbpn_create_missing_findings(self):
        vals_list = []
        for inspection in self:
            present = inspection.finding_ids.area_id
            vals_list += [
                {"inspection_id": inspection.id, "area_id": area.id}
                for area in inspection.plan_id.area_ids - present
            ]
        # checked by the caller: a team member starts the visit
        return (
            self.env["vstbpn.inspection.finding"]
            .sudo()
            .with_context(vstbpn_workflow=True)
            .create(vals_list)
        )

    def action_conclude(self):
        self._check_inspector()
        self._check_state("in_progress")
        for inspection in self:
            inspection._check_concludable()
        today = vn_today(self.env)
        for inspection in self:
            # a date recorded beforehand stays: an inspection entered after the fact
            inspection._vstbpn_trusted_write(
                {
                    "state": "concluded",
                    "date_concluded": inspection.date_concluded or today,
                    "concluded_user_id": self.env.uid,
                }
            )
        self._vstbpn_post_note(self.env._("Concluded."))
        self.recommendation_ids._vstbpn_schedule_todo()
        self._vstbpn_issue_document()
        self._vstbpn_follow_up_if_done()
        self._vstbpn_fulfil_tasks()
        return True

    # TASKS (vstbpn.task.fulfilment.mixin): the inspecting committee's task

    def _vstbpn_task_committee(self):
        return self.inspecting_committee_id

    def _vstbpn_task_date(self):
        return self.date_concluded or super()._vstbpn_task_date()

    def _check_concludable(self):
        self.ensure_one()
        unassessed = self.plan_id.area_ids - self.finding_ids.filtered(
            "assessment"
        ).mapped("area_id")
        if unassessed:
            raise UserError(
                self.env._(
                    "%(inspection)s cannot be concluded: these areas have no "
                    "assessment yet: %(areas)s.",
                    inspection=self.name,
                    areas=", ".join(unassessed.mapped("name")),
                )
            )
        if not self.conclusion or not self.conclusion.strip():
            raise UserError(
                self.env._(
                    "Write the conclusion of %(inspection)s before concluding it.",
                    inspection=self.name,
                )
            )

    def _vstbpn_issue_document(self):
        """Issue each conclusion to its unit as a numbered notice (TB). The
        notice is numbered by the inspecting committee's officers: a team
        leader who is not one leaves them an activity to issue it."""
        for inspection in self:
            if inspection._vstbpn_may_issue_document():
                inspection._vstbpn_issue_document_if_possible()
                continue
            summary = self.env._(
                "Issue the conclusion notice of %(inspection)s",
                inspection=inspection.name,
            )
            for officer in inspection.inspecting_committee_id._get_officers():
                inspection.sudo().activity_schedule(
                    ISSUE_CONCLUSION_ACTIVITY, summary=summary, user_id=officer.id
                )

    def action_issue_conclusion(self):
        self._vstbpn_issue_documents(
            lambda inspection: inspection.state in ("concluded", "followed_up"),
            lambda inspection: self.env._(
                "%(inspection)s is not concluded yet.", inspection=inspection.name
            ),
        )
        self.sudo().activity_feedback([ISSUE_CONCLUSION_ACTIVITY])
        return True

    def _vstbpn_document_source_committee(self):
        return self.inspecting_committee_id

    def _vstbpn_document_source_values(self):
        printed = self.with_context(lang=self._vstbpn_document_lang())
        signature = printed._vstbpn_document_signature()
        return {
            "subject": printed._vstbpn_document_title_subject(),
            "date": self.date_concluded or vn_today(self.env),
            "body": self._vstbpn_render_document_body(),
            "addressee_committee_ids": [fields.Command.set(self.committee_id.ids)],
            "distribution": "\n".join(printed._vstbpn_document_recipients()),
            "signer_authority": "TM.",
            "signer_authority_body": signature["body"],
            "signer_title": signature["title"],
            "signer_name": signature["name"],
        }

    def _vstbpn_follow_up_if_done(self):
        """Concluded inspections whose recommendations are all accepted are
        followed up."""
        done = self.filtered(
            lambda i: (
                i.state == "concluded"
                and all(r.state == "accepted" for r in i.recommendation_ids)
            )
        )
        if done:
            done._vstbpn_trusted_write({"state": "followed_up"})
            done._vstbpn_post_note(
                self.env._("Followed up: every recommendation has been carried out.")
            )
        return done

    def action_print_conclusion(self):
        """Print the conclusion; one not numbered yet is issued first when an
        officer of the inspecting committee prints it."""
        self.ensure_one()
        self.check_access("read")
        if self.state in ("concluded", "followed_up"):
            self._vstbpn_issue_document_if_possible()
        return self.env.ref(
            "vstbpn_committee.vstbpn_inspection_conclusion_report"
        ).report_action(self)

    # PRINTING: the conclusion notice (Thông báo kết luận kiểm tra)

    def _vstbpn_document_title(self):
        return self.env._("Notice")

    def _vstbpn_document_title_subject(self):
        return self.env._(
            "Conclusion of the inspection of %(unit)s", unit=self.committee_id.name
        )

    def _vstbpn_document_recipients(self):
        return [self.committee_id.name, self.env._("Members of the inspection team")]

    def _vstbpn_document_signature(self):
        leader = self.plan_id.sudo().team_ids.filtered(lambda m: m.role == "leader")[:1]
        return {
            "authority": "TM.",
            "body": self.env._("Inspection team").upper(),
            "title": self.env._("Team leader").upper(),
            "name": leader.partner_id.name or "",
        }

    def _vstbpn_print_findings(self):
        return self.finding_ids.sorted(lambda f: (f.area_id.sequence, f.area_id.id))
