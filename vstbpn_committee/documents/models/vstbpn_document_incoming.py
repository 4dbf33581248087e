from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

from ...tools import form_action, vn_today

INCOMING_STATES = [
    ("registered", "Registered"),
    ("answered", "Answered"),
]


class VstbpnDocumentIncoming(models.Model):
    """A document a committee received from outside its tree: from the
    ministry, the People's Committee (UBND), the national committee... with
    the issuer's own number, date and name.

    Registered in the committee's book of incoming documents (sổ đăng ký văn
    bản đến, Decree 30/2020/NĐ-CP, Art. 22): a "số đến" that runs from 01 on
    1 January, given once, by Odoo's gapless sequence per committee and year.
    Answered by an official document of the committee (``vstbpn.document``,
    addressed to the issuer), drafted from it: issuing that answer marks it
    answered.
    """

    _name = "vstbpn.document.incoming"
    _description = "Incoming Document"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "vstbpn.committee.owned.mixin",
    ]
    _order = "date_received desc, register_number desc, id desc"
    _rec_names_search = ["external_reference", "subject", "issuer_partner_id.name"]
    _vstbpn_derived_fields = (
        "register_number",
        "register_year",
        "state",
        "answer_document_id",
    )
    _vstbpn_max_lengths = {"subject": 500, "external_reference": 64}

    committee_id = fields.Many2one(
        string="Received By", default=lambda self: self._default_committee()
    )
    issuer_partner_id = fields.Many2one(
        "res.partner",
        string="Issued By",
        required=True,
        tracking=True,
        help="The agency that issued it: the ministry, the People's Committee...",
    )
    external_reference = fields.Char(
        string="Its Number",
        required=True,
        tracking=True,
        help="The number and symbol the issuer gave it, e.g. 178/QĐ-TTg.",
    )
    date = fields.Date(
        string="Its Date", required=True, tracking=True, help="The date it bears."
    )
    date_received = fields.Date(
        string="Received On",
        required=True,
        default=lambda self: vn_today(self.env),
        tracking=True,
    )
    document_type_id = fields.Many2one(
        "vstbpn.document.type", string="Document Type", ondelete="restrict"
    )
    subject = fields.Char(required=True, tracking=True)
    deadline = fields.Date(
        string="Answer By",
        tracking=True,
        help="Optional: the date by which the issuer expects the answer.",
    )
    file = fields.Binary(string="Scanned Copy", attachment=True)
    file_name = fields.Char()
    register_number = fields.Integer(
        string="Incoming No.",
        readonly=True,
        copy=False,
        aggregator=None,
        help="Its number in the committee's book of incoming documents, from 01 "
        "each year.",
    )
    register_year = fields.Integer(readonly=True, copy=False, aggregator=None)
    state = fields.Selection(
        INCOMING_STATES,
        string="Status",
        default="registered",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
    )
    answer_document_id = fields.Many2one(
        "vstbpn.document",
        string="Answer",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
    )

    @api.model
    def _default_committee(self):
        return self.env["vstbpn.document"]._default_committee()

    @api.depends("register_number", "external_reference", "subject")
    def _compute_display_name(self):
        for incoming in self:
            number = (
                f"{incoming.register_number:02d}" if incoming.register_number else ""
            )
            incoming.display_name = " · ".join(
                part for part in (number, incoming.external_reference) if part
            ) or (incoming.subject or "")

    @api.constrains("date", "date_received")
    def _check_dates(self):
        for incoming in self:
            if incoming.date and incoming.date_received < incoming.date:
                raise ValidationError(
                    self.env._(
                        "%(reference)s is dated %(date)s: it cannot have been "
                        "received before, on %(received)s. Check both dates.",
                        reference=incoming.external_reference,
                        date=format_date(self.env, incoming.date),
                        received=format_date(self.env, incoming.date_received),
                    )
                )

    # THE BOOK OF INCOMING DOCUMENTS

    @api.model_create_multi
    def create(self, vals_list):
        records = super().create(vals_list)
        for incoming in records.sorted(lambda r: (r.date_received, r.id)):
            incoming._vstbpn_register()
        return records

    def _vstbpn_register(self):
        """The next "số đến" of the committee's book for the year received."""
        self.ensure_one()
        sequence = self.committee_id._vstbpn_incoming_sequence()
        number = sequence.next_by_id(sequence_date=self.date_received)
        self._vstbpn_trusted_write(
            {"register_number": int(number), "register_year": self.date_received.year}
        )

    def write(self, vals):
        if "date_received" in vals and not self.env.context.get("vstbpn_workflow"):
            self._vstbpn_check_same_year(vals["date_received"])
        return super().write(vals)

    def _vstbpn_check_same_year(self, date_received):
        """The number belongs to the year's book: a correction of the day
        received stays in that year."""
        year = fields.Date.to_date(date_received).year if date_received else None
        for incoming in self:
            if incoming.register_year and year != incoming.register_year:
                raise UserError(
                    self.env._(
                        "%(document)s is number %(number)02d of the book of "
                        "%(year)s: its day received stays in %(year)s. Register a "
                        "document received in another year anew.",
                        document=incoming.external_reference,
                        number=incoming.register_number,
                        year=incoming.register_year,
                    )
                )

    # ANSWERING

    def action_answer(self):
        """A draft answer of the committee, addressed to the issuer."""
        self.ensure_one()
        self.check_access("write")
        if self.answer_document_id:
            return form_action(self.answer_document_id)
        answer = self.env["vstbpn.document"].create(self._vstbpn_answer_values())
        return form_action(answer)

    def _vstbpn_answer_values(self):
        return {
            "committee_id": self.committee_id.id,
            "subject": self.env._(
                "Answer to %(reference)s of %(date)s",
                reference=self.external_reference,
                date=self.date.strftime("%d/%m/%Y"),
            ),
            "addressee_mode": "manual",
            "addressee_partner_ids": [fields.Command.set(self.issuer_partner_id.ids)],
            "reply_to_incoming_id": self.id,
        }

    def _vstbpn_answered_by(self, document):
        self._vstbpn_trusted_write(
            {"state": "answered", "answer_document_id": document.id}
        )
        for incoming in self:
            incoming._vstbpn_post_note(
                self.env._("Answered by %(document)s.", document=document.display_name)
            )

    def action_open_answer(self):
        self.ensure_one()
        return form_action(self.answer_document_id)


