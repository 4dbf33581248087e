from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ...tools import vn_today

# The directive's areas of work (56/BVSTBPN, §1–§4).
WORK_AREAS = [
    ("law_review", "Review of the Gender Equality Law"),
    ("action_month", "Action Month"),
    ("coordination", "Inter-sector coordination and programmes"),
    ("female_cadres", "Female cadres"),
    ("gbv_prevention", "Prevention of gender-based violence"),
    ("guidance", "Guidance to units below"),
    ("membership", "Committee membership"),
    ("training", "Training of members"),
    ("inspection", "Inspection of units below"),
    ("meetings_reporting", "Meetings, information and reporting"),
]
TASK_STATES = [
    ("todo", "To Do"),
    ("in_progress", "In Progress"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]
TASK_ACTIVITY = "vstbpn_committee.mail_activity_type_work_plan_task"


class VstbpnWorkPlanTask(models.Model):
    """A task of a work plan: what, under which programme, who, by when.

    Its content is as editable as the plan (locked once submitted); its
    progress (state and note) is recorded while the approved plan is carried
    out. A task with a responsible user gets a "to do" activity when the plan
    is approved, reminders before its deadline and, once overdue, a note to
    the committee's officers (``vstbpn.deadline.mixin``).
    """

    _name = "vstbpn.work.plan.task"
    _description = "Work Plan Task"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "vstbpn.locked.workflow.mixin",
        "vstbpn.deadline.mixin",
    ]
    _order = "plan_id, sequence, date_deadline, id"
    _vstbpn_tie_fields = ("plan_id",)
    # the person in charge is one of the plan's own committee
    _vstbpn_link_scopes = {"member_id": "same"}
    _vstbpn_lock_parent = "plan_id"
    _vstbpn_derived_fields = ("last_reminder_date", "escalation_date")
    # carrying the plan out: progress is recorded on an approved plan
    _vstbpn_free_fields = (
        "state",
        "progress_note",
        "last_reminder_date",
        "escalation_date",
    )
    _vstbpn_deadline_field = "date_deadline"
    _vstbpn_done_date_field = "date_done"
    _vstbpn_todo_activity = TASK_ACTIVITY

    plan_id = fields.Many2one(
        "vstbpn.work.plan", required=True, index=True, ondelete="cascade"
    )
    committee_id = fields.Many2one(
        related="plan_id.committee_id", store=True, index=True
    )
    year = fields.Integer(related="plan_id.year", store=True)
    sequence = fields.Integer(default=10)
    name = fields.Text(string="Task", required=True)
    work_area = fields.Selection(
        WORK_AREAS,
        string="Area of Work",
        help="The area of the committee's work (as the 2017 directive lists them) "
        "the task serves.",
    )
    programme_id = fields.Many2one(
        "vstbpn.programme",
        string="Programme",
        ondelete="restrict",
        help="The resolution, strategy, programme or project the task carries out.",
    )
    member_id = fields.Many2one(
        "vstbpn.committee.member",
        string="Responsible Member",
        domain="[('committee_id', '=', committee_id), ('date_end', '=', False)]",
        ondelete="restrict",
    )
    agency_partner_id = fields.Many2one(
        "res.partner",
        string="Responsible Agency",
        compute="_compute_agency_partner_id",
        store=True,
        readonly=False,
        precompute=True,
        help="The member agency in charge; by default the agency the responsible "
        "member represents.",
    )
    user_id = fields.Many2one(
        "res.users",
        string="Responsible Person",
        compute="_compute_user_id",
        store=True,
        readonly=False,
        precompute=True,
        help="Gets the task as an activity once the plan is approved, and "
        "reminders before the deadline.",
    )
    date_start = fields.Date(string="Start")
    date_deadline = fields.Date(string="Deadline")
    state = fields.Selection(
        TASK_STATES, default="todo", required=True, tracking=True, copy=True
    )
    date_done = fields.Date(
        string="Done On", compute="_compute_date_done", store=True, copy=True
    )
    progress_note = fields.Text(tracking=True)
    budget_line_ids = fields.One2many(
        "vstbpn.work.plan.budget.line", "task_id", string="Budget Lines"
    )
    plan_state = fields.Selection(related="plan_id.state", string="Plan Status")

    @api.depends("member_id")
    def _compute_agency_partner_id(self):
        for task in self:
            task.agency_partner_id = (
                task.member_id.agency_partner_id or task.agency_partner_id
            )

    @api.depends("member_id")
    def _compute_user_id(self):
        for task in self:
            task.user_id = task.member_id.sudo().user_id or task.user_id

    @api.depends("state")
    def _compute_date_done(self):
        today = vn_today(self.env)
        for task in self:
            if task.state == "done":
                task.date_done = task.date_done or today
            else:
                task.date_done = False

    @api.constrains("date_start", "date_deadline", "plan_id")
    def _check_dates(self):
        for task in self:
            for day in (task.date_start, task.date_deadline):
                if day and day.year != task.plan_id.year:
                    raise ValidationError(
                        self.env._(
                            "Task “%(task)s”: %(date)s is outside the plan's year "
                            "%(year)s. Plan it within the year, or in next year's "
                            "plan.",
                            task=task.name,
                            date=day.strftime("%d/%m/%Y"),
                            year=task.plan_id.year,
                        )
                    )
            if (
                task.date_start
                and task.date_deadline
                and task.date_deadline < task.date_start
            ):
                raise ValidationError(
                    self.env._(
                        "Task “%(task)s”: the deadline is before the start.",
                        task=task.name,
                    )
                )

    # DEADLINES (vstbpn.deadline.mixin)

    def _vstbpn_deadline_domain(self):
        return [
            ("date_done", "=", False),
            ("user_id", "!=", False),
            ("state", "in", ("todo", "in_progress")),
            ("plan_id.state", "=", "approved"),
        ]

    def _vstbpn_responsible_users(self):
        return {task: task.user_id for task in self}

    def _vstbpn_escalation_users(self):
        """The committee's own officers follow up their members' tasks."""
        return {task: task.committee_id._get_officers() - task.user_id for task in self}

    def _vstbpn_todo_summary(self):
        return self.env._(
            "Work plan task due %(deadline)s",
            deadline=self.date_deadline.strftime("%d/%m/%Y")
            if self.date_deadline
            else "-",
        )

    def _vstbpn_escalation_summary(self):
        return self.env._(
            "Overdue task of %(user)s in %(plan)s",
            user=self.user_id.name,
            plan=self.plan_id.display_name,
        )

    def _vstbpn_schedule_task_todos(self):
        """Once the plan is approved, each open task with a responsible user
        becomes that user's activity."""
        tasks = self.filtered(
            lambda task: task.user_id and task.state in ("todo", "in_progress")
        )
        return tasks._vstbpn_schedule_todo()

    # ACTIONS

    def action_start(self):
        self.write({"state": "in_progress"})
        return True

    def action_done(self):
        self.write({"state": "done"})
        self.sudo().activity_feedback([TASK_ACTIVITY])
        return True
