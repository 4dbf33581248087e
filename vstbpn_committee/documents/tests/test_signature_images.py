import base64
import io
import re
from unittest.mock import patch

from PIL import Image, ImageDraw

from odoo.exceptions import AccessError
from odoo.tests import BaseCase, HttpCase, tagged
from odoo.tools.pdf import PdfFileReader

from ..models import signature_block
from ..models.signature_block import SignatureBlock, TextLine
from ..models.vstbpn_document_signature import SEAL_XOBJECT, SIGNATURE_XOBJECT
from .signoff_common import VstbpnSignoffCase
from .test_document_signature import VstbpnSignatureCase


def _png(size, draw):
    """A PNG with a transparent background, of ``size``, drawn by ``draw``."""
    image = Image.new("RGBA", size, (0, 0, 0, 0))
    draw(ImageDraw.Draw(image))
    out = io.BytesIO()
    image.save(out, format="PNG")
    return base64.b64encode(out.getvalue())


def _signature_png():
    return _png(
        (400, 150),
        lambda pen: pen.line(
            [(20, 120), (120, 30), (200, 110), (300, 40), (380, 90)],
            fill=(0, 0, 160, 255),
            width=6,
        ),
    )


def _seal_png():
    return _png(
        (300, 300),
        lambda pen: pen.ellipse([10, 10, 290, 290], outline=(220, 0, 0, 255), width=12),
    )


def _last_page(content):
    return PdfFileReader(io.BytesIO(content), strict=False).pages[-1]


def _image_xobjects(content):
    """The names of the image XObjects of the last page's resources."""
    resources = _last_page(content)["/Resources"].get_object()
    xobjects = resources.get("/XObject")
    if not xobjects:
        return set()
    xobjects = xobjects.get_object()
    return {
        name
        for name in xobjects
        if xobjects[name].get_object().get("/Subtype") == "/Image"
    }


def _drawn_box(content, name):
    """The Box where the last page draws the XObject ``name``."""
    page = _last_page(content)
    contents = page["/Contents"].get_object()
    if not isinstance(contents, list):
        contents = [contents]
    data = b"\n".join(stream.get_object().get_data() for stream in contents)
    data = data.decode("latin-1")
    number = r"(-?[\d.]+)"
    found = re.search(
        rf"{number} 0 0 {number} {number} {number} cm {re.escape(name)} Do", data
    )
    if not found:
        return None
    width, height, x, y = map(float, found.groups())
    return signature_block.Box(x, y, width, height)


@tagged("post_install", "-at_install")
class TestSignatureBlockLayout(BaseCase):
    """The signature block found among a page's lines, and the images laid
    out in it (pure functions)."""

    LINES = [
        TextLine("Nơi nhận:", 16, 60, 793, 9),
        TextLine("TM. BAN VÌ SỰ TIẾN BỘ", 374, 494, 792, 9),
        TextLine("- Như trên;", 16, 64, 782, 9),
        TextLine("TRƯỞNG BAN", 401, 466, 781, 9),
        TextLine("Nguyễn Thị Hồng", 392, 477, 729, 9),
    ]

    def test_the_room_between_title_and_name(self):
        block = signature_block.find_signature_block(
            self.LINES, 595, ["TM. Ban vì sự tiến bộ", "Trưởng ban"], "Nguyễn Thị Hồng"
        )
        self.assertTrue(block)
        self.assertLess(block.top, 781)
        self.assertGreater(block.bottom, 729)
        self.assertAlmostEqual(block.centre, 434, delta=2)

    def test_no_block_where_the_name_is_not_below_the_title(self):
        self.assertIsNone(
            signature_block.find_signature_block(
                self.LINES, 595, ["Trưởng ban"], "Lê Văn Hùng"
            )
        )
        self.assertIsNone(
            signature_block.find_signature_block(
                self.LINES, 595, ["Phó Trưởng ban"], "Nguyễn Thị Hồng"
            )
        )

    def test_the_seal_covers_the_left_third_of_the_signature(self):
        block = SignatureBlock(top=780, bottom=730, centre=430, page_width=595)
        signature, seal = signature_block.image_boxes(block, (400, 150), (300, 300))
        self.assertAlmostEqual(signature.x + signature.width / 2, 430)
        self.assertGreaterEqual(signature.y, 730)
        self.assertLessEqual(signature.y + signature.height, 780)
        self.assertLess(seal.x, signature.x)
        self.assertAlmostEqual(
            seal.x + seal.width, signature.x + signature.width / 3, places=3
        )
        self.assertAlmostEqual(
            seal.y + seal.height / 2, signature.y + signature.height / 2
        )