class VstbpnCommittee(models.Model):
    _inherit = "vstbpn.committee"

    def _vstbpn_incoming_sequence(self):
        """The committee's book of incoming documents: a gapless sequence
        restarting each year, created the first time it is needed."""
        self.ensure_one()
        code = f"vstbpn.document.incoming.{self.id}"
        Sequence = self.env["ir.sequence"].sudo()
        return Sequence.search([("code", "=", code)], limit=1) or Sequence.create(
            {
                "name": self.env._(
                    "Incoming documents of %(committee)s", committee=self.name
                ),
                "code": code,
                "implementation": "no_gap",
                "use_date_range": True,
                "padding": 1,
                "company_id": False,
            }
        )


class VstbpnDocument(models.Model):
    _inherit = "vstbpn.document"
    # an answer stays the answer to what its own committee received
    _vstbpn_tie_fields = ("committee_id", "reply_to_incoming_id")
    _vstbpn_link_scopes = {
        "addressee_committee_ids": "below",
        "reply_to_incoming_id": "same",
    }

    reply_to_incoming_id = fields.Many2one(
        "vstbpn.document.incoming",
        string="In Answer To",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
    )

    def action_issue(self):
        result = super().action_issue()
        for document in self.filtered("reply_to_incoming_id"):
            document.reply_to_incoming_id._vstbpn_answered_by(document)
        return result
