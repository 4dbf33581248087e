"""A draft's text out to Word and back (issue 19 §4): offices edit a text in
Word before it is signed. The DOCX holds the subject and the body as
paragraphs, lists and tables, in Times New Roman 14 as Decree 30 sets; the
heading blocks (issuer, number, date) and the signature stay the suite's, as
they are printed from the record. Reading a DOCX back keeps paragraphs,
bold, italic, underline and tables; the body's sanitizer then cleans it."""

import base64
import io
import zipfile
from xml.sax.saxutils import escape

from lxml import etree
from lxml import html as lxml_html
from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
DOCX_MIMETYPE = (
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
)
BLOCKS = ("p", "div", "h1", "h2", "h3", "h4", "li", "blockquote")
MARKS = {"b": "b", "strong": "b", "i": "i", "em": "i", "u": "u"}
# a Word file of a few pages; a larger one is not a draft's text
MAX_DOCX_BYTES = 10 * 1024 * 1024

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
    '<Override PartName="/word/styles.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>'
    "</Types>"
)
PACKAGE_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.'
    'org/officeDocument/2006/relationships/officeDocument" '
    'Target="word/document.xml"/></Relationships>'
)
DOCUMENT_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/'
    'relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.'
    'org/officeDocument/2006/relationships/styles" Target="styles.xml"/>'
    "</Relationships>"
)
# Times New Roman 14, justified, first line indented 1.27 cm (720 twips)
STYLES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    f'<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr>'
    '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" '
    'w:cs="Times New Roman" w:eastAsia="Times New Roman"/>'
    '<w:sz w:val="28"/><w:szCs w:val="28"/><w:lang w:val="vi-VN"/></w:rPr>'
    "</w:rPrDefault><w:pPrDefault><w:pPr>"
    '<w:spacing w:after="120"/><w:jc w:val="both"/><w:ind w:firstLine="720"/>'
    "</w:pPr></w:pPrDefault></w:docDefaults></w:styles>"
)


def html_to_docx(title, html):
    """A DOCX of ``title`` (bold, centred) and the HTML ``html``."""
    body = [_paragraph([(title, {"b"})], centred=True)] if title else []
    root = lxml_html.fragment_fromstring(html or "<p></p>", create_parent="div")
    body += _blocks(root)
    document = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        f'<w:document xmlns:w="{W}"><w:body>{"".join(body)}'
        '<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1134" '
        'w:right="1134" w:bottom="1134" w:left="1701" w:header="0" w:footer="0" '
        'w:gutter="0"/></w:sectPr></w:body></w:document>'
    )
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("[Content_Types].xml", CONTENT_TYPES)
        package.writestr("_rels/.rels", PACKAGE_RELS)
        package.writestr("word/_rels/document.xml.rels", DOCUMENT_RELS)
        package.writestr("word/styles.xml", STYLES)
        package.writestr("word/document.xml", document)
    return out.getvalue()


def _blocks(element):
    """The Word paragraphs and tables of an HTML element's blocks."""
    parts = []
    loose = _runs_of_text(element.text)
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "table":
            parts += _flush(loose) + [_table(child)]
            loose = []
        elif tag in ("ul", "ol"):
            parts += _flush(loose)
            loose = []
            for number, item in enumerate(child.findall("li"), start=1):
                mark = f"{number}. " if tag == "ol" else "- "
                parts.append(_paragraph([(mark, set())] + _runs(item)))
        elif tag in BLOCKS and child.xpath(".//p|.//div|.//table|.//ul|.//ol"):
            parts += _flush(loose) + _blocks(child)
            loose = []
        elif tag in BLOCKS:
            parts += _flush(loose)
            loose = []
            parts.append(_paragraph(_runs(child), heading=tag.startswith("h")))
        elif tag == "br":
            parts += _flush(loose)
            loose = []
        else:
            loose += _runs(child)
        loose += _runs_of_text(child.tail)
    return parts + _flush(loose)


def _flush(runs):
    return [_paragraph(runs)] if any(text.strip() for text, _marks in runs) else []


def _runs_of_text(text, marks=frozenset()):
    return [(text, set(marks))] if text else []


def _runs(element, marks=frozenset()):
    """(text, marks) of an inline element and what it holds."""
    tag = element.tag if isinstance(element.tag, str) else ""
    marks = set(marks) | ({MARKS[tag]} if tag in MARKS else set())
    runs = _runs_of_text(element.text, marks)
    for child in element:
        runs += _runs(child, marks)
        runs += _runs_of_text(child.tail, marks)
    return runs


def _paragraph(runs, centred=False, heading=False):
    properties = '<w:jc w:val="center"/>' if centred else ""
    if heading:
        runs = [(text, marks | {"b"}) for text, marks in runs]
    return (
        f"<w:p><w:pPr>{properties}</w:pPr>"
        + "".join(_run(text, marks) for text, marks in runs)
        + "</w:p>"
    )


