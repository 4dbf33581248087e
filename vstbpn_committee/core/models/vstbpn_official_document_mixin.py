from babel.dates import format_date
from babel.numbers import format_decimal

from odoo import models

SIGNING_AUTHORITIES = [
    ("TM.", "On behalf of (TM.)"),
    ("KT.", "Deputising for (KT.)"),
    ("Q.", "Acting (Q.)"),
    ("TL.", "By order of (TL.)"),
    ("TUQ.", "By authorisation of (TUQ.)"),
]


class VstbpnOfficialDocumentMixin(models.AbstractModel):
    """Printing in the layout of Decree 30/2020/NĐ-CP, Appendix I.

    ``vstbpn_committee.official_document_layout`` renders the values of
    ``_vstbpn_document_values``; a model prints in that layout by inheriting
    this mixin and overriding the hooks it needs (issuer, number, title,
    addressees, distribution, signature). The body is the template's content.
    """

    _name = "vstbpn.official.document.mixin"
    _description = "Official Document Layout (Decree 30/2020/NĐ-CP)"

    def _vstbpn_document_values(self):
        self.ensure_one()
        return {
            "parent_body": (self._vstbpn_document_parent_body() or "").upper(),
            "issuer": (self._vstbpn_document_issuer() or "").upper(),
            "number": self._vstbpn_document_number(),
            "place_date": self.vstbpn_format_place_date(
                self._vstbpn_document_place(), self._vstbpn_document_date()
            ),
            "subject_line": self._vstbpn_document_subject_line(),
            "title": (self._vstbpn_document_title() or "").upper(),
            "title_subject": self._vstbpn_document_title_subject(),
            "addressees": self._vstbpn_document_addressees(),
            "recipients": self._vstbpn_document_recipients(),
            "archive": self._vstbpn_document_archive(),
            "signature": self._vstbpn_document_signature(),
        }

    def _vstbpn_document_lang(self):
        """Official documents are in Vietnamese; where Vietnamese is not
        installed, in the user's language rather than not at all."""
        return "vi_VN" if self.env["res.lang"]._lang_get("vi_VN") else self.env.lang

    # Hooks: the pieces of the layout, empty unless a model says otherwise.

    def _vstbpn_document_parent_body(self):
        return ""

    def _vstbpn_document_issuer(self):
        return ""

    def _vstbpn_document_number(self):
        return ""

    def _vstbpn_document_place(self):
        return ""

    def _vstbpn_document_date(self):
        return None

    def _vstbpn_document_subject_line(self):
        """The "V/v ..." line of an official letter (công văn)."""
        return ""

    def _vstbpn_document_title(self):
        """The document type of a titled document: QUYẾT ĐỊNH, BÁO CÁO, KẾ HOẠCH..."""
        return ""

    def _vstbpn_document_title_subject(self):
        return ""

    def _vstbpn_document_addressees(self):
        """Lines after "Kính gửi:"; one addressee per line."""
        return []

    def _vstbpn_document_recipients(self):
        """Lines of "Nơi nhận:" before the archive line."""
        return []

    def _vstbpn_document_archive(self):
        return "VT"

    def _vstbpn_document_signature(self):
        """``{"authority": "TM.", "body": ..., "title": ..., "name": ...}``"""
        return {}

    # Formatting helpers, usable from any template through the record.

    @staticmethod
    def vstbpn_format_place_date(place, day):
        """``Bình Định, ngày 18 tháng 4 năm 2017``.

        The decree pads days below 10, and the months January and February,
        with a zero ("ngày 05 tháng 02 năm 2018"); other months stay bare.
        """
        if not day:
            return place or ""
        month = "MM" if day.month in (1, 2) else "M"
        text = format_date(day, f"'ngày' dd 'tháng' {month} 'năm' y", locale="vi")
        return f"{place}, {text}" if place else text

    @staticmethod
    def vstbpn_format_number(value, digits=0, trailing_zeros=True):
        """``1.234.567,89``: Vietnamese grouping and decimal marks.

        Without ``trailing_zeros``, ``digits`` is a maximum: 87.5 gives ``87,5``.
        """
        decimals = ("0" if trailing_zeros else "#") * digits
        pattern = "#,##0" + ("." + decimals if digits else "")
        return format_decimal(value or 0, format=pattern, locale="vi")

    @staticmethod
    def vstbpn_format_document_number(number, symbol):
        """``05/BVSTBPN``: numbers below 10 take a leading zero."""
        return f"{int(number):02d}/{symbol}" if symbol else f"{int(number):02d}"
