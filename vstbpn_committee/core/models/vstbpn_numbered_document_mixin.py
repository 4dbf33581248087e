from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from .vstbpn_official_document_mixin import SIGNING_AUTHORITIES

# Room for the number that a draft does not have yet.
BLANK_NUMBER = "\u00a0" * 8


class VstbpnNumberedDocumentMixin(models.AbstractModel):
    """An official document of a committee with its type, number, symbol and
    signer (Decree 30/2020/NĐ-CP).

    The number comes from the issuing committee's own yearly series (Art. 15;
    ``vstbpn.document.counter``) when the model's issuing action calls
    ``_vstbpn_assign_numbers()``, after its own checks: never before, never
    twice. A number typed by hand (a document registered elsewhere, or
    recorded after the fact) is kept if no other document of the series has
    it. The symbol is built as the decree writes it, ``15/KH-BVSTBPN``, from
    the type's abbreviation and the committee's ``document_symbol``, and
    frozen with the number.

    Configured by class attributes: ``_vstbpn_document_date_field`` (the date
    whose year the number belongs to). The model also inherits
    ``vstbpn.committee.owned.mixin``: the issuer is its committee. Hook:
    ``_vstbpn_number_taken_domain()``, the records whose number is given for
    good (default: not in draft).

    Models whose number is typed because another body issues them (the
    People's Committee's decisions) use the signer and the layout only.
    """

    _name = "vstbpn.numbered.document.mixin"
    _inherit = ["vstbpn.official.document.mixin"]
    _description = "Numbered Official Document"

    _vstbpn_document_date_field = "date"

    document_type_id = fields.Many2one(
        "vstbpn.document.type",
        string="Document Type",
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    document_number = fields.Integer(
        string="Number",
        copy=False,
        tracking=True,
        help="Given from the committee's yearly series when the document is "
        "issued. Type it only for a number given elsewhere (registered by the "
        "clerical office, or a document recorded after the fact).",
    )
    document_symbol = fields.Char(
        string="Symbol",
        copy=False,
        readonly=True,
        help="Set when the document is issued, e.g. 'KH-BVSTBPN'.",
    )
    document_year = fields.Integer(
        string="Year",
        compute="_compute_document_year",
        store=True,
        index=True,
        aggregator=None,
    )
    document_reference = fields.Char(
        string="Reference Number",
        compute="_compute_document_reference",
        store=True,
        index=True,
        help="As printed after 'Số:', e.g. 15/KH-BVSTBPN.",
    )
    signer_name = fields.Char(string="Signed By", tracking=True)
    signer_authority = fields.Selection(
        SIGNING_AUTHORITIES,
        string="Signing Authority",
        help="The prefix of the signature block, e.g. 'TM.' for a collective body.",
    )
    signer_authority_body = fields.Char(
        string="On Behalf Of",
        help="Who the signer signs for, e.g. 'ỦY BAN NHÂN DÂN' after 'TM.', "
        "or 'CHỦ TỊCH' after 'KT.'.",
    )
    signer_title = fields.Char(
        string="Signer's Title", help="E.g. 'PHÓ CHỦ TỊCH'.", tracking=True
    )
    signer_position = fields.Char(
        string="Position Above the Name",
        help="Printed between the signature and the name, where the signer "
        "holds another office, e.g. 'PHÓ CHỦ TỊCH UBND TỈNH' under 'TRƯỞNG BAN'.",
    )

    @api.depends(lambda self: (self._vstbpn_document_date_field,))
    def _compute_document_year(self):
        for record in self:
            day = record[record._vstbpn_document_date_field]
            record.document_year = day.year if day else 0

    @api.depends("document_number", "document_symbol")
    def _compute_document_reference(self):
        for record in self:
            record.document_reference = (
                self.vstbpn_format_document_number(
                    record.document_number, record.document_symbol
                )
                if record.document_number
                else False
            )

    # NUMBERING

    def _vstbpn_prospective_symbol(self):
        """The symbol the document will carry: its type's and its committee's."""
        self.ensure_one()
        return self.document_type_id._vstbpn_symbol(self.committee_id.sudo())

    def _vstbpn_series_type(self):
        """The type whose series numbers the document; none for the single one."""
        self.ensure_one()
        if self.committee_id.sudo().document_numbering == "per_type":
            return self.document_type_id
        return self.env["vstbpn.document.type"]

    def _vstbpn_number_taken_domain(self):
        """Hook: the records whose number is given for good."""
        return [("state", "!=", "draft")]

    def _vstbpn_numbered_models(self):
        mixin = self.env.registry["vstbpn.numbered.document.mixin"]
        return [
            self.env[name]
            for name, model in self.env.registry.items()
            if not model._abstract and issubclass(model, mixin)
        ]

    def _vstbpn_numbers_taken(self, number=None, above=0):
        """Numbers given in this record's series, by any numbered model of the
        suite (plans, reports, letters share the committee's series):
        ``{number: record}``, limited to ``number`` when given, and to those
        after ``above`` (the last one the series gave: only numbers typed by
        hand can be beyond it)."""
        self.ensure_one()
        domain = [
            ("committee_id", "=", self.committee_id.id),
            ("document_year", "=", self.document_year),
            ("document_number", "!=", False),
        ]
        series_type = self._vstbpn_series_type()
        if series_type:
            domain.append(("document_type_id", "=", series_type.id))
        if number:
            domain.append(("document_number", "=", number))
        if above:
            domain.append(("document_number", ">", above))
        taken = {}
        for Model in self._vstbpn_numbered_models():
            records = (
                Model.sudo()
                .with_context(active_test=False)
                .search(domain + Model._vstbpn_number_taken_domain())
            )
            if Model._name == self._name:
                records -= self.sudo()
            for record in records:
                taken.setdefault(record.document_number, record)
        return taken

    def _vstbpn_assign_numbers(self):
        """Give each record its number and symbol, in its series, locked until
        the transaction ends. The caller writes the state that makes the number
        taken in the same transaction, right after."""
        Counter = self.env["vstbpn.document.counter"].sudo()
        for record in self:
            record._vstbpn_check_numberable()
            counter = Counter._vstbpn_lock_series(
                record.committee_id,
                record.document_year,
                record._vstbpn_series_type(),
            )
            number = record.document_number
            if number:
                record._vstbpn_check_number_free(number)
            else:
                typed = record._vstbpn_numbers_taken(above=counter.last_number)
                number = counter._vstbpn_give_number(typed)
            record._vstbpn_trusted_write(
                {
                    "document_number": number,
                    "document_symbol": record._vstbpn_prospective_symbol(),
                }
            )

    def _vstbpn_check_numberable(self):
        self.ensure_one()
        if not self.document_type_id:
            raise UserError(
                self.env._(
                    "%(document)s has no document type: choose one (plan, report, "
                    "official letter...) before it is numbered.",
                    document=self.display_name,
                )
            )
        if self.document_number and self.document_number < 1:
            raise ValidationError(
                self.env._(
                    "A document number starts at 1: %(number)s is not one.",
                    number=self.document_number,
                )
            )

    def _vstbpn_check_number_free(self, number):
        """Refuse a number typed by hand that the series has already given."""
        self.ensure_one()
        other = self._vstbpn_numbers_taken(number).get(number)
        if other:
            reference = self.vstbpn_format_document_number(
                number, other.document_symbol
            )
            raise ValidationError(
                self.env._(
                    "Number %(number)s of %(year)s is already taken by %(other)s "
                    "(%(reference)s): %(committee)s gives each number once a year. "
                    "Leave the number empty to get the next one.",
                    number=number,
                    year=self.document_year,
                    other=other.display_name,
                    reference=reference,
                    committee=self.committee_id.sudo().name,
                )
            )

    # PRINTING (vstbpn.official.document.mixin hooks)

    def _vstbpn_document_number(self):
        if self.document_number:
            return self.vstbpn_format_document_number(
                self.document_number,
                self.document_symbol or self._vstbpn_prospective_symbol(),
            )
        # room for the number the clerical office writes in by hand
        symbol = self._vstbpn_prospective_symbol()
        return f"{BLANK_NUMBER}/{symbol}" if symbol else BLANK_NUMBER

    def _vstbpn_document_signature(self):
        return {
            "authority": self.signer_authority or "",
            "body": (self.signer_authority_body or "").upper(),
            "title": (self.signer_title or "").upper(),
            "position": (self.signer_position or "").upper(),
            "name": self.signer_name or "",
        }
