from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ...tools import vn_today

EVENT_TYPES = [
    ("regular_meeting", "Regular meeting"),
    ("extraordinary_meeting", "Extraordinary meeting"),
    ("training", "Training"),
    ("workshop", "Workshop"),
    ("experience_exchange", "Experience exchange"),
    ("inspection_visit", "Inspection visit"),
]
MINUTES_STATES = [("draft", "Draft"), ("issued", "Issued")]
# Days between two regular meetings, by the committee's working rules.
MEETING_PERIOD_DAYS = {
    "monthly": 31,
    "quarterly": 92,
    "semi_annual": 183,
    "annual": 366,
}
PLAN_MEETING_ACTIVITY = "vstbpn_committee.mail_activity_type_plan_meeting"
# Only the suite's actions write these.
DERIVED_FIELDS = {
    "vstbpn_minutes_state",
    "vstbpn_minutes_date",
    "vstbpn_inspection_id",
    "vstbpn_document_id",
    "vstbpn_participant_female",
    "vstbpn_participant_male",
    "vstbpn_participant_total",
}
# Frozen once the minutes are issued.
MINUTES_FIELDS = {
    "vstbpn_agenda",
    "vstbpn_minutes",
    "vstbpn_conclusions",
    "vstbpn_chair_partner_id",
    "vstbpn_secretary_partner_id",
    "vstbpn_participation_ids",
}
# What places the issued figures (participants, attendance) in the reports:
# frozen too once the minutes are issued.
FROZEN_FIELDS = {
    "partner_ids",
    "attendee_ids",
    "vstbpn_event_type",
    "start",
    "stop",
    "start_date",
    "stop_date",
    "allday",
    "active",
}


