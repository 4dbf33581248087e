from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_date

from ...tools import vn_today

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
        "vstbpn.reason.mixin",
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
        "attachment_ids",
    )
    # lines are created by issuing the document, never typed: checked here
    # rather than by an SQL constraint, as the member is empty for a unit
    _vstbpn_unique_fields = ("task_id", "committee_id", "member_id")
    _vstbpn_deadline_field = "deadline"
    _vstbpn_done_date_field = "date_done"
    # the unit reads its lines and closes them only through this action,
    # which checks that the user is one of its officers
    _vstbpn_reason_actions = {
        "action_close_by_hand": {"access": "read", "evidence": True}
    }

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
    extension_ids = fields.One2many(
        "vstbpn.document.task.extension", "line_id", string="Extension Requests"
    )
    extension_count = fields.Integer(compute="_compute_extension_count")
    fulfilment_name = fields.Char(
        string="Fulfilled By Record", compute="_compute_fulfilment_name"
    )
    is_issued_by_me = fields.Boolean(
        string="Issued by My Committees",
        compute="_compute_is_issued_by_me",
        search="_search_is_issued_by_me",
    )
    can_close_by_hand = fields.Boolean(compute="_compute_rights")
    can_ask_extension = fields.Boolean(compute="_compute_rights")
    board_status = fields.Selection(
        BOARD_STATUSES,
        string="Status",
        compute="_compute_board_status",
        help="Done on time, done late, open, or overdue.",
    )

    @api.model
    def _selection_fulfilment_models(self):
        # the models' names as the user reads them (ir.model's are translated)
        IrModel = self.env["ir.model"]
        return [
            (model, IrModel._get(model).name or self.env[model]._description)
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

    @api.depends("extension_ids")
    def _compute_extension_count(self):
        for line in self:
            line.extension_count = len(line.extension_ids)

    @api.depends_context("uid")
    @api.depends("issuer_committee_id")
    def _compute_is_issued_by_me(self):
        own = self.env.user.vstbpn_allowed_committee_ids
        for line in self:
            line.is_issued_by_me = line.issuer_committee_id in own

    def _search_is_issued_by_me(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on the issuer flag."))
        own = self.env.user.vstbpn_allowed_committee_ids.ids
        positive = (operator == "=") == value
        return [("issuer_committee_id", "in" if positive else "not in", own)]

    @api.depends("fulfilment_ref")
    def _compute_fulfilment_name(self):
        for line in self:
            record = line.sudo().fulfilment_ref
            line.fulfilment_name = record.display_name if record else False

    @api.depends_context("uid")
    @api.depends("state", "kind", "committee_id", "member_id", "extension_ids.state")
    def _compute_rights(self):
        for line in self:
            acts = line.state == "open" and line._vstbpn_is_addressee_user()
            line.can_close_by_hand = acts and line.kind == "other"
            line.can_ask_extension = acts and not line._vstbpn_open_extension()

    @api.depends_context("uid")
    @api.depends("state", "date_done", "deadline")
    def _compute_board_status(self):
        today = vn_today(self.env)
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
        officers = self._vstbpn_officers_of(self.committee_id)
        return {
            line: line.member_id.sudo().user_id or officers[line.committee_id]
            for line in self
        }

    def _vstbpn_escalation_users(self):
        officers = self._vstbpn_officers_of(self.issuer_committee_id)
        return {line: officers[line.issuer_committee_id] for line in self}

    @staticmethod
    def _vstbpn_officers_of(committees):
        """{committee: its officers}, looked up once per committee rather than
        once per line: a national directive has 8 lines per commune."""
        return {committee: committee._get_officers() for committee in committees}

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

    # RIGHTS

    def _vstbpn_is_addressee_user(self):
        """The named member's user, or an officer of the line's own unit
        (not of a committee above: the unit reports its own work)."""
        self.ensure_one()
        user = self.env.user
        if self.env.su:
            return True
        if self.member_id:
            return user == self.member_id.sudo().user_id
        return (
            user.has_group("vstbpn_committee.group_officer")
            and self.committee_id in user.vstbpn_allowed_committee_ids
        )

    def _vstbpn_check_addressee_user(self):
        self.check_access("read")
        for line in self:
            if not line._vstbpn_is_addressee_user():
                raise AccessError(
                    self.env._(
                        "Only the officers of %(unit)s (or the member named) act "
                        "on its task '%(task)s'.",
                        unit=line.committee_id.name,
                        task=line.task_id._vstbpn_short_name(),
                    )
                )

    def _vstbpn_check_open(self):
        for line in self:
            if line.state != "open":
                raise UserError(
                    self.env._(
                        "The task '%(task)s' of %(unit)s is no longer open.",
                        task=line.task_id._vstbpn_short_name(),
                        unit=line.committee_id.name,
                    )
                )

    def _vstbpn_check_closes_by_hand(self):
        kinds = dict(self._fields["kind"]._description_selection(self.env))
        for line in self:
            if line.kind != "other":
                raise UserError(
                    self.env._(
                        "The task '%(task)s' is done by its record, not by hand: "
                        "%(kind)s. It closes itself when that record reaches its "
                        "state.",
                        task=line.task_id._vstbpn_short_name(),
                        kind=kinds[line.kind],
                    )
                )

    def _vstbpn_open_extension(self):
        return self.extension_ids.filtered(lambda e: e.state == "requested")

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

    def _vstbpn_follow_record_date(self, record):
        """The fulfilling record's date was entered after the fact: the lines
        it closed take that date, and those of documents dated after it
        open again, as it came before what they ask."""
        date_done = record._vstbpn_task_date()
        earlier = self.filtered(lambda line: line.document_id.date > date_done)
        if earlier:
            earlier._vstbpn_trusted_write(
                {
                    "state": "open",
                    "date_done": False,
                    "closed_by": False,
                    "fulfilment_ref": False,
                    "done_user_id": False,
                }
            )
            earlier._vstbpn_schedule_todo()
        redated = (self - earlier).filtered(lambda line: line.date_done != date_done)
        if redated:
            redated._vstbpn_trusted_write({"date_done": date_done})

    def action_close_by_hand(self, note, attachments=None):
        """The unit says the task is done, with a note and evidence: for a
        task no record carries (kind "other")."""
        self._vstbpn_check_addressee_user()
        self._vstbpn_check_open()
        self._vstbpn_check_closes_by_hand()
        self._vstbpn_required_reason(
            note, self.env._("Say what was done, so the issuing committee can see it.")
        )
        evidence = self._vstbpn_evidence(attachments)
        self._vstbpn_trusted_write(
            {
                "state": "done",
                "date_done": vn_today(self.env),
                "closed_by": "hand",
                "done_note": note,
                "done_user_id": self.env.uid,
                "attachment_ids": [fields.Command.link(a.id) for a in evidence],
            }
        )
        if len(self) == 1 and evidence:
            evidence.write({"res_model": self._name, "res_id": self.id})
        self.sudo().activity_ids.action_feedback(feedback=note)
        self._vstbpn_post_note(self.env._("Done: %(note)s", note=note))
        return True

    # ACTIONS

    def action_open_close_wizard(self):
        self._vstbpn_check_addressee_user()
        self._vstbpn_check_open()
        self._vstbpn_check_closes_by_hand()
        return self._vstbpn_open_reason_wizard(
            "action_close_by_hand", self.env._("Mark the Task Done")
        )

    def action_open_fulfilment(self):
        self.ensure_one()
        record = self.fulfilment_ref
        if not record:
            raise UserError(self.env._("No record has fulfilled this task yet."))
        record.check_access("read")
        return {
            "type": "ir.actions.act_window",
            "res_model": record._name,
            "res_id": record.id,
            "view_mode": "form",
            "views": [(False, "form")],
        }

    def action_ask_extension(self):
        """The form of a new request for more time."""
        self.ensure_one()
        self._vstbpn_check_addressee_user()
        self._vstbpn_check_open()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Ask for More Time"),
            "res_model": "vstbpn.document.task.extension",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": {"default_line_id": self.id},
        }

    def _vstbpn_ask_extension(self, deadline, reason):
        """The unit asks the issuer for more time, as the user."""
        return self.env["vstbpn.document.task.extension"].create(
            [
                {"line_id": line.id, "requested_deadline": deadline, "reason": reason}
                for line in self
            ]
        )

    def action_open_extensions(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Extension Requests"),
            "res_model": "vstbpn.document.task.extension",
            "view_mode": "list,form",
            "domain": [("line_id", "=", self.id)],
            "context": {"default_line_id": self.id},
        }

    def _vstbpn_move_deadline(self, deadline):
        """An extension granted: the new deadline, and reminders and the
        escalation start again from it."""
        self._vstbpn_trusted_write(
            {
                "deadline": deadline,
                "escalation_date": False,
                "last_reminder_date": False,
            }
        )
        todo_type = self.env.ref(self._vstbpn_todo_activity)
        responsible = self._vstbpn_responsible_users()
        for line in self:
            todos = line.sudo().activity_ids.filtered(
                lambda a: a.activity_type_id == todo_type
            )
            unit_todos = todos.filtered(
                lambda a, line=line: a.user_id in responsible[line]
            )
            unit_todos.write({"date_deadline": deadline})
            # the issuer's notices of an overdue line: it is no longer overdue
            (todos - unit_todos).unlink()
        for line in self:
            line._vstbpn_post_note(
                self.env._(
                    "Deadline extended to %(deadline)s.",
                    deadline=format_date(self.env, deadline),
                )
            )
