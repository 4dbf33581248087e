"""A draft's text out to Word and back (issue 19 §4): offices edit a text in
Word before it is signed. The DOCX holds the subject and the body as
paragraphs, lists and tables, in Times New Roman 14 as Decree 30 sets; the
heading blocks (issuer, number, date) and the signature stay the suite's, as
they are printed from the record. Reading a DOCX back keeps paragraphs,
bold, italic, underline and tables; the body's sanitizer then cleans it.
The conversion and the upload are shared with reports and work plans
(``core/docx_tools.py``, ``vstbpn.docx.mixin``)."""

from markupsafe import Markup

from odoo import fields, models
from odoo.exceptions import UserError

from ...core.docx_tools import docx_to_html, html_to_docx

__all__ = ["docx_to_html", "html_to_docx"]


class VstbpnDocument(models.Model):
    _name = "vstbpn.document"
    _inherit = ["vstbpn.document", "vstbpn.docx.mixin"]

    _vstbpn_docx_wizard = "vstbpn.document.docx.import"

    def _vstbpn_docx_file_name(self):
        return self.document_reference or self.subject or "van-ban"

    def _vstbpn_docx_check_exportable(self):
        """Any document's text goes to Word: an issued one's as the model of
        the next; only the upload is for drafts."""

    def _vstbpn_docx_content(self):
        """The draft's subject and body only: the rest is the record's."""
        return html_to_docx(self.subject, self.body)

    def _vstbpn_docx_values(self, html):
        """The body, without the subject line Word shows first (the export's)."""
        html = _without_subject(html, self.subject)
        if not html.strip():
            raise UserError(
                self.env._("The Word file holds no text: nothing was replaced.")
            )
        return {"body": html}


class VstbpnDocumentDocxImport(models.TransientModel):
    """The text of a draft as edited in Word, uploaded back as its body."""

    _name = "vstbpn.document.docx.import"
    _inherit = ["vstbpn.docx.import.mixin"]
    _description = "Text of a Document Edited in Word"
    _vstbpn_docx_record_field = "document_id"

    document_id = fields.Many2one("vstbpn.document", required=True, ondelete="cascade")


def _without_subject(html, subject):
    """The body without the subject paragraph the export put first."""
    first = Markup("<p><strong>%s</strong></p>") % (subject or "")
    return Markup(html[len(first) :]) if subject and html.startswith(first) else html
