from datetime import date

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ...tools import vn_today

# What a task asks for, and so which record, reaching which state, fulfils it
# (``vstbpn.task.fulfilment.mixin``); "other" is closed by hand.
TASK_KINDS = [
    ("report", "Report for a period"),
    ("campaign_plan", "Action Month plan approved"),
    ("guidance", "Guidance issued to the units below"),
    ("decision", "Membership decision applied"),
    ("training", "Training held"),
    ("inspection", "Inspection of a unit below concluded"),
    ("work_plan", "Work plan approved"),
    ("other", "Other (closed by hand)"),
]
ADDRESSEE_TYPES = [
    ("units", "Units addressed"),
    ("standing", "The issuing committee's standing body"),
    ("members", "Named members"),
]
DEADLINE_RULES = [
    ("date", "On a date"),
    ("yearly", "Before a day each year"),
]


class VstbpnDocumentTask(models.Model):
    """A task an issued document assigns: "each district builds its Action
    Month plan by 31/10", "a semi-annual report before 15/6 each year".

    Written on the draft document, with its kind, its deadline (a date, or a
    day of the year the deadline falls before) and its addressees: the units
    the document is sent to, the issuing committee's standing body, or named
    members. Issuing the document gives each addressee its follow-up line
    (``vstbpn.document.task.line``), done by the record that fulfils it or
    closed by hand.
    """

    _name = "vstbpn.document.task"
    _description = "Task of a Document"
    _inherit = ["vstbpn.integrity.mixin"]
    _order = "document_id, sequence, id"
    _vstbpn_tie_fields = ("document_id",)
    _vstbpn_max_lengths = {"name": 2000}
    _vstbpn_link_scopes = {"committee_ids": "below", "member_ids": "same"}

    document_id = fields.Many2one(
        "vstbpn.document",
        string="Document",
        required=True,
        index=True,
        ondelete="cascade",
    )
    committee_id = fields.Many2one(
        related="document_id.committee_id", string="Issued By", store=True, index=True
    )
    company_id = fields.Many2one(related="document_id.company_id", store=True)
    document_state = fields.Selection(related="document_id.state")
    sequence = fields.Integer(default=10)
    name = fields.Text(string="Task", required=True)
    kind = fields.Selection(
        TASK_KINDS,
        required=True,
        default="other",
        help="The record that fulfils the task and closes each addressee's line "
        "when it reaches its state; 'Other' is closed by hand.",
    )
    deadline_rule = fields.Selection(
        DEADLINE_RULES, string="Deadline", required=True, default="date"
    )
    deadline = fields.Date(
        string="Due On",
        compute="_compute_deadline",
        store=True,
        readonly=False,
        help="The day the task is due; for a yearly rule, its first day after "
        "the document's date.",
    )
    deadline_day = fields.Integer(string="Day")
    deadline_month = fields.Integer(string="Month")
    addressee_type = fields.Selection(
        ADDRESSEE_TYPES, string="Assigned To", required=True, default="units"
    )
    committee_ids = fields.Many2many(
        "vstbpn.committee",
        "vstbpn_document_task_committee_rel",
        "task_id",
        "committee_id",
        string="Units",
        help="The units that carry out the task; empty: every unit the document "
        "is sent to.",
    )
    member_ids = fields.Many2many(
        "vstbpn.committee.member",
        "vstbpn_document_task_member_rel",
        "task_id",
        "member_id",
        string="Members",
        help="The issuing committee's members who carry out the task.",
    )
    line_ids = fields.One2many(
        "vstbpn.document.task.line", "task_id", string="Follow-up"
    )
    line_count = fields.Integer(compute="_compute_line_counts")
    done_count = fields.Integer(compute="_compute_line_counts")

    @api.depends("deadline_rule", "deadline_day", "deadline_month", "document_id.date")
    def _compute_deadline(self):
        for task in self:
            if task.deadline_rule == "yearly":
                task.deadline = task._vstbpn_next_yearly_deadline()

    @api.depends("line_ids.state")
    def _compute_line_counts(self):
        groups = self.env["vstbpn.document.task.line"]._read_group(
            [("task_id", "in", self.ids)], ["task_id", "state"], ["__count"]
        )
        counts = {}
        for task, state, count in groups:
            total, done = counts.get(task, (0, 0))
            counts[task] = (total + count, done + (count if state == "done" else 0))
        for task in self:
            task.line_count, task.done_count = counts.get(task, (0, 0))

    @api.constrains("deadline_rule", "deadline_day", "deadline_month", "deadline")
    def _check_deadline(self):
        for task in self:
            if task.deadline_rule == "yearly":
                try:
                    date(2016, task.deadline_month, task.deadline_day)
                except (TypeError, ValueError) as error:
                    raise ValidationError(
                        self.env._(
                            "The task '%(task)s' is due before a day each year: give "
                            "a real day and month (e.g. 15 and 6 for 15/6).",
                            task=task._vstbpn_short_name(),
                        )
                    ) from error
            elif not task.deadline:
                raise ValidationError(
                    self.env._(
                        "Give the task '%(task)s' the date it is due.",
                        task=task._vstbpn_short_name(),
                    )
                )

    def _vstbpn_short_name(self):
        # the units addressed read their lines, not the issuer's tasks: the
        # text of their own task is theirs to read in every message
        name = self.sudo().name
        text = name.strip().splitlines()[0] if name else ""
        return text if len(text) <= 80 else text[:79] + "…"

    def _vstbpn_next_yearly_deadline(self):
        """The first day/month on or after the document's date."""
        start = self.document_id.date or vn_today(self.env)
        for year in (start.year, start.year + 1):
            try:
                day = date(year, self.deadline_month, self.deadline_day)
            except (TypeError, ValueError):
                return False
            if day >= start:
                return day
        return False

    # ONLY WHILE THE DOCUMENT IS A DRAFT

    @api.model_create_multi
    def create(self, vals_list):
        # the superuser alone may record the tasks of a document issued on
        # paper: the demo's directive, loaded into a database upgraded from a
        # release that had it already issued
        if not self.env.su:
            documents = self.env["vstbpn.document"].browse(
                {vals["document_id"] for vals in vals_list if vals.get("document_id")}
            )
            documents._vstbpn_check_tasks_editable()
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.context.get("vstbpn_workflow"):
            self.document_id._vstbpn_check_tasks_editable()
        return super().write(vals)

    def unlink(self):
        self.document_id._vstbpn_check_tasks_editable()
        return super().unlink()

    # ADDRESSEES

    def _vstbpn_addressees(self):
        """[(committee, member)] who get a follow-up line of the task."""
        self.ensure_one()
        document = self.document_id
        if self.addressee_type == "standing":
            return [(document.committee_id, self.env["vstbpn.committee.member"])]
        if self.addressee_type == "members":
            return [(member.committee_id, member) for member in self.member_ids]
        units = self.committee_ids or document.sudo().recipient_ids.committee_id
        return [(unit, self.env["vstbpn.committee.member"]) for unit in units]

    def _vstbpn_create_lines(self):
        """Each addressee's follow-up line, in one batch, with its to-do."""
        Line = self.env["vstbpn.document.task.line"]
        vals_list = [
            {
                "task_id": task.id,
                "committee_id": committee.id,
                "member_id": member.id or False,
                "deadline": task.deadline,
            }
            for task in self
            for committee, member in task._vstbpn_addressees()
        ]
        lines = (
            Line.sudo()
            .with_context(
                tracking_disable=True,
                mail_create_nolog=True,
                mail_create_nosubscribe=True,
            )
            .create(vals_list)
        )
        lines._vstbpn_schedule_todo()
        return lines


