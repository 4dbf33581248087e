import re
from pathlib import Path

from odoo.tests import TransactionCase, tagged

from .document_common import printed_lines

SEED_NAME = "56-BVSTBPN-2017-binh-dinh.txt"
# Scanning faults of the seed, and what the directive says instead.
OCR_FIXES = {"Cùng cố": "Củng cố"}
OCR_MARK = re.compile(r"\s*\*ctn\*")


# A copy of ../shared/seed/56-BVSTBPN-2017-binh-dinh.txt, as scanned.
SEED = Path(__file__).parent / "data" / SEED_NAME


def normalise(lines):
    """The seed's lines as the printed document has them.

    - whitespace collapsed, and none before the slash of the number
      ("Số: 56 /BVSTBPN" left room for the number written by hand);
    - the scan's "*ctn*" marks dropped, and "Cùng cố" read "Củng cố";
    - a line ending with a comma continues on the next one: the scan broke
      the paragraph "- Hình thức: ..." at the page end.
    """
    result = []
    for line in lines:
        line = " ".join(OCR_MARK.sub("", line).split())
        line = re.sub(r"\s+/", "/", line)
        for wrong, right in OCR_FIXES.items():
            line = line.replace(wrong, right)
        if not line:
            continue
        if result and result[-1].endswith(","):
            result[-1] = f"{result[-1]} {line}"
        else:
            result.append(line)
    return result


@tagged("post_install", "-at_install")
class TestDirective56(TransactionCase):
    """The directive 56/BVSTBPN of 18 April 2017 of the Bình Định committee,
    recorded from the seed in the demo data, prints like the seed: same header
    lines, number, date line, subject, addressees, every paragraph in order,
    distribution list and signature block."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.document = cls.env.ref(
            "vstbpn_committee.document_bd_56_2017_demo", raise_if_not_found=False
        )

    def setUp(self):
        super().setUp()
        if not self.document:
            self.skipTest("installed without demo data")

    def printed(self):
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "vstbpn_committee.vstbpn_document_report", self.document.ids
        )
        return printed_lines(html.decode())

    def test_the_directive_is_issued_with_its_addressees(self):
        self.assertEqual(self.document.state, "issued")
        self.assertEqual(self.document.document_reference, "56/BVSTBPN")
        districts = self.env["vstbpn.committee"].search(
            [
                ("parent_id", "=", self.document.committee_id.id),
                ("level_id.code", "=", "district"),
            ]
        )
        self.assertEqual(len(districts), 11)
        self.assertEqual(self.document.recipient_ids.committee_id, districts)

    def test_printed_like_the_seed(self):
        seed = normalise(SEED.read_text(encoding="utf-8").splitlines())
        printed = self.printed()
        # the two columns of the header are read one after the other on the
        # page, the seed reads them line by line: same lines, other order
        seed_head, seed_rest = self.split(seed)
        printed_head, printed_rest = self.split(printed)
        self.assertEqual(
            printed_head,
            [
                "ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH",
                "BAN VÌ SỰ TIẾN BỘ CỦA PHỤ NỮ TỈNH BÌNH ĐỊNH",
                "Số: 56/BVSTBPN",
                (
                    "V/v triển khai các hoạt động của Ban vì sự tiến bộ phụ nữ trên "
                    "địa bàn tỉnh năm 2017"
                ),
                "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc",
                "Bình Định, ngày 18 tháng 4 năm 2017",
            ],
        )
        for line in seed_head:
            self.assertIn(line, printed_head)
        # from "Kính gửi:" to the signer's name, line by line
        self.assertEqual(len(printed_rest), len(seed_rest))
        for index, (printed_line, seed_line) in enumerate(
            zip(printed_rest, seed_rest, strict=True)
        ):
            self.assertEqual(printed_line, seed_line, f"line {index + 1}")

    @staticmethod
    def split(lines):
        start = lines.index("Kính gửi:")
        return lines[:start], lines[start:]
