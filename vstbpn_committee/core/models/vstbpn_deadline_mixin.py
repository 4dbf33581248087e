from odoo import api, fields, models
from odoo.tools import format_date

from ...tools import vn_today

DEADLINE_STATUSES = [
    ("pending", "Not Due Yet"),
    ("on_time", "On Time"),
    ("late", "Late"),
    ("missing", "Missing"),
]


class VstbpnDeadlineMixin(models.AbstractModel):
    """Something a committee must do by a deadline: submit a report or a plan,
    acknowledge a document, carry out an inspection's recommendation.

    Configured by class attributes:

    - ``_vstbpn_deadline_field``: the due date;
    - ``_vstbpn_done_date_field``: the date it was done (empty while not);
    - ``_vstbpn_todo_activity``: the XML id of the "to do" activity type;
    - ``_vstbpn_default_reminder_offsets``: days before the deadline when the
      responsible officers are reminded, unless ``_vstbpn_reminder_offsets()``
      reads them elsewhere (a reporting period's own setting).

    It gives the "to do" activity to the responsible officers
    (``_vstbpn_schedule_todo``), a reminder at each offset, one escalation to
    the committee above once overdue, an on time / late / missing status, and
    one daily scheduled action for every model using it, which never reminds
    twice on a day. A model says what it is asking for in
    ``_vstbpn_todo_summary``, ``_vstbpn_reminder_summary`` and
    ``_vstbpn_escalation_summary``, which records are still to do in
    ``_vstbpn_deadline_domain``, and who acts in ``_vstbpn_responsible_users``
    (default: the committee's officers) and ``_vstbpn_escalation_users``
    (default: the officers of the committee above).
    """

    _name = "vstbpn.deadline.mixin"
    _inherit = ["vstbpn.integrity.mixin"]
    _description = "Deadline with Reminders"

    _vstbpn_deadline_field = "deadline"
    _vstbpn_done_date_field = "date_done"
    _vstbpn_todo_activity = "mail.mail_activity_data_todo"
    _vstbpn_default_reminder_offsets = (7, 1)

    submission_status = fields.Selection(
        DEADLINE_STATUSES,
        string="Timeliness",
        compute="_compute_submission_status",
        store=True,
        help="Against the deadline: on time or late once done, missing when the "
        "deadline has passed without it.",
    )
    on_time_rate = fields.Float(
        string="On-time Rate (%)",
        compute="_compute_submission_status",
        store=True,
        aggregator="avg",
    )
    last_reminder_date = fields.Date(readonly=True, copy=False)
    escalation_date = fields.Date(
        string="Escalated On",
        readonly=True,
        copy=False,
        help="The day the committee above was told it is overdue.",
    )

    @api.depends(
        lambda self: (
            self._vstbpn_deadline_field,
            self._vstbpn_done_date_field,
            "escalation_date",
        )
    )
    def _compute_submission_status(self):
        today = self._vstbpn_today()
        for record in self:
            deadline = record[record._vstbpn_deadline_field]
            done = record[record._vstbpn_done_date_field]
            if done:
                status = "on_time" if not deadline or done <= deadline else "late"
            elif deadline and deadline < today:
                status = "missing"
            else:
                status = "pending"
            record.submission_status = status
            record.on_time_rate = 100.0 if status == "on_time" else 0.0

    def _vstbpn_deadline(self):
        return self[self._vstbpn_deadline_field]

    def _vstbpn_today(self):
        """Today in Viet Nam, whoever runs the job (OdooBot's Brussels is
        still on yesterday from 00:00 to 06:00 there)."""
        return vn_today(self.env)

    # HOOKS

    def _vstbpn_deadline_domain(self):
        """The records still to do, which reminders and escalation look at."""
        return [(self._vstbpn_done_date_field, "=", False)]

    def _vstbpn_reminder_offsets(self):
        self.ensure_one()
        return set(self._vstbpn_default_reminder_offsets)

    def _vstbpn_responsible_users(self):
        """{record: users} who must act."""
        return {record: record.committee_id._get_officers() for record in self}

    def _vstbpn_escalation_users(self):
        """{record: users} told once it is overdue: the committee above."""
        return {
            record: record.committee_id.sudo().parent_id._get_officers()
            if record.committee_id.sudo().parent_id
            else self.env["res.users"]
            for record in self
        }

    def _vstbpn_todo_summary(self):
        return self.env._("To do: %(name)s", name=self.display_name)

    def _vstbpn_reminder_summary(self):
        return self.env._(
            "Reminder: %(name)s is due on %(deadline)s",
            name=self.display_name,
            deadline=format_date(self.env, self._vstbpn_deadline()),
        )

    def _vstbpn_escalation_summary(self):
        return self.env._(
            "Overdue: %(unit)s has not done %(name)s",
            unit=self.committee_id.name,
            name=self.display_name,
        )

    # ACTIVITIES

    def _vstbpn_schedule_todo(self):
        """The "to do" activity, due at the deadline, for whoever must act."""
        return self._vstbpn_schedule_activities(
            self._vstbpn_todo_activity,
            self._vstbpn_responsible_users(),
            lambda record: record._vstbpn_todo_summary(),
        )

    def _vstbpn_schedule_activities(self, activity_xmlid, users_by_record, summary):
        """Create the activities of many records in one batch, without e-mails.

        ``summary(record)`` says what to do; it is called with the record in
        each recipient's language, since whoever triggers the activity (the
        province opening a period, the daily job) may read another one.
        """
        activity_type = self.env.ref(activity_xmlid)
        model = self.env["ir.model"]._get_id(self._name)
        today = self._vstbpn_today()
        # the recipients' languages in one query, not one per officer
        recipients = self.env["res.users"].union(*users_by_record.values())
        lang_of = dict(zip(recipients, recipients.mapped("lang"), strict=True))
        vals_list = [
            {
                "res_model_id": model,
                "res_id": record.id,
                "activity_type_id": activity_type.id,
                "automated": True,
                "summary": summary(record.with_context(lang=lang_of[user])),
                "user_id": user.id,
                "date_deadline": max(record._vstbpn_deadline() or today, today),
            }
            for record in self
            for user in users_by_record[record]
        ]
        return (
            self.env["mail.activity"]
            .sudo()
            .with_context(mail_activity_quick_update=True)
            .create(vals_list)
        )

    # SCHEDULED ACTION

    @api.model
    def _cron_remind_and_escalate(self):
        """Remind before the deadline, escalate once overdue.

        Safe to run several times a day: a record is reminded at most once a
        day and escalated once.
        """
        today = self._vstbpn_today()
        records = self.search(self._vstbpn_deadline_domain())
        self.env.add_to_compute(self._fields["submission_status"], records)
        records._vstbpn_to_remind(today)._vstbpn_send_reminders(today)
        records._vstbpn_to_escalate(today)._vstbpn_escalate(today)

    def _vstbpn_to_remind(self, today):
        return self.filtered(
            lambda r: (
                r._vstbpn_deadline()
                and r.last_reminder_date != today
                and (r._vstbpn_deadline() - today).days in r._vstbpn_reminder_offsets()
            )
        )

    def _vstbpn_to_escalate(self, today):
        return self.filtered(
            lambda r: (
                r._vstbpn_deadline()
                and r._vstbpn_deadline() < today
                and not r.escalation_date
            )
        )

    def _vstbpn_send_reminders(self, today):
        if not self:
            return
        self._vstbpn_schedule_activities(
            "mail.mail_activity_data_todo",
            self._vstbpn_responsible_users(),
            lambda record: record._vstbpn_reminder_summary(),
        )
        self._vstbpn_trusted_write({"last_reminder_date": today})

    def _vstbpn_escalate(self, today):
        """Tell the committee above that these are overdue."""
        if not self:
            return
        self._vstbpn_schedule_activities(
            "mail.mail_activity_data_todo",
            self._vstbpn_escalation_users(),
            lambda record: record._vstbpn_escalation_summary(),
        )
        self._vstbpn_trusted_write({"escalation_date": today})
        for record in self:
            record._vstbpn_post_note(
                self.env._(
                    "The deadline (%(deadline)s) has passed: the committee above has "
                    "been notified.",
                    deadline=format_date(self.env, record._vstbpn_deadline()),
                )
            )
