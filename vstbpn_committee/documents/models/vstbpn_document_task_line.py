from odoo import api, fields, models

LINE_STATES = [
    ("open", "Open"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]
CLOSED_BY = [
    ("record", "The record that fulfils it"),
    ("hand", "By hand, with a note"),
]
# On the board: where a line stands against its deadline.
BOARD_STATUSES = [
    ("done_on_time", "Done on time"),
    ("done_late", "Done late"),
    ("open", "Open"),
    ("overdue", "Overdue"),
]


class VstbpnDocumentTaskLine(models.Model):
    """One addressee's follow-up of a task (theo dõi nhiệm vụ được giao): the
    unit (or the member) that must do it, its deadline, and how it was done.

    Created when the document is issued, in one batch however many units.
    The unit's officers get the "to do" activity, reminders before the
    deadline, and the issuer's officers are told once it has passed
    (``vstbpn.deadline.mixin``). The line closes itself when the record that
    fulfils it reaches its state (``vstbpn.task.fulfilment.mixin``), or by
    hand with a note for a task no record carries. A unit may ask for more
    time (``vstbpn.document.task.extension``); the deadline moves only when
    the issuer grants it.
    """

    _name = "vstbpn.document.task.line"
    _description = "Follow-up of an Assigned Task"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "vstbpn.committee.owned.mixin",
        "vstbpn.deadline.mixin",
    ]
    _order = "deadline, document_id desc, task_sequence, committee_complete_name, id"
    _rec_names_search = ["task_name", "committee_id.name"]
    _vstbpn_tie_fields = ("committee_id", "task_id", "member_id")
    _vstbpn_derived_fields = (
        "state",
        "deadline",
        "date_done",
        "closed_by",
        "done_user_id",
        "fulfilment_ref",
        "done_note",
        "last_reminder_date",
        "escalation_date",
    )
    # lines are created by issuing the document, never typed: checked here
    # rather than by an SQL constraint, as the member is empty for a unit
    _vstbpn_unique_fields = ("task_id", "committee_id", "member_id")
    _vstbpn_deadline_field = "deadline"
    _vstbpn_done_date_field = "date_done"

    task_id = fields.Many2one(
        "vstbpn.document.task",
        string="Task",
        required=True,
        index=True,
        ondelete="cascade",
    )
    document_id = fields.Many2one(
        related="task_id.document_id", store=True, index=True, string="Document"
    )
    issuer_committee_id = fields.Many2one(
        related="task_id.committee_id", store=True, index=True, string="Issued By"
    )
    task_name = fields.Text(related="task_id.name", string="Task Text")
    task_sequence = fields.Integer(related="task_id.sequence", store=True)
    kind = fields.Selection(
        related="task_id.kind", store=True, index=True, string="Kind"
    )
    committee_id = fields.Many2one(string="Unit")
    committee_complete_name = fields.Char(
        related="committee_id.complete_name", store=True
    )
    level_id = fields.Many2one(
        related="committee_id.level_id", store=True, string="Level"
    )
    member_id = fields.Many2one(
        "vstbpn.committee.member",
        string="Member",
        index="btree_not_null",
        ondelete="restrict",
    )
    deadline = fields.Date(string="Due On", tracking=True, index=True, copy=False)
    state = fields.Selection(
        LINE_STATES, default="open", required=True, tracking=True, index=True
    )
    date_done = fields.Date(string="Done On", readonly=True, copy=False, tracking=True)
    done_user_id = fields.Many2one(
        "res.users", string="Closed By", readonly=True, copy=False
    )
    closed_by = fields.Selection(CLOSED_BY, string="Done By", readonly=True)
    fulfilment_ref = fields.Reference(
        selection="_selection_fulfilment_models",
        string="Fulfilled By",
        readonly=True,
        help="The record that fulfilled the task.",
    )
    done_note = fields.Text(string="Note", readonly=True)
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "vstbpn_document_task_line_attachment_rel",
        "line_id",
        "attachment_id",
        string="Evidence",
    )
    board_status = fields.Selection(
        BOARD_STATUSES,
        string="Status",
        compute="_compute_board_status",
        help="Done on time, done late, open, or overdue.",
    )

    @api.model
    def _selection_fulfilment_models(self):
        return [
            (model, self.env[model]._description)
            for model in self.env.registry.descendants(
                ["vstbpn.task.fulfilment.mixin"], "_inherit"
            )
            if model != "vstbpn.task.fulfilment.mixin" and model in self.env
        ]

    @api.depends("task_id.name", "committee_id.name", "member_id")
    def _compute_display_name(self):
        for line in self:
            who = line.member_id.sudo().partner_id.name or line.committee_id.name
            line.display_name = f"{line.task_id._vstbpn_short_name()} → {who}"

    @api.depends_context("uid")
    @api.depends("state", "date_done", "deadline")
    def _compute_board_status(self):
        today = fields.Date.context_today(self)
        for line in self:
            line.board_status = line._vstbpn_board_status(today)

    def _vstbpn_board_status(self, today):
        if self.state == "done":
            late = self.deadline and self.date_done > self.deadline
            return "done_late" if late else "done_on_time"
        if self.deadline and self.deadline < today:
            return "overdue"
        return "open"

    # DEADLINES (vstbpn.deadline.mixin)

    def _vstbpn_deadline_domain(self):
        return [("state", "=", "open")]

    def _vstbpn_responsible_users(self):
        """The member named, or the unit's officers (the nearest above that
        has any, for a unit without its own)."""
        users = {}
        for line in self:
            member_user = line.member_id.sudo().user_id
            users[line] = member_user or line.committee_id._get_officers()
        return users

    def _vstbpn_escalation_users(self):
        return {line: line.issuer_committee_id._get_officers() for line in self}

    def _vstbpn_todo_summary(self):
        return self.env._(
            "Task of %(document)s: %(task)s",
            document=self.document_id.display_name,
            task=self.task_id._vstbpn_short_name(),
        )

    def _vstbpn_escalation_summary(self):
        return self.env._(
            "Overdue: %(unit)s has not done '%(task)s' of %(document)s",
            unit=self.committee_id.name,
            task=self.task_id._vstbpn_short_name(),
            document=self.document_id.display_name,
        )

    # CLOSING

    def _vstbpn_close_by_record(self, record):
        """Done by ``record``, which reached its state: linked to it, its
        activities done, a note in the chatter. The caller checked the user."""
        if not self:
            return
        self._vstbpn_trusted_write(
            {
                "state": "done",
                "date_done": record._vstbpn_task_date(),
                "closed_by": "record",
                "fulfilment_ref": f"{record._name},{record.id}",
                "done_user_id": self.env.uid,
            }
        )
        self.sudo().activity_ids.action_feedback(
            feedback=self.env._("Done: %(record)s", record=record.display_name)
        )
        for line in self:
            line._vstbpn_post_note(
                self.env._("Done by %(record)s.", record=record.sudo().display_name)
            )
