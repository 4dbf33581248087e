import base64

from lxml import etree
from lxml import html as lxml_html

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ..docx_tools import (
    DOCX_MIMETYPE,
    FOOTER_TEXT,
    MAX_DOCX_BYTES,
    MissingHeadings,
    docx_to_html,
    heading_key,
    printed_to_docx,
    split_by_headings,
)


class VstbpnDocxMixin(models.AbstractModel):
    """A draft that offices edit in Word before signature (issue 19 §4): its
    printed text goes out as a DOCX, and its free text comes back from the
    edited file in one write; what the suite computes (figures, tasks, the
    header and signature) is printed but never read back.

    Configured by class attributes:

    - ``_vstbpn_docx_report``: the xmlid of the printed report whose page
      the DOCX is (``_vstbpn_docx_content()`` otherwise);
    - ``_vstbpn_docx_wizard``: the upload wizard's model
      (``vstbpn.docx.import.mixin``).

    Hooks: ``_vstbpn_docx_file_name``, ``_vstbpn_docx_content``,
    ``_vstbpn_docx_check_exportable``, ``_vstbpn_docx_may_edit``,
    ``_vstbpn_docx_parts`` (the free text's headings),
    ``_vstbpn_docx_stop_keys`` and ``_vstbpn_docx_stop_prefixes`` (where what
    is not read back begins), ``_vstbpn_docx_values`` (the one write) and
    ``_vstbpn_docx_imported_note``.
    """

    _name = "vstbpn.docx.mixin"
    _description = "Edited in Word"

    _vstbpn_docx_report = None
    _vstbpn_docx_wizard = None

    # ACTIONS

    def action_export_docx(self):
        """The record as a DOCX, for editing in Word."""
        self.ensure_one()
        self.check_access("read")
        self._vstbpn_docx_check_exportable()
        name = self._vstbpn_docx_file_name().replace("/", "-")
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": f"{name}.docx",
                    "raw": self._vstbpn_docx_content(),
                    "mimetype": DOCX_MIMETYPE,
                    "res_model": self._name,
                    "res_id": self.id,
                }
            )
        )
        return {
            "type": "ir.actions.act_url",
            "url": f"/web/content/{attachment.id}?download=true",
            "target": "self",
        }

    def action_open_docx_import(self):
        self.ensure_one()
        self._vstbpn_docx_check_importable()
        wizard = self.env[self._vstbpn_docx_wizard]
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Text Edited in Word"),
            "res_model": wizard._name,
            "view_mode": "form",
            "target": "new",
            "context": {f"default_{wizard._vstbpn_docx_record_field}": self.id},
        }

    # CHECKS

    def _vstbpn_docx_check_exportable(self):
        """Raise when the record is not to be edited in Word now: by default,
        once its workflow locks it (it is printed instead)."""
        self._vstbpn_check_editable()

    def _vstbpn_docx_check_importable(self):
        """Raise unless the user may replace the record's text now: its
        write rules, its workflow's lock, and who may edit it."""
        self.check_access("write")
        self._vstbpn_check_editable()
        if not self._vstbpn_docx_may_edit():
            raise AccessError(
                self.env._(
                    "Only the officers of %(committee)s can replace the text of "
                    "%(record)s with a Word file.",
                    committee=self.committee_id.name,
                    record=self.display_name,
                )
            )

    def _vstbpn_docx_may_edit(self):
        """Hook: whether the user edits this record (beyond its rules)."""
        return True

    # OUT

    def _vstbpn_docx_file_name(self):
        return self.display_name or self._description

    def _vstbpn_docx_content(self):
        """The DOCX: the page of the printed report, as printed."""
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            self._vstbpn_docx_report, self.ids
        )
        return printed_to_docx(html)

    # BACK

    def _vstbpn_docx_values(self, html):
        """Hook: the values of the one write that takes ``html`` (the edited
        file, read) back into the record."""
        raise NotImplementedError

    def _vstbpn_docx_imported_note(self, file_name):
        return self.env._(
            "Text replaced by the version edited in Word (%(file)s).", file=file_name
        )

    def _vstbpn_docx_parts(self):
        """Hook: ``{key: heading}`` of the parts read back, as printed."""
        return {}

    def _vstbpn_docx_stop_keys(self):
        """Hook: the headings (``heading_key``) of what is printed but not
        read back: a part ends at the first of them after it."""
        return set()

    def _vstbpn_docx_stop_prefixes(self):
        """Hook: the beginnings of the blocks that end a part; the footer of
        the layout always does."""
        return (FOOTER_TEXT,)

    def _vstbpn_docx_read_parts(self, html):
        """``{key: html}`` under each heading of ``_vstbpn_docx_parts()``;
        refuses a file that lacks one of them."""
        headings = self._vstbpn_docx_parts()
        stop_keys = self._vstbpn_docx_stop_keys()
        prefixes = tuple(self._vstbpn_docx_stop_prefixes())

        def is_stop(text):
            return heading_key(text) in stop_keys or text.startswith(prefixes)

        try:
            return split_by_headings(html, headings, is_stop)
        except MissingHeadings as error:
            raise UserError(
                self.env._(
                    "The Word file does not follow %(record)s: the heading(s) "
                    "%(headings)s were not found. Keep the headings as they were "
                    "exported and edit only the text under them, or export the "
                    "file again.",
                    record=self.display_name,
                    headings=", ".join(f"“{text}”" for text in error.args[0]),
                )
            ) from error

    # THE PRINTED TEMPLATE'S HEADINGS, in the document's language

    def _vstbpn_docx_template_arch(self, xmlid):
        view = self.env.ref(xmlid).with_context(lang=self._vstbpn_document_lang())
        return lxml_html.fragment_fromstring(view.arch_db, create_parent="div")

    def _vstbpn_docx_template_headings(self, xmlid):
        """The bold headings (``<p><b>``) of a printed template, as compared
        (``heading_key``)."""
        arch = self._vstbpn_docx_template_arch(xmlid)
        keys = {heading_key(bold.text_content()) for bold in arch.xpath("//p/b")}
        return {key for key in keys if any(char.isalpha() for char in key)}

    def _vstbpn_docx_template_heading_of(self, xmlid, field_name):
        """The heading the template prints right before a field's text."""
        arch = self._vstbpn_docx_template_arch(xmlid)
        headings = arch.xpath(f"//*[@t-field='o.{field_name}']/preceding-sibling::p[1]")
        return " ".join(headings[0].text_content().split()) if headings else ""


