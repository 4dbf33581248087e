from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from .common import VstbpnReportingCase


@tagged("post_install", "-at_install")
class TestReportDocument(VstbpnReportingCase):
    """The printed report, in the Decree 30/2020/NĐ-CP layout of vstbpn_committee."""

    def test_printed_report_has_the_official_layout_and_figures(self):
        self.province.write(
            {
                "standing_body_partner_id": self.env["res.partner"]
                .create({"name": "Sở Lao động - Thương binh và Xã hội"})
                .id,
            }
        )
        self.district_a.write(
            {
                "document_place": "Quy Nhơn",
                "document_symbol": "BVSTBPN",
                "organization_partner_id": self.env["res.partner"]
                .create({"name": "Ủy ban nhân dân thành phố Quy Nhơn"})
                .id,
            }
        )
        self.env["vstbpn.committee.member"].create(
            {
                "committee_id": self.district_a.id,
                "partner_id": self.env["res.partner"]
                .create({"name": "Trần Thị Thu Hà"})
                .id,
                "role": "head",
                "date_start": "2016-01-01",
            }
        )
        period = self._open_period()
        report = self._report(period, self.district_a)
        self._fill(
            report,
            {
                self.ind_participants: {"female": 1200, "male": 345},
                self.ind_council: {"value_number": 87.5},
            },
        )
        report.answer_ids[:1].answer = "<p>Đã tổ chức 12 hội nghị tuyên truyền.</p>"
        report.date_submitted = "2017-06-15"

        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "vstbpn_reporting.vstbpn_report_document_report", report.ids
        )
        html = html.decode()
        for expected in (
            "ỦY BAN NHÂN DÂN THÀNH PHỐ QUY NHƠN",
            "DISTRICT A",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Số: \u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0/BC-BVSTBPN",
            "Quy Nhơn, ngày 15 tháng 6 năm 2017",
            "BÁO CÁO",
            "Semi-annual 2017",
            "Kính gửi:",
            "Province P (qua Sở Lao động - Thương binh và Xã hội)",
            "Đã tổ chức 12 hội nghị tuyên truyền.",
            "Chỉ tiêu",
            "1.200",
            "1.545",
            "87,5<",
            "Nơi nhận:",
            "TRƯỞNG BAN",
            "Trần Thị Thu Hà",
        ):
            self.assertIn(expected, html)

    def test_document_number_when_given(self):
        period = self._open_period()
        report = self._report(period, self.district_b)
        report.document_number = "25/BC-BVSTBPN"
        self.assertEqual(report._vstbpn_document_values()["number"], "25/BC-BVSTBPN")

    def test_a_report_advises_the_peoples_committee_of_its_own_level(self):
        """§1 of 56/BVSTBPN: a unit reports to its People's Committee as well
        as to the committee above; the addressees come from the committee."""
        ubnd = self.env["res.partner"].create({"name": "Ủy ban nhân dân huyện B"})
        standing = self.env["res.partner"].create(
            {"name": "Phòng Lao động - Thương binh và Xã hội huyện B"}
        )
        period = self._open_period()
        report = self._report(period, self.district_b).with_user(self.officer_b)
        with self.assertRaisesText(ValidationError, "chưa ghi nhận"):
            self.vi(report).send_to_people_committee = True
        self.district_b.write(
            {
                "organization_partner_id": ubnd.id,
                "standing_body_partner_id": standing.id,
            }
        )
        report.write({"send_to_people_committee": True})
        self.assertEqual(
            report._vstbpn_document_values()["addressees"],
            ["Ủy ban nhân dân huyện B", "Province P"],
        )
        report.write({"send_to_committee_above": False, "send_to_standing_body": True})
        self.assertEqual(
            report._vstbpn_document_values()["addressees"],
            [
                "Ủy ban nhân dân huyện B",
                "Phòng Lao động - Thương binh và Xã hội huyện B",
            ],
        )
        with self.assertRaisesText(ValidationError, "không gửi cho ai"):
            self.vi(report).write(
                {"send_to_people_committee": False, "send_to_standing_body": False}
            )
        # a sibling does not choose another unit's addressees
        with self.assertRaises(AccessError):
            report.with_user(self.officer_a).write({"send_to_committee_above": True})
