import base64
import io
import zipfile

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from ..models.vstbpn_document_docx import docx_to_html, html_to_docx
from .document_common import VstbpnDocumentCase


def document_xml(content):
    with zipfile.ZipFile(io.BytesIO(content)) as package:
        return package.read("word/document.xml").decode()


def edited_in_word(content, old, new):
    """The DOCX as Word would save it after the officer replaced a phrase."""
    source = zipfile.ZipFile(io.BytesIO(content))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/document.xml":
                data = data.decode().replace(old, new).encode()
            target.writestr(item, data)
    return out.getvalue()


@tagged("post_install", "-at_install")
class TestDocumentDocx(VstbpnDocumentCase):
    """A draft goes to Word for its final wording and comes back as the text
    to sign: paragraphs, bold, lists and tables survive the round trip."""

    BODY = (
        "<p><strong>1. Nhiệm vụ</strong></p><p>- Thực hiện <em>kịp thời</em>.</p>"
        "<ul><li>Báo cáo quý</li></ul>"
        "<table><tr><td>Đơn vị</td><td>Số lượng</td></tr></table>"
    )

    def _export(self, document, user):
        action = document.with_user(user).action_export_docx()
        attachment = self.env["ir.attachment"].browse(
            int(action["url"].split("/web/content/")[1].split("?")[0])
        )
        return attachment.raw

    def _import(self, document, user, content, name="ban-sua.docx"):
        wizard = (
            self.env["vstbpn.document.docx.import"]
            .with_user(user)
            .create(
                {
                    "document_id": document.id,
                    "file": base64.b64encode(content),
                    "file_name": name,
                }
            )
        )
        return self.vi(wizard).action_import()

    def test_the_draft_goes_to_word_in_times_new_roman(self):
        document = self._document(user=self.officer_p, body=self.BODY)
        content = self._export(document, self.officer_p)
        xml = document_xml(content)
        for expected in ("triển khai công tác năm 2026", "1. Nhiệm vụ", "kịp thời"):
            self.assertIn(expected, xml)
        self.assertIn("<w:b/>", xml)
        self.assertIn("<w:tbl>", xml)
        with zipfile.ZipFile(io.BytesIO(content)) as package:
            self.assertIn("Times New Roman", package.read("word/styles.xml").decode())

    def test_the_text_edited_in_word_becomes_the_draft(self):
        document = self._document(user=self.officer_p, body=self.BODY)
        content = edited_in_word(
            self._export(document, self.officer_p), "Thực hiện", "Triển khai ngay"
        )
        self._import(document, self.officer_p, content)
        self.assertIn("Triển khai ngay", document.body)
        self.assertIn("<strong>1. Nhiệm vụ</strong>", document.body)
        self.assertIn("<em>kịp thời</em>", document.body)
        self.assertIn("<table", document.body)
        # the subject line Word showed first is not doubled into the text
        self.assertNotIn("triển khai công tác năm 2026", document.body)
        self.assertIn("ban-sua.docx", document.message_ids[:1].body)

    def test_refusals(self):
        document = self._document(user=self.officer_p, body=self.BODY)
        with self.assertRaisesText(UserError, "không phải là tài liệu Word"):
            self._import(document, self.officer_p, b"%PDF-1.4 not a word file")
        empty = html_to_docx("", "<p></p>")
        with self.assertRaisesText(UserError, "không có nội dung"):
            self._import(document, self.officer_p, empty)
        # a sibling unit does not replace another's text
        with self.assertRaises(AccessError):
            self._import(
                document, self.officer_b, self._export(document, self.officer_p)
            )
        # an issued document keeps the text it was issued with
        document.action_issue()
        with self.assertRaises(UserError):
            self._import(
                document, self.officer_p, self._export(document, self.officer_p)
            )
        self.assertIn("Thực hiện", document.body)

    def test_round_trip_keeps_marks(self):
        html = docx_to_html(html_to_docx("", "<p>a <u>b</u> <strong>c</strong></p>"))
        self.assertEqual(html, "<p>a <u>b</u> <strong>c</strong></p>")
