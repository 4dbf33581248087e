"""What the tests of "edited in Word" (``vstbpn.docx.mixin``) share: the DOCX
exported and uploaded back as the user does, and python-docx to edit it as
Word would."""

import base64
import io

from docx import Document


def edited_in_word(content, edit):
    """The DOCX after ``edit(document)`` with python-docx, as Word saves it."""
    document = Document(io.BytesIO(content))
    edit(document)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def paragraph(document, text):
    return next(p for p in document.paragraphs if p.text.strip() == text)


def following(document, text):
    """The paragraph right after the one that reads ``text``."""
    paragraphs = document.paragraphs
    texts = [p.text.strip() for p in paragraphs]
    if text not in texts:
        raise AssertionError(f"No paragraph reads {text!r} in {texts!r}")
    return paragraphs[texts.index(text) + 1]


def exported_docx(case, record, user):
    """The DOCX ``user`` downloads with *Export to Word*."""
    action = record.with_user(user).action_export_docx()
    attachment = case.env["ir.attachment"].browse(
        int(action["url"].split("/web/content/")[1].split("?")[0])
    )
    case.assertTrue(attachment.name.endswith(".docx"))
    return attachment.raw


def imported_docx(case, record, user, content, name):
    """``content`` uploaded back by ``user`` through the record's wizard, in
    Vietnamese."""
    wizard_model = case.env[record._vstbpn_docx_wizard]
    wizard = wizard_model.with_user(user).create(
        {
            wizard_model._vstbpn_docx_record_field: record.id,
            "file": base64.b64encode(content),
            "file_name": name,
        }
    )
    return case.vi(wizard).action_import()
