from datetime import date
from unittest.mock import patch

from odoo.tests import tagged

from ...tests.common import VstbpnCommitteeCase


@tagged("post_install", "-at_install")
class TestOfficialDocument(VstbpnCommitteeCase):
    """The Decree 30/2020/NĐ-CP layout and its Vietnamese formats."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Mixin = cls.env["vstbpn.official.document.mixin"]

    def test_place_date_line(self):
        fmt = self.Mixin.vstbpn_format_place_date
        self.assertEqual(
            fmt("Bình Định", date(2017, 4, 18)), "Bình Định, ngày 18 tháng 4 năm 2017"
        )
        self.assertEqual(
            fmt("Bình Định", date(2017, 6, 15)), "Bình Định, ngày 15 tháng 6 năm 2017"
        )
        # Days below 10 and the months 1 and 2 take a leading zero.
        self.assertEqual(
            fmt("Gia Lai", date(2026, 2, 5)), "Gia Lai, ngày 05 tháng 02 năm 2026"
        )
        self.assertEqual(fmt("", date(2026, 11, 3)), "ngày 03 tháng 11 năm 2026")

    def test_numbers_and_document_numbers(self):
        self.assertEqual(self.Mixin.vstbpn_format_number(1234567.89, 2), "1.234.567,89")
        self.assertEqual(self.Mixin.vstbpn_format_number(1500), "1.500")
        self.assertEqual(
            self.Mixin.vstbpn_format_number(87.5, 2, trailing_zeros=False), "87,5"
        )
        self.assertEqual(
            self.Mixin.vstbpn_format_number(12.0, 2, trailing_zeros=False), "12"
        )
        self.assertEqual(
            self.Mixin.vstbpn_format_document_number(5, "BVSTBPN"), "05/BVSTBPN"
        )
        self.assertEqual(
            self.Mixin.vstbpn_format_document_number(56, "BVSTBPN"), "56/BVSTBPN"
        )

    def test_printed_decision_follows_the_decree(self):
        self.district_a.document_place = "Quy Nhơn"
        head = self.Member.create(
            {
                "committee_id": self.district_a.id,
                "partner_id": self.alice.id,
                "role": "head",
                "committee_title": "Phó Chủ tịch UBND",
                "date_start": "2020-01-01",
            }
        )
        decision = self.Decision.create(
            {
                "name": "15/QĐ-UBND",
                "committee_id": self.district_a.id,
                "summary": "Về việc kiện toàn Ban vì sự tiến bộ của phụ nữ",
                "issuing_partner_id": self.env["res.partner"]
                .create({"name": "Ủy ban nhân dân thành phố Quy Nhơn"})
                .id,
                "date": "2023-12-20",
                "date_effective": "2024-01-01",
                "signer_authority": "TM.",
                "signer_authority_body": "Ủy ban nhân dân",
                "signer_title": "Chủ tịch",
                "signer_name": "Trần Văn B",
                "distribution": "Như Điều 3;\nLưu trữ Ban",
                "line_ids": [
                    (0, 0, {"action": "dismiss", "member_id": head.id}),
                    (
                        0,
                        0,
                        {
                            "action": "appoint",
                            "partner_id": self.bob.id,
                            "role": "head",
                        },
                    ),
                ],
            }
        )
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "vstbpn_committee.vstbpn_committee_decision_report", decision.ids
        )
        html = html.decode()
        for expected in (
            "ỦY BAN NHÂN DÂN THÀNH PHỐ QUY NHƠN",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "Số: 15/QĐ-UBND",
            "Quy Nhơn, ngày 20 tháng 12 năm 2023",
            "QUYẾT ĐỊNH",
            "Điều 1.",
            "Trưởng ban",
            "Miễn nhiệm",
            "01/01/2024",
            "Nơi nhận:",
            "- Như Điều 3;",
            "Lưu: VT",
            "TM. ỦY BAN NHÂN DÂN",
            "CHỦ TỊCH",
            "Trần Văn B",
        ):
            self.assertIn(expected, html)
        self.assertLess(
            html.index("Bob"), html.index("Alice"), "appointments are listed first"
        )

    def test_printing_without_vietnamese_installed(self):
        """Where vi_VN is missing, the document prints in the user's language."""
        decision = self.Decision.create(
            {"name": "3/QĐ", "committee_id": self.district_a.id, "date": "2024-03-05"}
        )
        Lang = type(self.env["res.lang"])
        with patch.object(Lang, "_lang_get", lambda self, code: self.browse()):
            html, _kind = self.env["ir.actions.report"]._render_qweb_html(
                "vstbpn_committee.vstbpn_committee_decision_report", decision.ids
            )
        html = html.decode()
        self.assertIn("DECISION", html)
        self.assertIn("Article 1.", html)
        self.assertIn("ngày 05 tháng 3 năm 2024", html)  # the date line is the law's
