from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_date

from ...tools import form_action, vn_today

CARRY_OUT_ACTIVITY = "vstbpn_committee.mail_activity_type_document_carry_out"


class VstbpnDocumentRecipient(models.Model):
    """A committee an issued document was sent to, asked to read and carry it
    out, and whether it has acknowledged it.

    Created when the document is issued, one per addressed committee, in one
    batch however many (a national document to every commune). The committee's
    officers get a "read and carry out" activity, reminders before the
    document's deadline if it has one, and the issuer's officers are told once
    it has passed (``vstbpn.deadline.mixin``). An officer of the addressed
    committee acknowledges it; so may the officers above who act for a
    committee without officers of its own.
    """

    _name = "vstbpn.document.recipient"
    _description = "Addressed Committee of a Document"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "vstbpn.committee.owned.mixin",
        "vstbpn.deadline.mixin",
    ]
    _order = "document_id desc, committee_id"
    _rec_names_search = ["document_id.document_reference", "committee_id.name"]
    _vstbpn_tie_fields = ("committee_id", "document_id")
    _vstbpn_unique_fields = ("document_id", "committee_id")
    _vstbpn_derived_fields = (
        "date_acknowledged",
        "acknowledged_user_id",
        "last_reminder_date",
        "escalation_date",
    )
    _vstbpn_deadline_field = "deadline"
    _vstbpn_done_date_field = "date_acknowledged"
    _vstbpn_todo_activity = CARRY_OUT_ACTIVITY

    document_id = fields.Many2one(
        "vstbpn.document",
        string="Document",
        required=True,
        index=True,
        ondelete="cascade",
    )
    committee_id = fields.Many2one(string="Addressed Committee")
    issuer_committee_id = fields.Many2one(
        related="document_id.committee_id", string="Issued By", store=True
    )
    document_state = fields.Selection(
        related="document_id.state", string="Document Status"
    )
    document_type_id = fields.Many2one(related="document_id.document_type_id")
    document_reference = fields.Char(related="document_id.document_reference")
    subject = fields.Char(related="document_id.subject")
    date = fields.Date(related="document_id.date", string="Document Date")
    deadline = fields.Date(
        related="document_id.deadline", string="Carry Out By", store=True
    )
    date_acknowledged = fields.Date(
        string="Acknowledged On", readonly=True, copy=False, tracking=True
    )
    acknowledged_user_id = fields.Many2one(
        "res.users", string="Acknowledged By", readonly=True, copy=False
    )
    is_acknowledged = fields.Boolean(
        string="Acknowledged",
        compute="_compute_is_acknowledged",
        store=True,
        index=True,
    )
    can_acknowledge = fields.Boolean(compute="_compute_can_acknowledge")

    _sql_constraints = [
        (
            "document_committee_unique",
            "unique(document_id, committee_id)",
            "A document is sent once to each committee.",
        ),
    ]

    @api.depends("document_id.document_reference", "committee_id.name")
    def _compute_display_name(self):
        for recipient in self:
            document = recipient.document_id.document_reference or self.env._("Draft")
            recipient.display_name = f"{document} → {recipient.committee_id.name}"

    @api.depends("date_acknowledged")
    def _compute_is_acknowledged(self):
        for recipient in self:
            recipient.is_acknowledged = bool(recipient.date_acknowledged)

    @api.depends_context("uid")
    @api.depends("date_acknowledged", "document_id.state")
    def _compute_can_acknowledge(self):
        for recipient in self:
            recipient.can_acknowledge = (
                recipient.document_id.state == "issued"
                and not recipient.date_acknowledged
                and recipient._vstbpn_may_acknowledge()
            )

    def _vstbpn_refuse_duplicate(self, values, other):
        raise UserError(
            self.env._(
                "%(document)s has already been sent to %(committee)s.",
                document=self.env["vstbpn.document"]
                .browse(values["document_id"])
                .sudo()
                .display_name,
                committee=self.env["vstbpn.committee"]
                .browse(values["committee_id"])
                .sudo()
                .name,
            )
        )

    # DEADLINES (vstbpn.deadline.mixin)

    def _vstbpn_deadline_domain(self):
        return [("date_acknowledged", "=", False), ("document_id.state", "=", "issued")]

    def _vstbpn_responsible_users(self):
        """The addressed committee's officers, or those of the nearest committee
        above that has any; never the issuer's own, who wrote it."""
        officers_of = {}

        def officers(committee):
            if committee not in officers_of:
                officers_of[committee] = committee._get_officers()
            return officers_of[committee]

        return {
            recipient: officers(recipient.committee_id)
            - officers(recipient.document_id.committee_id)
            for recipient in self
        }

    def _vstbpn_escalation_users(self):
        """Once the deadline has passed, the issuer's officers are told."""
        return {
            recipient: recipient.document_id.committee_id._get_officers()
            for recipient in self
        }

    def _vstbpn_todo_summary(self):
        return self.env._(
            "Read and carry out %(document)s", document=self.document_id.display_name
        )

    def _vstbpn_reminder_summary(self):
        return self.env._(
            "Reminder: %(document)s is to be carried out by %(deadline)s",
            document=self.document_id.display_name,
            deadline=format_date(self.env, self.deadline),
        )

    def _vstbpn_escalation_summary(self):
        return self.env._(
            "Overdue: %(unit)s has not acknowledged %(document)s",
            unit=self.committee_id.name,
            document=self.document_id.display_name,
        )

    # ACKNOWLEDGEMENT

    def _vstbpn_may_acknowledge(self):
        self.ensure_one()
        return bool(self._vstbpn_acknowledgeable())

    def _vstbpn_acknowledgeable(self):
        """Those of ``self`` the user acknowledges: officers acknowledge for
        their own committees, and for those below that have no officer of
        their own when they are asked to act for them; administrators for
        all."""
        user = self.env.user
        if self.env.su or user.has_group("vstbpn_committee.group_admin"):
            return self
        if not user.has_group("vstbpn_committee.group_officer"):
            return self.browse()
        own = user.vstbpn_allowed_committee_ids
        mine = self.filtered(lambda r: r.committee_id in own)
        others = self - mine
        if others:
            responsible = others._vstbpn_responsible_users()
            mine |= others.filtered(lambda r: user in responsible[r])
        return mine

    def action_acknowledge(self):
        """The addressed committee has read the document and carries it out."""
        self.check_access("read")
        for recipient in self:
            recipient._vstbpn_check_acknowledgeable()
        self._vstbpn_acknowledge()
        return True

    def _vstbpn_check_acknowledgeable(self):
        self.ensure_one()
        if self.document_id.state != "issued":
            raise UserError(
                self.env._(
                    "%(document)s is no longer in force (it was cancelled): there is "
                    "nothing to acknowledge.",
                    document=self.document_id.display_name,
                )
            )
        if self.date_acknowledged:
            raise UserError(
                self.env._(
                    "%(committee)s already acknowledged %(document)s on %(date)s.",
                    committee=self.committee_id.name,
                    document=self.document_id.display_name,
                    date=format_date(self.env, self.date_acknowledged),
                )
            )
        if not self._vstbpn_may_acknowledge():
            raise AccessError(
                self.env._(
                    "Only the officers of %(committee)s acknowledge %(document)s for "
                    "it.",
                    committee=self.committee_id.name,
                    document=self.document_id.display_name,
                )
            )

    def _vstbpn_acknowledge(self):
        """Record the acknowledgement; the checks are the caller's."""
        if not self:
            return
        self._vstbpn_trusted_write(
            {
                "date_acknowledged": vn_today(self.env),
                "acknowledged_user_id": self.env.uid,
            }
        )
        # its activities (read and carry out, reminders) are done; the note on
        # the document says who acknowledged it
        self.sudo().activity_ids.unlink()
        for document, recipients in self.grouped("document_id").items():
            names = ", ".join(recipients.committee_id.sudo().mapped("name"))
            document._vstbpn_post_note(
                Markup("<p>%s</p>")
                % self.env._(
                    "Acknowledged by %(user)s for %(committees)s.",
                    user=self.env.user.name,
                    committees=names,
                )
            )

    # ACTIONS

    def action_open_document(self):
        self.ensure_one()
        return form_action(self.document_id)