@tagged("post_install", "-at_install")
class TestSignatureImages(VstbpnSignatureCase, VstbpnSignoffCase, HttpCase):
    """Decree 30/2020/NĐ-CP, Appendix I, Part II: the signed PDF shows the
    signer's signature between the title and the name, and the seal over
    its left third; the signature still verifies. An HttpCase: wkhtmltopdf
    prints (force_report_rendering) with the assets of the test server."""

    def _signed_off(self, real_pdf=True):
        """A letter of P signed off by its head and issued, printed by
        wkhtmltopdf (or as the tiny PDF without a line of text)."""
        self._upload()
        document = self._document(
            self.officer_p, signer_name=None, signer_title=None, date=str(self.today())
        )
        signoff = self._submitted(document)
        self.env.invalidate_all()
        Report = type(self.env["ir.actions.report"])
        signer = signoff.with_user(self.head_user)
        if real_pdf:
            signer.with_context(force_report_rendering=True).action_sign()
        else:
            with (
                patch.object(Report, "get_wkhtmltopdf_state", return_value="ok"),
                patch.object(
                    Report, "_render_qweb_pdf", return_value=(self.pdf, "pdf")
                ),
            ):
                signer.action_sign()
        self.assertEqual(document.state, "issued")
        return document

    def _with_images(self):
        self.province.with_user(self.admin).seal_image = _seal_png()
        self.head.member_id.with_user(self.admin).signature_image = _signature_png()

    def _verified(self, document):
        content = document.issued_file_id.raw
        self.assertTrue(content.startswith(b"%PDF"))
        self.assertTrue(document.is_signed)
        verdict = document.with_user(self.officer_p)._vstbpn_signature_verdict()
        self.assertTrue(verdict["valid"], verdict["message"])
        return content

    def test_the_signer_and_the_images_of_a_signed_off_document(self):
        self._with_images()
        document = self._document(self.officer_p)
        self.assertFalse(document._vstbpn_signing_member())
        self.assertEqual(
            document._vstbpn_signature_images()["seal"][:8], b"\x89PNG\r\n\x1a\n"
        )
        self.assertIsNone(document._vstbpn_signature_images()["signature"])
        document = self._signed_off(real_pdf=False)
        self.assertEqual(document._vstbpn_signing_member(), self.head.member_id)
        images = document.with_user(self.officer_p)._vstbpn_signature_images()
        self.assertTrue(images["signature"].startswith(b"\x89PNG"))
        self.assertTrue(images["seal"].startswith(b"\x89PNG"))

    def test_the_signature_and_the_seal_are_in_the_signature_block(self):
        self._with_images()
        document = self._signed_off()
        content = self._verified(document)
        self.assertEqual(_image_xobjects(content), {SIGNATURE_XOBJECT, SEAL_XOBJECT})
        signature = _drawn_box(content, SIGNATURE_XOBJECT)
        seal = _drawn_box(content, SEAL_XOBJECT)
        self.assertTrue(signature and seal)
        _width, lines = signature_block.page_lines(content)
        title = next(line for line in lines if line.text == "TRƯỞNG BAN")
        name = next(line for line in lines if line.text == "Trương Thị Mai")
        # between the title and the name, in the signature column
        self.assertLess(signature.y + signature.height, title.y)
        self.assertGreater(signature.y, name.y)
        self.assertTrue(title.x0 < signature.x + signature.width / 2 < title.x1)
        # the seal over the left third of the signature
        self.assertLess(seal.x, signature.x)
        self.assertAlmostEqual(
            seal.x + seal.width, signature.x + signature.width / 3, delta=1
        )
        self.assertLess(seal.y, signature.y + signature.height)
        self.assertGreater(seal.y + seal.height, signature.y)
        # the information block as before
        self.assertIn(b"/ETSI.CAdES.detached", content)

    def test_without_images_the_copy_is_signed_as_before(self):
        document = self._signed_off()
        content = self._verified(document)
        self.assertFalse(_image_xobjects(content) & {SIGNATURE_XOBJECT, SEAL_XOBJECT})
        self.assertIsNone(_drawn_box(content, SIGNATURE_XOBJECT))

    def test_without_a_signature_block_on_the_page_only_the_stamp(self):
        self._with_images()
        document = self._signed_off(real_pdf=False)
        content = self._verified(document)
        self.assertFalse(_image_xobjects(content))

    def test_only_administrators_set_the_seal_and_the_signature(self):
        with self.assertRaises(AccessError):
            self.province.with_user(self.officer_p).write({"seal_image": _seal_png()})
        with self.assertRaises(AccessError):
            self.head.member_id.with_user(self.officer_p).write(
                {"signature_image": _signature_png()}
            )
        self._with_images()
        self.assertTrue(self.province.with_user(self.admin).seal_image)
        self.assertTrue(self.head.member_id.with_user(self.admin).signature_image)
