from odoo import fields, models
from odoo.exceptions import AccessError, UserError

from ...core.models.vstbpn_numbered_document_mixin import BLANK_NUMBER
from ...tools import VN_TZ, vn_today

BODY_MAX_TITLE = 500


class VstbpnDocumentSourceMixin(models.AbstractModel):
    """A record of the committees' work that is issued as an official document
    (``vstbpn.document``): an approved work plan (KẾ HOẠCH), the minutes of a
    meeting (BIÊN BẢN), an inspection's conclusion notice (THÔNG BÁO).

    Issuing creates the document from the record, with the text the record
    prints, and issues it: it takes the next number of its committee's yearly
    series and goes to its addressees like any other document. It happens
    once; the record then prints with that number.

    Configured by class attributes: ``_vstbpn_document_link_field`` (the
    Many2one to ``vstbpn.document``), ``_vstbpn_document_type_xmlid`` and
    ``_vstbpn_document_abbreviation`` (of the type, in the number printed
    before the document is issued), ``_vstbpn_document_date_field`` (the
    record's date that the printed copy carries until it is issued). Hooks:
    ``_vstbpn_document_source_committee()`` (the issuer, whose parent body,
    name and place head the printed layout) and
    ``_vstbpn_document_source_values()`` (subject, date, text, addressees,
    signer of the document).
    """

    _name = "vstbpn.document.source.mixin"
    _inherit = ["vstbpn.official.document.mixin"]
    _description = "Issued as an Official Document"

    _vstbpn_document_link_field = "document_id"
    _vstbpn_document_type_xmlid = ""
    _vstbpn_document_body_template = ""
    _vstbpn_document_abbreviation = ""
    _vstbpn_document_date_field = ""

    def _vstbpn_document_source_committee(self):
        return self.committee_id

    # PRINTING: the issuer's part of the layout

    def _vstbpn_document_parent_body(self):
        return self._vstbpn_document_source_committee().organization_partner_id.name

    def _vstbpn_document_issuer(self):
        return self._vstbpn_document_source_committee().name

    def _vstbpn_document_number(self):
        return self._vstbpn_document_reference_or_blank(
            self._vstbpn_document_abbreviation
        )

    def _vstbpn_document_place(self):
        return self._vstbpn_document_source_committee()._vstbpn_document_place_name()

    def _vstbpn_document_date(self):
        """The issued document's date; before that, the record's own date,
        or today for a draft."""
        field = self._vstbpn_document_date_field
        return (
            self._vstbpn_issued_document().date
            or (field and self[field])
            or vn_today(self.env)
        )

    def _vstbpn_document_source_values(self):
        """``vstbpn.document`` values: subject, date, addressees, signer..."""
        raise NotImplementedError

    def _vstbpn_issued_document(self):
        return self[self._vstbpn_document_link_field]

    def _vstbpn_may_issue_document(self):
        """Documents are numbered in the issuer's series by its own officers."""
        self.ensure_one()
        user = self.env.user
        if self.env.su or user.has_group("vstbpn_committee.group_admin"):
            return True
        committee = self._vstbpn_document_source_committee()
        return (
            user.has_group("vstbpn_committee.group_officer")
            and committee in user.vstbpn_allowed_committee_ids
        )

    def _vstbpn_issue_documents(self, is_ready, not_ready):
        """Issue each record's document, once: ``is_ready(record)`` says
        whether its workflow has reached the stage that is issued,
        ``not_ready(record)`` what to do first. Only the issuer's officers
        number its documents."""
        self.check_access("read")
        for record in self:
            if not is_ready(record):
                raise UserError(not_ready(record))
            if not record._vstbpn_may_issue_document():
                raise AccessError(
                    self.env._(
                        "%(record)s is issued by an officer of %(committee)s.",
                        record=record.display_name,
                        committee=record._vstbpn_document_source_committee()
                        .sudo()
                        .name,
                    )
                )
            record._vstbpn_issue_official_document()
        return True

    def _vstbpn_document_signature(self):
        """Signed for the committee by its head: TM. BAN ... / TRƯỞNG BAN."""
        committee = self._vstbpn_document_source_committee().sudo()
        return {
            "authority": "TM.",
            "body": committee.name.upper(),
            "title": self.env._("Head").upper(),
            "name": committee.head_partner_id.name or "",
        }

    def _vstbpn_document_signer_values(self):
        """The document's signer fields, from the record's signature block."""
        signature = self._vstbpn_document_signature()
        return {
            "signer_authority": signature.get("authority") or False,
            "signer_authority_body": signature.get("body") or False,
            "signer_title": signature.get("title") or False,
            "signer_position": signature.get("position") or False,
            "signer_name": signature.get("name") or "",
        }

    def _vstbpn_issue_document_if_possible(self):
        """Issue the record's document when the user numbers its committee's
        documents and the committee has its symbol; otherwise say, in the
        chatter, why it is not numbered yet. Returns the document, if any."""
        self.ensure_one()
        if self._vstbpn_issued_document() or not self._vstbpn_may_issue_document():
            return self._vstbpn_issued_document()
        committee = self._vstbpn_document_source_committee().sudo()
        if not committee.document_symbol:
            self._vstbpn_post_document_note(
                self.env._(
                    "Not numbered as an official document: %(committee)s has no "
                    "document symbol (e.g. 'BVSTBPN'). Set it on the committee, "
                    "then print again to issue it.",
                    committee=committee.name,
                )
            )
            return self._vstbpn_issued_document()
        return self._vstbpn_issue_official_document()

    def _vstbpn_post_document_note(self, body):
        """A note in the record's chatter, whoever the user."""
        if hasattr(self, "_vstbpn_post_note"):
            return self._vstbpn_post_note(body)
        return self.sudo().message_post(
            body=body, message_type="comment", subtype_xmlid="mail.mt_note"
        )

    def _vstbpn_issue_official_document(self):
        """Create and issue the record's document, once; return it."""
        self.ensure_one()
        document = self._vstbpn_issued_document()
        if document:
            return document
        committee = self._vstbpn_document_source_committee()
        values = self._vstbpn_document_source_values()
        if not (values.get("signer_name") or "").strip():
            raise UserError(
                self.env._(
                    "%(record)s cannot be issued as an official document: nobody "
                    "signs it. Record the head of %(committee)s (or the person who "
                    "chaired or led it).",
                    record=self.display_name,
                    committee=committee.name,
                )
            )
        document = self.env["vstbpn.document"].create(
            dict(
                values,
                committee_id=committee.id,
                document_type_id=self.env.ref(self._vstbpn_document_type_xmlid).id,
                subject=(values.get("subject") or "")[:BODY_MAX_TITLE],
            )
        )
        # signed under the record's own workflow (its sign-off, or the
        # people who chaired or led it), not as a draft of the committee's
        document._vstbpn_issue()
        # checked by the caller: the record's workflow issues it
        self.sudo().with_context(vstbpn_workflow=True).write(
            {self._vstbpn_document_link_field: document.id}
        )
        return document

    def _vstbpn_render_document_body(self, **values):
        """The record's text, as printed, for the document's body."""
        self.ensure_one()
        lang = self._vstbpn_document_lang()
        record = self.with_context(lang=lang)
        # printed in Viet Nam's time, as the document is dated (vn_today)
        tz_env = self.with_context(tz=VN_TZ)
        return (
            self.env["ir.qweb"]
            .with_context(lang=lang)
            ._render(
                self._vstbpn_document_body_template,
                dict(
                    values,
                    o=record,
                    context_timestamp=lambda moment: fields.Datetime.context_timestamp(
                        tz_env, moment
                    ),
                ),
            )
        )

    def _vstbpn_document_reference_or_blank(self, abbreviation):
        """``05/KH-BVSTBPN`` once issued; before, room for the number."""
        document = self._vstbpn_issued_document()
        if document.document_reference:
            return document.document_reference
        symbol = self._vstbpn_document_source_committee().document_symbol
        return (
            f"{BLANK_NUMBER}/{abbreviation}-{symbol}"
            if symbol
            else f"{BLANK_NUMBER}/{abbreviation}"
        )
