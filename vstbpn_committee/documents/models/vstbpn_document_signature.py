import base64
import io
import logging
from datetime import datetime

import pytz
from markupsafe import Markup

from odoo import fields, models
from odoo.exceptions import UserError
from odoo.tools import format_datetime
from odoo.tools.misc import file_path

from ...tools import VN_TZ
from . import signature_block
from .vstbpn_document import VstbpnDocument as IssuedDocument
from .vstbpn_signing_certificate import pyhanko_missing_error

_logger = logging.getLogger(__name__)

# A font with the Vietnamese letters, shipped with Odoo itself.
STAMP_FONT = "web/static/fonts/sign/NotoSans-Reg.ttf"
# The organisation's signature information (Decree 30/2020/NĐ-CP, Appendix I,
# Part II): in the signature area, on the right of the last page, in points
# of an A4 page (595 x 842) from its bottom left corner.
STAMP_BOX = (330, 48, 565, 108)
SIGNATURE_FIELD = "VSTBPN_Signature"
# the names of the signer's signature and the organisation's seal among the
# resources of the last page
SIGNATURE_XOBJECT = "/VstbpnSignatureImage"
SEAL_XOBJECT = "/VstbpnSealImage"


class VstbpnDocument(models.Model):
    """Issued documents signed with the committee's certificate (PAdES), and
    their signature verified on the form."""

    _inherit = "vstbpn.document"
    _vstbpn_derived_fields = IssuedDocument._vstbpn_derived_fields + (
        "is_signed",
        "signed_by",
        "signed_on",
    )

    # looked up whenever an attachment's content is written (ir_attachment.py)
    issued_file_id = fields.Many2one(index="btree_not_null")
    is_signed = fields.Boolean(string="Digitally Signed", readonly=True, copy=False)
    signed_by = fields.Char(
        string="Signed With",
        readonly=True,
        copy=False,
        help="The subject of the certificate the issued copy was signed with.",
    )
    signed_on = fields.Datetime(string="Signing Time", readonly=True, copy=False)

    # ISSUING

    def _vstbpn_check_issuable(self, signed_off=False):
        """Also refused before anything is numbered: a certificate that
        cannot sign now."""
        result = super()._vstbpn_check_issuable(signed_off=signed_off)
        certificate = self._vstbpn_signing_certificate()
        if certificate:
            certificate._vstbpn_check_valid_now()
        return result

    def _vstbpn_signing_certificate(self):
        return self.env["vstbpn.signing.certificate"]._vstbpn_certificate_of(
            self.committee_id
        )

    def _vstbpn_render_issued_copy(self):
        """The issued copy, signed where the committee has a certificate and
        the copy is a PDF; said unsigned in the chatter otherwise."""
        copy = super()._vstbpn_render_issued_copy()
        certificate = self._vstbpn_signing_certificate()
        if not certificate or copy.mimetype != "application/pdf":
            self._vstbpn_note_unsigned(bool(certificate))
            return copy
        signed_on = fields.Datetime.now()
        copy.sudo().raw = self._vstbpn_signed_pdf(copy.raw, certificate, signed_on)
        self._vstbpn_trusted_write(
            {
                "is_signed": True,
                "signed_by": certificate.subject,
                "signed_on": signed_on,
            }
        )
        return copy

    def _vstbpn_note_unsigned(self, has_certificate):
        if has_certificate:
            text = self.env._(
                "The issued copy is not digitally signed: no PDF could be printed "
                "on this server."
            )
        else:
            text = self.env._(
                "The issued copy is not digitally signed: %(committee)s has no "
                "signing certificate.",
                committee=self.committee_id.sudo().name,
            )
        self.sudo().message_post(
            body=Markup("<p>%s</p>") % text, subtype_xmlid="mail.mt_note"
        )

    def _vstbpn_signed_pdf(self, content, certificate, signed_on):
        """``content`` with a PAdES signature of ``certificate`` and its
        visible information block."""
        signer = certificate._vstbpn_signer()
        try:
            from pyhanko import stamp
            from pyhanko.pdf_utils.font.opentype import GlyphAccumulatorFactory
            from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter
            from pyhanko.pdf_utils.text import TextBoxStyle
            from pyhanko.sign import fields as sig_fields
            from pyhanko.sign import signers
        except ImportError as error:
            raise pyhanko_missing_error(self.env) from error
        printed = self.with_context(lang=self._vstbpn_document_lang())
        metadata = signers.PdfSignatureMetadata(
            field_name=SIGNATURE_FIELD,
            subfilter=sig_fields.SigSeedSubFilter.PADES,
            name=self.committee_id.sudo().name,
            reason=printed.env._("Issuing %(document)s", document=self.display_name),
            location=self._vstbpn_document_place() or None,
        )
        style = stamp.TextStampStyle(
            stamp_text=printed._vstbpn_stamp_text(signed_on),
            text_box_style=TextBoxStyle(
                font=GlyphAccumulatorFactory(file_path(STAMP_FONT)), font_size=8
            ),
            border_width=1,
        )
        pdf_signer = signers.PdfSigner(
            metadata,
            signer,
            stamp_style=style,
            new_field_spec=sig_fields.SigFieldSpec(
                SIGNATURE_FIELD, on_page=-1, box=STAMP_BOX
            ),
        )
        writer = IncrementalPdfFileWriter(io.BytesIO(content))
        # in the same incremental update as the signature, which covers them
        self._vstbpn_draw_signature_images(writer, content)
        output = pdf_signer.sign_pdf(writer)
        return output.getvalue()

    # THE SIGNER'S SIGNATURE AND THE ORGANISATION'S SEAL

    def _vstbpn_signing_member(self):
        """The membership (``vstbpn.committee.member``) of the person who
        signs the document; none by default (the organisation signs)."""
        return self.env["vstbpn.committee.member"]

    def _vstbpn_signature_images(self):
        """{"signature": the signer's handwritten signature, "seal": the
        organisation's seal}, as image file bytes, or None each."""
        self.ensure_one()
        member = self._vstbpn_signing_member().sudo()
        signature = member[:1].signature_image
        seal = self.committee_id.sudo().seal_image
        return {
            "signature": base64.b64decode(signature) if signature else None,
            "seal": base64.b64decode(seal) if seal else None,
        }

    def _vstbpn_printed_signature(self):
        """The signature block as the issued copy prints it."""
        _report, printed = self._vstbpn_issued_copy_source()
        if hasattr(printed, "_vstbpn_document_signature"):
            return printed._vstbpn_document_signature()
        return self._vstbpn_document_signature()

    def _vstbpn_draw_signature_images(self, writer, content):
        """Draw the signer's signature between the title and the name of the
        signature block on the last page, and the seal over its left third,
        with ``writer`` (pyHanko's, on ``content``). Nothing where there is
        no signature image or the block is not found on the page: the
        organisation's information block is then the only mark."""
        images = self._vstbpn_signature_images()
        if not images["signature"]:
            return False
        from PIL import Image

        try:
            pictures = {
                key: Image.open(io.BytesIO(data))
                for key, data in images.items()
                if data
            }
            for picture in pictures.values():
                picture.load()
        except OSError:
            _logger.warning(
                "The signature images of %s cannot be read", self.display_name
            )
            return False
        signature = self._vstbpn_printed_signature()
        titles = [
            " ".join(filter(None, (signature.get("authority"), signature.get("body")))),
            signature.get("title"),
        ]
        try:
            width, lines = signature_block.page_lines(content)
        except Exception:  # noqa: BLE001 - any unreadable text: no images
            _logger.info("No text read on the last page of %s", self.display_name)
            return False
        block = signature_block.find_signature_block(
            lines,
            width,
            [title for title in titles if title],
            signature.get("name"),
            position=signature.get("position"),
        )
        if not block:
            _logger.info("No signature block found on %s", self.display_name)
            return False
        seal = pictures.get("seal")
        boxes = signature_block.image_boxes(
            block, pictures["signature"].size, seal.size if seal else None
        )
        self._vstbpn_draw_images(
            writer,
            [
                (SIGNATURE_XOBJECT, pictures["signature"], boxes[0]),
                (SEAL_XOBJECT, seal, boxes[1]),
            ],
        )
        return True

    @staticmethod
    def _vstbpn_draw_images(writer, images):
        """Draw ``images`` ([(name, PIL image, Box)], in that order, the
        later over the earlier) on the last page of ``writer``'s file, over
        what is printed there, whatever graphics state its content leaves."""
        from pyhanko.pdf_utils import generic
        from pyhanko.pdf_utils.images import pil_image

        xobjects = generic.DictionaryObject()
        drawing = []
        for name, picture, box in images:
            if picture is None or box is None:
                continue
            if picture.mode not in ("RGB", "RGBA", "L", "LA"):
                picture = picture.convert("RGBA")
            xobjects[generic.pdf_name(name)] = pil_image(picture, writer)
            drawing.append(
                f"q {box.width:.2f} 0 0 {box.height:.2f} {box.x:.2f} {box.y:.2f} cm "
                f"{name} Do Q"
            )
        if not drawing:
            return
        before = writer.add_object(generic.StreamObject(stream_data=b"q\n"))
        after = writer.add_object(
            generic.StreamObject(
                stream_data=("Q\nq\n" + "\n".join(drawing) + "\nQ\n").encode()
            )
        )
        writer.add_stream_to_page(-1, before, prepend=True)
        writer.add_stream_to_page(
            -1,
            after,
            resources=generic.DictionaryObject(
                {generic.pdf_name("/XObject"): xobjects}
            ),
        )

    def _vstbpn_stamp_text(self, signed_on):
        """The organisation's name and the signing time in ISO 8601, in
        Viet Nam's time zone."""
        local = pytz.utc.localize(signed_on).astimezone(pytz.timezone(VN_TZ))
        return self.env._(
            "Signed by: %(organisation)s\nSigning time: %(time)s",
            organisation=self.committee_id.sudo().name,
            time=local.isoformat(timespec="seconds"),
        )

    # VERIFYING

    def action_verify_signature(self):
        """Verify the issued copy and show what was found."""
        self.ensure_one()
        verdict = self._vstbpn_signature_verdict()
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "title": self.env._(
                    "Signature of %(document)s", document=self.display_name
                ),
                "message": verdict["message"],
                "type": "success" if verdict["valid"] else "danger",
                "sticky": True,
            },
        }

    def _vstbpn_signature_verdict(self, content=None, moment=None):
        """{valid, problem, intact, signer, signed_on, message} of the last
        signature of ``content`` (the issued copy by default) at ``moment``
        (now by default, an aware datetime), against the trusted roots and
        revocation lists the administrators registered; nothing is fetched
        from the network."""
        moment = moment or datetime.now(pytz.utc)
        self.ensure_one()
        if content is None:
            content = self.sudo().issued_file_id.raw
        if not content:
            raise UserError(
                self.env._(
                    "%(document)s has no issued copy to verify.",
                    document=self.display_name,
                )
            )
        try:
            from pyhanko.pdf_utils.reader import PdfFileReader
            from pyhanko.sign.validation import validate_pdf_signature
            from pyhanko_certvalidator import ValidationContext
        except ImportError as error:
            raise pyhanko_missing_error(self.env) from error
        try:
            signatures = PdfFileReader(io.BytesIO(content)).embedded_signatures
        except Exception:  # noqa: BLE001 - any unreadable file is a changed one
            _logger.info("The issued copy of %s cannot be read", self.display_name)
            return self._vstbpn_verdict("tampered")
        if not signatures:
            return self._vstbpn_verdict("unsigned")
        roots, crls = self.env["vstbpn.signature.trust"]._vstbpn_trust_material()
        context = ValidationContext(
            trust_roots=roots,
            crls=crls,
            allow_fetching=False,
            moment=moment,
            # the registered revocation lists are applied to the certificates
            # whose distribution point they serve (as CAs publish them); a
            # CA without a registered list is trusted as registered
            revocation_mode="soft-fail",
        )
        try:
            status = validate_pdf_signature(signatures[-1], context)
        except Exception:  # noqa: BLE001 - a broken signature is a changed file
            _logger.info("The signature of %s cannot be checked", self.display_name)
            return self._vstbpn_verdict("tampered")
        problem = self._vstbpn_signature_problem(status, moment)
        return self._vstbpn_verdict(problem, status)

    @staticmethod
    def _vstbpn_signature_problem(status, moment):
        from pyhanko.sign.validation.status import SignatureCoverageLevel

        if not status.intact or not status.valid:
            return "tampered"
        if status.coverage != SignatureCoverageLevel.ENTIRE_FILE:
            return "tampered"
        if status.revoked:
            return "revoked"
        if status.signing_cert.not_valid_after < moment:
            return "expired"
        if not status.trusted:
            return "untrusted"
        return False

    def _vstbpn_verdict(self, problem, status=None):
        signer = self._vstbpn_signer_name(status.signing_cert) if status else ""
        signed_on = status.signer_reported_dt if status else None
        when = (
            format_datetime(self.env, signed_on.replace(tzinfo=None), tz=VN_TZ)
            if signed_on
            else ""
        )
        return {
            "valid": not problem,
            "problem": problem,
            "intact": problem not in ("tampered", "unsigned"),
            "signer": signer,
            "signed_on": signed_on,
            "message": self._vstbpn_verdict_message(problem, status, signer, when),
        }

    @staticmethod
    def _vstbpn_signer_name(cert):
        """The organisation or person named by the certificate, as people
        say it: its common name."""
        subject = cert.subject
        return subject.native.get("common_name") or subject.human_friendly

    def _vstbpn_verdict_message(self, problem, status, signer, when):
        if problem == "unsigned":
            return self.env._("The issued copy carries no digital signature.")
        if problem == "tampered":
            return self.env._(
                "Invalid signature: the file has been changed since it was signed. "
                "It is not the document that was issued; ask the issuer for the "
                "original."
            )
        if problem == "revoked":
            return self.env._(
                "Invalid signature: the certificate of %(signer)s has been revoked "
                "by its certification authority. The file itself has not been "
                "changed since it was signed on %(time)s.",
                signer=signer,
                time=when,
            )
        if problem == "expired":
            return self.env._(
                "Invalid signature: the certificate of %(signer)s expired on "
                "%(date)s. The file itself has not been changed since it was "
                "signed on %(time)s.",
                signer=signer,
                date=format_datetime(
                    self.env,
                    status.signing_cert.not_valid_after.replace(tzinfo=None),
                    tz=VN_TZ,
                ),
                time=when,
            )
        if problem == "untrusted":
            return self.env._(
                "Invalid signature: the certificate of %(signer)s was not issued "
                "by a certification authority registered as trusted (Configuration "
                "> Trusted Certificates). The file itself has not been changed "
                "since it was signed on %(time)s.",
                signer=signer,
                time=when,
            )
        return self.env._(
            "Valid signature: signed by %(signer)s on %(time)s. The file has not "
            "been changed since it was signed.",
            signer=signer,
            time=when,
        )