def _run(text, marks):
    properties = "".join(
        f"<w:{mark}/>" if mark != "u" else '<w:u w:val="single"/>'
        for mark in sorted(marks)
    )
    text = " ".join(text.split("\n"))
    return (
        f'<w:r><w:rPr>{properties}</w:rPr><w:t xml:space="preserve">'
        f"{escape(text)}</w:t></w:r>"
    )


def _table(table):
    rows = []
    for row in table.iter("tr"):
        cells = [
            "<w:tc><w:tcPr><w:tcBorders>"
            + "".join(
                f'<w:{side} w:val="single" w:sz="4"/>'
                for side in ("top", "left", "bottom", "right")
            )
            + "</w:tcBorders></w:tcPr>"
            + _paragraph(_runs(cell))
            + "</w:tc>"
            for cell in row
            if isinstance(cell.tag, str) and cell.tag in ("td", "th")
        ]
        rows.append("<w:tr>" + "".join(cells) + "</w:tr>")
    return "<w:tbl>" + "".join(rows) + "</w:tbl>"


def docx_to_html(content):
    """The HTML of a DOCX's paragraphs and tables; raises ValueError when the
    content is not a Word document."""
    try:
        with zipfile.ZipFile(io.BytesIO(content)) as package:
            # a small file may unpack to gigabytes: read no more than a text
            if package.getinfo("word/document.xml").file_size > 5 * MAX_DOCX_BYTES:
                raise ValueError("too large once unpacked")
            xml = package.read("word/document.xml")
    except (zipfile.BadZipFile, KeyError) as error:
        raise ValueError("not a DOCX") from error
    root = etree.fromstring(xml, parser=etree.XMLParser(resolve_entities=False))
    body = root.find(f"{{{W}}}body")
    if body is None:
        raise ValueError("no body")
    parts = []
    for element in body:
        if element.tag == f"{{{W}}}p":
            parts.append(_html_paragraph(element))
        elif element.tag == f"{{{W}}}tbl":
            parts.append(_html_table(element))
    return Markup("").join(part for part in parts if part)


def _html_paragraph(paragraph):
    runs = []
    for run in paragraph.iter(f"{{{W}}}r"):
        text = "".join(node.text or "" for node in run.iter(f"{{{W}}}t"))
        if not text:
            continue
        piece = Markup("%s") % text
        properties = run.find(f"{{{W}}}rPr")
        for mark, tag in (("u", "u"), ("i", "em"), ("b", "strong")):
            on = (
                properties is not None and properties.find(f"{{{W}}}{mark}") is not None
            )
            if on and properties.find(f"{{{W}}}{mark}").get(f"{{{W}}}val") not in (
                "0",
                "false",
                "none",
            ):
                piece = Markup(f"<{tag}>%s</{tag}>") % piece
        runs.append(piece)
    return Markup("<p>%s</p>") % Markup("").join(runs) if runs else ""


def _html_table(table):
    rows = []
    for row in table.iter(f"{{{W}}}tr"):
        cells = [
            Markup("<td>%s</td>")
            % Markup("").join(_html_paragraph(p) for p in cell.iter(f"{{{W}}}p"))
            for cell in row.iter(f"{{{W}}}tc")
        ]
        rows.append(Markup("<tr>%s</tr>") % Markup("").join(cells))
    return Markup("<table><tbody>%s</tbody></table>") % Markup("").join(rows)


class VstbpnDocument(models.Model):
    _inherit = "vstbpn.document"

    def action_export_docx(self):
        """The draft's subject and body as a DOCX, for editing in Word."""
        self.ensure_one()
        self.check_access("read")
        name = (self.document_reference or self.subject or "van-ban").replace("/", "-")
        attachment = (
            self.env["ir.attachment"]
            .sudo()
            .create(
                {
                    "name": f"{name}.docx",
                    "raw": html_to_docx(self.subject, self.body),
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
        self._vstbpn_check_editable()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Text Edited in Word"),
            "res_model": "vstbpn.document.docx.import",
            "view_mode": "form",
            "target": "new",
            "context": {"default_document_id": self.id},
        }


class VstbpnDocumentDocxImport(models.TransientModel):
    """The text of a draft as edited in Word, uploaded back as its body."""

    _name = "vstbpn.document.docx.import"
    _description = "Text of a Document Edited in Word"

    document_id = fields.Many2one("vstbpn.document", required=True, ondelete="cascade")
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
        """Replace the draft's body with the Word file's text; the subject
        line Word shows first is the export's, and is left out."""
        self.ensure_one()
        document = self.document_id
        html = self._vstbpn_read_docx(base64.b64decode(self.file or b""))
        html = _without_subject(html, document.subject)
        if not html.strip():
            raise UserError(
                self.env._("The Word file holds no text: nothing was replaced.")
            )
        document.write({"body": html})
        document._vstbpn_post_note(
            self.env._(
                "Text replaced by the version edited in Word (%(file)s).",
                file=self.file_name or "DOCX",
            )
        )
        return {"type": "ir.actions.act_window_close"}


def _without_subject(html, subject):
    """The body without the subject paragraph the export put first."""
    first = Markup("<p><strong>%s</strong></p>") % (subject or "")
    return Markup(html[len(first) :]) if subject and html.startswith(first) else html