class VstbpnDocument(models.Model):
    _name = "vstbpn.document"
    _inherit = ["vstbpn.document", "vstbpn.task.fulfilment.mixin"]
    # a guidance issued to the units below fulfils the task asking for it
    _vstbpn_task_kind = "guidance"

    task_ids = fields.One2many(
        "vstbpn.document.task", "document_id", string="Tasks", copy=True
    )
    task_line_ids = fields.One2many(
        "vstbpn.document.task.line", "document_id", string="Follow-up"
    )
    task_line_count = fields.Integer(compute="_compute_task_line_count")

    @api.depends("task_line_ids")
    def _compute_task_line_count(self):
        groups = self.env["vstbpn.document.task.line"]._read_group(
            [("document_id", "in", self.ids)], ["document_id"], ["__count"]
        )
        counts = {document.id: count for document, count in groups}
        for document in self:
            document.task_line_count = counts.get(document.id, 0)

    def _vstbpn_check_tasks_editable(self):
        for document in self:
            if document.state != "draft":
                raise UserError(
                    self.env._(
                        "%(document)s has been issued: its tasks no longer change. "
                        "To assign other tasks, issue a new document.",
                        document=document.display_name,
                    )
                )

    def action_issue(self):
        result = super().action_issue()
        self.sudo().task_ids._vstbpn_create_lines()
        self._vstbpn_fulfil_tasks()
        return result

    def action_open_task_lines(self):
        self.ensure_one()
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vstbpn_committee.vstbpn_document_task_line_action_issued"
        )
        action["domain"] = [("document_id", "=", self.id)]
        action["context"] = {"search_default_group_task": 1}
        return action

    # TASKS (vstbpn.task.fulfilment.mixin): a guidance issued

    def _vstbpn_fulfils_tasks(self):
        return self.state == "issued" and self.document_type_id == self.env.ref(
            "vstbpn_committee.document_type_guidance", raise_if_not_found=False
        )

    def _vstbpn_task_date(self):
        return self.date

    def _vstbpn_task_line_domain(self):
        return [("document_id", "!=", self.id)]