class VstbpnDocxImportMixin(models.AbstractModel):
    """The upload wizard of a ``vstbpn.docx.mixin`` record: the DOCX edited
    in Word, read and written back into the record it points to
    (``_vstbpn_docx_record_field``)."""

    _name = "vstbpn.docx.import.mixin"
    _description = "Text Edited in Word, Uploaded Back"

    _vstbpn_docx_record_field = None

    file = fields.Binary(string="Word File (DOCX)", required=True)
    file_name = fields.Char()

    @api.model
    def _vstbpn_read_docx(self, content):
        if len(content) > MAX_DOCX_BYTES:
            raise UserError(
                self.env._(
                    "The file is larger than 10 MB: it is not the text of a draft. "
                    "Upload the Word file of the document only."
                )
            )
        try:
            return docx_to_html(content)
        except (ValueError, etree.XMLSyntaxError) as error:
            raise UserError(
                self.env._(
                    "This file is not a Word document (DOCX): save it in Word as "
                    "'Word Document (*.docx)' and upload it again."
                )
            ) from error

    def action_import(self):
        """Check, read the file, then write the record once: nothing is
        written when anything is refused."""
        self.ensure_one()
        record = self[self._vstbpn_docx_record_field]
        record._vstbpn_docx_check_importable()
        html = self._vstbpn_read_docx(base64.b64decode(self.file or b""))
        record.write(record._vstbpn_docx_values(html))
        record._vstbpn_post_note(
            record._vstbpn_docx_imported_note(self.file_name or "DOCX")
        )
        return {"type": "ir.actions.act_window_close"}
