from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools import format_date

from ...tools import vn_today

EXTENSION_STATES = [
    ("requested", "Requested"),
    ("granted", "Granted"),
    ("refused", "Refused"),
]


class VstbpnDocumentTaskExtension(models.Model):
    """A unit asks the issuing committee for more time on a task (xin gia
    hạn): the new date and why. The issuer's officers get an activity and
    grant it, which moves the line's deadline and restarts its reminders, or
    refuse it with a reason; the unit is told either way. One open request
    per line at a time.
    """

    _name = "vstbpn.document.task.extension"
    _description = "Request for More Time on a Task"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "vstbpn.reason.mixin",
        "vstbpn.integrity.mixin",
    ]
    _order = "create_date desc, id desc"
    _vstbpn_tie_fields = ("line_id",)
    _vstbpn_derived_fields = (
        "state",
        "previous_deadline",
        "decided_user_id",
        "date_decided",
        "refusal_reason",
    )
    _vstbpn_reason_actions = {"action_refuse": {"access": "read"}}

    line_id = fields.Many2one(
        "vstbpn.document.task.line",
        string="Task Follow-up",
        required=True,
        index=True,
        ondelete="cascade",
    )
    committee_id = fields.Many2one(
        related="line_id.committee_id", string="Unit", store=True, index=True
    )
    issuer_committee_id = fields.Many2one(
        related="line_id.issuer_committee_id", store=True, string="Issued By"
    )
    document_id = fields.Many2one(related="line_id.document_id", string="Document")
    task_name = fields.Text(related="line_id.task_name")
    previous_deadline = fields.Date(string="Deadline Before", readonly=True)
    current_deadline = fields.Date(related="line_id.deadline", string="Due On")
    requested_deadline = fields.Date(string="New Deadline", required=True)
    reason = fields.Text(required=True)
    state = fields.Selection(
        EXTENSION_STATES, default="requested", required=True, tracking=True, index=True
    )
    decided_user_id = fields.Many2one("res.users", string="Decided By", readonly=True)
    date_decided = fields.Date(string="Decided On", readonly=True)
    refusal_reason = fields.Text(readonly=True)
    can_decide = fields.Boolean(compute="_compute_can_decide")

    @api.depends("line_id.task_id", "state")
    def _compute_display_name(self):
        for extension in self:
            extension.display_name = self.env._(
                "More time for %(line)s", line=extension.line_id.display_name
            )

    @api.depends_context("uid")
    @api.depends("state", "issuer_committee_id")
    def _compute_can_decide(self):
        for extension in self:
            extension.can_decide = (
                extension.state == "requested" and extension._vstbpn_is_issuer_user()
            )

    # CRUD

    @api.model_create_multi
    def create(self, vals_list):
        lines = self.env["vstbpn.document.task.line"].browse(
            [vals.get("line_id") for vals in vals_list if vals.get("line_id")]
        )
        lines._vstbpn_check_addressee_user()
        lines._vstbpn_check_open()
        extensions = super().create(vals_list)
        extensions._vstbpn_check_request()
        extensions._vstbpn_record_previous_deadline()
        extensions._vstbpn_ask_issuer()
        return extensions

    def write(self, vals):
        if not self.env.context.get("vstbpn_workflow") and self.filtered(
            lambda e: e.state != "requested"
        ):
            raise UserError(
                self.env._("The request has been decided: it no longer changes.")
            )
        result = super().write(vals)
        if "requested_deadline" in vals:
            self._vstbpn_check_request()
        return result

    def _vstbpn_record_previous_deadline(self):
        for extension in self:
            extension._vstbpn_trusted_write(
                {"previous_deadline": extension.line_id.deadline}
            )

    def _vstbpn_check_request(self):
        for extension in self:
            line = extension.line_id
            if line.deadline and extension.requested_deadline <= line.deadline:
                raise ValidationError(
                    self.env._(
                        "Ask for a date after the current deadline (%(deadline)s).",
                        deadline=format_date(self.env, line.deadline),
                    )
                )
            if len(line.sudo()._vstbpn_open_extension()) > 1:
                raise ValidationError(
                    self.env._(
                        "A request for more time on this task is already waiting "
                        "for the issuing committee's answer."
                    )
                )

    def _vstbpn_ask_issuer(self):
        self._vstbpn_schedule_for(
            {e: e.issuer_committee_id._get_officers() for e in self},
            lambda e: e.env._(
                "%(unit)s asks for more time: %(task)s, until %(deadline)s",
                unit=e.committee_id.name,
                task=e.line_id.task_id._vstbpn_short_name(),
                deadline=format_date(e.env, e.requested_deadline),
            ),
        )

    def _vstbpn_schedule_for(self, users_by_record, summary):
        """One activity per user, in the user's language, without e-mails."""
        activity_type = self.env.ref("mail.mail_activity_data_todo")
        model = self.env["ir.model"]._get_id(self._name)
        vals_list = [
            {
                "res_model_id": model,
                "res_id": record.id,
                "activity_type_id": activity_type.id,
                "automated": True,
                "summary": summary(record.with_context(lang=user.lang)),
                "user_id": user.id,
                "date_deadline": vn_today(self.env),
            }
            for record, users in users_by_record.items()
            for user in users
        ]
        self.env["mail.activity"].sudo().with_context(
            mail_activity_quick_update=True
        ).create(vals_list)

    # RIGHTS

    def _vstbpn_is_issuer_user(self):
        self.ensure_one()
        user = self.env.user
        return self.env.su or (
            user.has_group("vstbpn_committee.group_officer")
            and self.issuer_committee_id in user.vstbpn_allowed_committee_ids
        )

    def _vstbpn_check_decision(self):
        self.check_access("read")
        for extension in self:
            if not extension._vstbpn_is_issuer_user():
                raise AccessError(
                    self.env._(
                        "Only the officers of %(issuer)s, which assigned the task, "
                        "grant or refuse more time.",
                        issuer=extension.issuer_committee_id.name,
                    )
                )
            if extension.state != "requested":
                raise UserError(
                    self.env._("The request has already been granted or refused.")
                )

    # ACTIONS

    def action_grant(self):
        """The line's deadline moves to the date asked for."""
        self._vstbpn_check_decision()
        self._vstbpn_decide({"state": "granted"})
        for extension in self:
            extension.line_id._vstbpn_move_deadline(extension.requested_deadline)
        self._vstbpn_tell_unit(
            lambda e: e.env._(
                "More time granted: %(task)s is now due on %(deadline)s",
                task=e.line_id.task_id._vstbpn_short_name(),
                deadline=format_date(e.env, e.requested_deadline),
            )
        )
        return True

    def action_refuse(self, reason):
        """The deadline stays; the unit is told why."""
        self._vstbpn_required_reason(
            reason,
            self.env._("Say why more time is refused: the unit is told."),
        )
        self._vstbpn_check_decision()
        self._vstbpn_decide({"state": "refused", "refusal_reason": reason})
        self._vstbpn_tell_unit(
            lambda e: e.env._(
                "More time refused for %(task)s: %(reason)s",
                task=e.line_id.task_id._vstbpn_short_name(),
                reason=reason,
            )
        )
        return True

    def action_open_refuse_wizard(self):
        self._vstbpn_check_decision()
        return self._vstbpn_open_reason_wizard(
            "action_refuse", self.env._("Refuse More Time")
        )

    def _vstbpn_decide(self, vals):
        self._vstbpn_trusted_write(
            {
                **vals,
                "decided_user_id": self.env.uid,
                "date_decided": vn_today(self.env),
            }
        )
        self.sudo().activity_ids.action_feedback()

    def _vstbpn_tell_unit(self, summary):
        self._vstbpn_schedule_for(
            {e: e.line_id._vstbpn_responsible_users()[e.line_id] for e in self.sudo()},
            summary,
        )
        for extension in self:
            extension._vstbpn_post_note(summary(extension))