class CalendarEvent(models.Model):
    """Meetings, trainings, workshops and experience exchanges of a committee.

    An event of a committee is read by that committee, the committees above
    it and its invited attendees; it is planned and recorded by the officers
    of the committee. Attendees default to its current members; attendance
    comes from their answers and the secretary corrects it; the minutes are
    issued in the official layout (BIÊN BẢN), which freezes them.
    """

    _name = "calendar.event"
    _inherit = [
        "calendar.event",
        "vstbpn.integrity.mixin",
        "vstbpn.document.source.mixin",
        "vstbpn.task.fulfilment.mixin",
    ]
    # The integrity mixin guards only the events of a committee (see
    # _vstbpn_guards_new): Odoo's own events are left as Odoo makes them.
    _vstbpn_tie_fields = ("vstbpn_committee_id",)
    _vstbpn_derived_fields = tuple(DERIVED_FIELDS)
    _vstbpn_document_link_field = "vstbpn_document_id"
    _vstbpn_document_type_xmlid = "vstbpn_committee.document_type_minutes"
    _vstbpn_document_abbreviation = "BB"
    _vstbpn_document_body_template = "vstbpn_committee.calendar_event_minutes_body"
    # a training is held once its minutes are issued, on the day it took place
    _vstbpn_task_kind = "training"

    vstbpn_committee_id = fields.Many2one(
        "vstbpn.committee",
        string="Committee",
        index="btree_not_null",
        ondelete="restrict",
        tracking=True,
    )
    vstbpn_event_type = fields.Selection(
        EVENT_TYPES, string="Committee Activity Type", tracking=True
    )
    vstbpn_agenda = fields.Html(string="Agenda")
    vstbpn_minutes = fields.Html(string="Minutes")
    vstbpn_conclusions = fields.Html(string="Conclusions")
    vstbpn_chair_partner_id = fields.Many2one("res.partner", string="Chaired By")
    vstbpn_secretary_partner_id = fields.Many2one("res.partner", string="Secretary")
    vstbpn_programme_ids = fields.Many2many(
        "vstbpn.programme",
        "calendar_event_vstbpn_programme_rel",
        "event_id",
        "programme_id",
        string="Programmes",
    )
    vstbpn_minutes_state = fields.Selection(
        MINUTES_STATES, string="Minutes Status", readonly=True, copy=False
    )
    vstbpn_minutes_date = fields.Date(
        string="Minutes Issued On", readonly=True, copy=False
    )
    vstbpn_document_id = fields.Many2one(
        "vstbpn.document",
        string="Issued Minutes",
        readonly=True,
        copy=False,
        help="The minutes as issued, with their number (BIÊN BẢN).",
    )
    vstbpn_inspection_id = fields.Many2one(
        "vstbpn.inspection",
        string="Inspection",
        readonly=True,
        index="btree_not_null",
        ondelete="set null",
    )
    vstbpn_attendance_ids = fields.One2many(
        "calendar.attendee", "event_id", string="Attendance"
    )
    vstbpn_attended_count = fields.Integer(
        string="Present", compute="_compute_vstbpn_attendance"
    )
    vstbpn_absent_count = fields.Integer(
        string="Absent", compute="_compute_vstbpn_attendance"
    )
    # trainings
    vstbpn_topic = fields.Char(string="Training Topic")
    vstbpn_trainer_ids = fields.Many2many(
        "res.partner",
        "calendar_event_vstbpn_trainer_rel",
        "event_id",
        "partner_id",
        string="Trainers",
    )
    vstbpn_participation_ids = fields.One2many(
        "vstbpn.training.participation", "event_id", string="Participants by Level"
    )
    vstbpn_participant_female = fields.Integer(
        string="Female Participants",
        compute="_compute_vstbpn_participants",
        store=True,
    )
    vstbpn_participant_male = fields.Integer(
        string="Male Participants",
        compute="_compute_vstbpn_participants",
        store=True,
    )
    vstbpn_participant_total = fields.Integer(
        string="Participants", compute="_compute_vstbpn_participants", store=True
    )

    @api.depends("attendee_ids.vstbpn_attended")
    def _compute_vstbpn_attendance(self):
        for event in self:
            present = event.attendee_ids.filtered("vstbpn_attended")
            event.vstbpn_attended_count = len(present)
            event.vstbpn_absent_count = len(event.attendee_ids) - len(present)

    @api.depends("vstbpn_participation_ids.female", "vstbpn_participation_ids.male")
    def _compute_vstbpn_participants(self):
        for event in self:
            lines = event.vstbpn_participation_ids
            event.vstbpn_participant_female = sum(lines.mapped("female"))
            event.vstbpn_participant_male = sum(lines.mapped("male"))
            event.vstbpn_participant_total = (
                event.vstbpn_participant_female + event.vstbpn_participant_male
            )

    @api.onchange("vstbpn_committee_id")
    def _onchange_vstbpn_committee_id(self):
        """Invite the committee's current members; a regular meeting unless
        said otherwise."""
        if self.vstbpn_committee_id:
            self.partner_ids |= self.vstbpn_committee_id._vstbpn_current_partners()
            self.vstbpn_event_type = self.vstbpn_event_type or "regular_meeting"

    # CRUD

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            committee_id = vals.get("vstbpn_committee_id")
            if not isinstance(committee_id, int) or isinstance(committee_id, bool):
                continue  # none, or a wrong value the integrity checks refuse
            if "partner_ids" not in vals:
                committee = self.env["vstbpn.committee"].browse(committee_id)
                partners = (
                    committee._vstbpn_current_partners() | self.env.user.partner_id
                )
                vals["partner_ids"] = [fields.Command.set(partners.ids)]
            if not vals.get("vstbpn_event_type"):
                vals["vstbpn_event_type"] = "regular_meeting"
            vals.setdefault("vstbpn_minutes_state", "draft")
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and self.filtered("vstbpn_committee_id"):
            if MINUTES_FIELDS & set(vals):
                self._vstbpn_check_minutes_editable()
            if FROZEN_FIELDS & set(vals):
                self._vstbpn_check_minutes_not_issued()
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_issued_minutes(self):
        if not self.env.su:
            self._vstbpn_check_minutes_not_issued()

    @api.model
    def _get_mail_message_access(self, res_ids, operation, model_name=None):
        """Answering an invitation posts on the event: people invited from
        another committee read a committee's meeting without being allowed
        to change it, so they post on it with read access. Odoo's other
        events keep Odoo's rule (posting needs write access)."""
        if (
            operation == "create"
            and res_ids
            and model_name in (None, self._name)
            and all(event.vstbpn_committee_id for event in self.browse(res_ids).sudo())
        ):
            return "read"
        return super()._get_mail_message_access(res_ids, operation, model_name)

    # INTEGRITY (vstbpn.integrity.mixin), for the events of a committee only

    @api.model
    def _vstbpn_guards_new(self, vals):
        return bool(vals.get("vstbpn_committee_id"))

    def _vstbpn_guarded(self, vals):
        if vals.get("vstbpn_committee_id"):
            return self
        return self.filtered("vstbpn_committee_id")

    @api.model
    def _vstbpn_protected_fields(self):
        # Odoo's own computed fields (the meeting URL, the organiser) stay as
        # Odoo lets users write them, on a committee's meeting as on any.
        return {
            name
            for name in super()._vstbpn_protected_fields()
            if name.startswith("vstbpn_")
        }

    def _vstbpn_field_default(self, name):
        # create() opens the minutes of a committee's meeting as a draft
        if name == "vstbpn_minutes_state":
            return "draft"
        return super()._vstbpn_field_default(name)

    def _vstbpn_may_move(self, field_name):
        """An event of no committee may be recorded under one afterwards, by
        its organiser (who must also be able to plan that committee's
        meetings): anyone else would take it out of the organiser's hands. A
        committee's meeting stays with it."""
        return (
            field_name == "vstbpn_committee_id"
            and not self.filtered("vstbpn_committee_id")
            and all(event.user_id == self.env.user for event in self)
            and not self._vstbpn_holds_derived_values()
        )

    def _vstbpn_holds_derived_values(self):
        """Whether these events hold a value only the suite's actions write
        (minutes state, issued document, inspection): on an event of no
        committee nothing guards them, so they must not come into a
        committee's records with it."""
        names = [name for name in DERIVED_FIELDS if not self._fields[name].compute]
        return any(event[name] for event in self.sudo() for name in names)

    def _vstbpn_check_minutes_editable(self):
        self._vstbpn_check_minutes_not_issued()
        if self.filtered("vstbpn_committee_id") and not self.env.user.has_group(
            "vstbpn_committee.group_officer"
        ):
            raise AccessError(
                self.env._(
                    "Only the committee's officers record the agenda, minutes and "
                    "attendance of its meetings."
                )
            )

    def _vstbpn_check_minutes_not_issued(self):
        issued = self.filtered(lambda e: e.vstbpn_minutes_state == "issued")
        if issued:
            raise UserError(
                self.env._(
                    "The minutes of %(event)s have been issued and can no longer be "
                    "changed.",
                    event=issued[0].name,
                )
            )

    # ACTIONS

    def action_vstbpn_issue_minutes(self):
        """Issue the minutes: they are frozen and print as BIÊN BẢN."""
        self.check_access("write")
        for event in self:
            if not event.vstbpn_committee_id:
                raise UserError(
                    self.env._(
                        "%(event)s is not a committee's meeting.", event=event.name
                    )
                )
            event._vstbpn_check_minutes_editable()
            if not event.vstbpn_minutes or not event.vstbpn_minutes.strip():
                raise UserError(
                    self.env._(
                        "Write the minutes of %(event)s before issuing them.",
                        event=event.name,
                    )
                )
        # attendance as it stands now, before it freezes
        self.attendee_ids.flush_recordset(["vstbpn_attended"])
        # checked above: an officer of the committee issues the minutes
        self.sudo().write(
            {
                "vstbpn_minutes_state": "issued",
                "vstbpn_minutes_date": vn_today(self.env),
            }
        )
        for event in self:
            event.sudo().message_post(
                body=self.env._("Minutes issued."),
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
        self._vstbpn_issue_minutes_document()
        self._vstbpn_fulfil_tasks()
        return True

    # TASKS (vstbpn.task.fulfilment.mixin): a training held

    def _vstbpn_task_committee(self):
        return self.vstbpn_committee_id

    def _vstbpn_fulfils_tasks(self):
        return self.vstbpn_event_type == "training"

    def _vstbpn_task_date(self):
        """The day the training was held (in Viet Nam), which the
        minutes record: minutes may be issued days later."""
        if self.start:
            return vn_today(self.env, timestamp=self.start)
        return self.vstbpn_minutes_date or super()._vstbpn_task_date()

    def _vstbpn_issue_minutes_document(self):
        """Issue the minutes as a numbered document (BB) when an officer of
        the meeting's own committee issues them (``vstbpn.document.source.mixin``)."""
        for event in self:
            event._vstbpn_issue_document_if_possible()

    def _vstbpn_document_source_committee(self):
        return self.vstbpn_committee_id

    def _vstbpn_document_source_values(self):
        printed = self.with_context(lang=self._vstbpn_document_lang())
        signature = printed._vstbpn_document_signature()
        addressees = self.attendee_ids.partner_id or self.partner_ids
        return {
            "subject": self.name,
            # the meeting's day in Viet Nam: one at 7:00 starts at 0:00 UTC
            "date": vn_today(self.env, timestamp=self.start or None),
            "body": self._vstbpn_render_document_body(),
            "addressee_partner_ids": [fields.Command.set(addressees.ids)],
            "distribution": "\n".join(printed._vstbpn_document_recipients()),
            "signer_title": signature["title"],
            "signer_name": signature["name"],
        }

    def action_vstbpn_print_minutes(self):
        """Print the minutes; issued ones not numbered yet are issued first."""
        self.ensure_one()
        if self.vstbpn_minutes_state == "issued":
            self._vstbpn_issue_document_if_possible()
        return self.env.ref(
            "vstbpn_committee.calendar_event_minutes_report"
        ).report_action(self)

    # PRINTING: the minutes (Biên bản)

    def _vstbpn_document_date(self):
        return self.start and vn_today(self.env, timestamp=self.start)

    def _vstbpn_document_title(self):
        return self.env._("Minutes")

    def _vstbpn_document_title_subject(self):
        return self.name

    def _vstbpn_document_recipients(self):
        return [self.env._("Members of the committee")]

    def _vstbpn_document_signature(self):
        return {
            "title": self.env._("Chair").upper(),
            "name": self.vstbpn_chair_partner_id.name
            or self.vstbpn_committee_id.head_partner_id.name
            or "",
        }

    def _vstbpn_print_attendees(self):
        return self.attendee_ids.sorted(
            lambda a: (not a.vstbpn_attended, a.common_name or "")
        )

    # SCHEDULED ACTION: plan the next regular meeting

    @api.model
    def _vstbpn_cron_plan_meetings(self):
        """Give each committee's officers an activity to plan the next regular
        meeting when none is planned within the period of its working rules
        (chế độ họp định kỳ). Never twice: not while one is open."""
        today = vn_today(self.env)
        committees = self._vstbpn_committees_meeting_regularly()
        if not committees:
            return
        committees -= self._vstbpn_committees_asked_to_plan(committees)
        horizon = today + timedelta(days=max(MEETING_PERIOD_DAYS.values()))
        upcoming = self._vstbpn_regular_meeting_starts(
            committees,
            [
                ("start", ">=", fields.Datetime.to_datetime(today)),
                ("start", "<", fields.Datetime.to_datetime(horizon)),
            ],
            "start:min",
        )
        last = self._vstbpn_regular_meeting_starts(
            committees,
            [("start", "<", fields.Datetime.to_datetime(today))],
            "start:max",
        )
        vals_list = []
        for committee in committees:
            due = self._vstbpn_next_meeting_due(
                committee, today, upcoming.get(committee), last.get(committee)
            )
            if due:
                vals_list += self._vstbpn_plan_meeting_activity_values(committee, due)
        self.env["mail.activity"].sudo().with_context(
            mail_activity_quick_update=True
        ).create(vals_list)

    @api.model
    def _vstbpn_committees_meeting_regularly(self):
        """Committees whose working rules set a meeting period and that have
        officers to plan the meetings."""
        return (
            self.env["vstbpn.committee"]
            .sudo()
            .search(
                [("meeting_frequency", "!=", False), ("officer_user_ids", "!=", False)]
            )
        )

    @api.model
    def _vstbpn_committees_asked_to_plan(self, committees):
        """Those of ``committees`` whose officers have a plan-the-meeting
        activity still open."""
        activities = (
            self.env["mail.activity"]
            .sudo()
            .search(
                [
                    ("res_model", "=", "vstbpn.committee"),
                    ("res_id", "in", committees.ids),
                    ("activity_type_id", "=", self.env.ref(PLAN_MEETING_ACTIVITY).id),
                ]
            )
        )
        return committees.browse(activities.mapped("res_id"))

    @api.model
    def _vstbpn_regular_meeting_starts(self, committees, start_domain, aggregate):
        """``{committee: start}`` of the committees' regular meetings within
        ``start_domain``, the first or the last by ``aggregate``
        (``start:min``, ``start:max``), in one grouped query."""
        return dict(
            self.sudo()._read_group(
                [
                    ("vstbpn_committee_id", "in", committees.ids),
                    ("vstbpn_event_type", "=", "regular_meeting"),
                    *start_domain,
                ],
                ["vstbpn_committee_id"],
                [aggregate],
            )
        )

    @api.model
    def _vstbpn_next_meeting_due(self, committee, today, upcoming, last):
        """When ``committee``'s next regular meeting is due, or None when one
        is planned (``upcoming``) within its period: a period after the
        ``last`` one, never before today."""
        period = timedelta(days=MEETING_PERIOD_DAYS[committee.meeting_frequency])
        if upcoming and upcoming.date() < today + period:
            return None
        return max(last.date() + period, today) if last else today

    @api.model
    def _vstbpn_plan_meeting_activity_values(self, committee, due):
        """One plan-the-meeting activity per officer of ``committee``, its
        summary in the officer's language."""
        officers = committee.officer_user_ids.filtered(
            lambda u: u.has_group("vstbpn_committee.group_officer")
        )
        return [
            {
                "res_model_id": self.env["ir.model"]._get_id("vstbpn.committee"),
                "res_id": committee.id,
                "activity_type_id": self.env.ref(PLAN_MEETING_ACTIVITY).id,
                "automated": True,
                "user_id": user.id,
                "date_deadline": due,
                "summary": self.with_context(lang=user.lang).env._(
                    "Plan the next regular meeting of %(committee)s",
                    committee=committee.name,
                ),
            }
            for user in officers
        ]
