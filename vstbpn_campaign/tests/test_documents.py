import io

from openpyxl import load_workbook

from odoo.tests import tagged

from .common import VstbpnCampaignCase

FORMATS = 13  # the seeded formats


@tagged("post_install", "-at_install")
class TestDocuments(VstbpnCampaignCase):
    """The XLSX summary and the printed results report, from one provider."""

    def setUp(self):
        super().setUp()
        self._done(
            self._activity(
                partner_line_ids=[
                    (
                        0,
                        0,
                        {
                            "partner_id": self.partner.id,
                            "role": "enterprise",
                            "cash_amount": 2_500_000,
                        },
                    )
                ]
            ),
            20,
            10,
        )
        self._done(
            self._activity(
                plan=self.plan_b, user=self.officer_b, format_id=self.launch.id
            ),
            8,
            4,
        )

    def _sheet(self, user):
        content, filename = self.campaign.with_user(user)._get_summary_xlsx()
        self.assertTrue(filename.endswith(".xlsx"))
        return load_workbook(io.BytesIO(content)).worksheets[0]

    def _rows(self, sheet):
        return {
            (row[0].value, row[4].value): [cell.value for cell in row[5:]]
            for row in sheet.iter_rows(min_row=5)
            if row[0].value
        }

    def test_summary_by_unit_and_format(self):
        sheet = self._sheet(self.officer_p)
        self.assertEqual(sheet["A1"].value, self.campaign.name)
        self.assertEqual(sheet.cell(4, 7).value, "Activities done")
        rows = self._rows(sheet)
        self.assertEqual(
            len(rows), 4 * FORMATS + FORMATS, "every unit × every format, then totals"
        )
        talk_a = rows[("T-P-A", "Talk")]
        # planned, done, cancelled, expected F/M/T, counted F/M/T, cash...
        self.assertEqual(talk_a[:9], [1, 1, 0, 30, 20, 50, 20, 10, 30])
        self.assertEqual(talk_a[9], 2_500_000)
        self.assertEqual(rows[("T-P-A", "Launch ceremony")][:3], [0, 0, 0])
        self.assertEqual(rows[("Total", "Launch ceremony")][6:9], [8, 4, 12])

    def test_summary_as_the_unit_sees_it(self):
        rows = self._rows(self._sheet(self.officer_a))
        self.assertEqual(
            {code for code, _format in rows} - {"Total"},
            {"T-P-A", "T-P-A1"},
            "the unit and the units below it",
        )
        self.assertEqual(rows[("Total", "Launch ceremony")][6:9], [0, 0, 0])

    def test_download_route(self):
        action = self.campaign.action_download_summary()
        self.assertEqual(
            action["url"], f"/vstbpn_campaign/campaign/{self.campaign.id}/xlsx"
        )

    def test_printed_results_report(self):
        self.province.document_place = "Bình Định"
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "vstbpn_campaign.vstbpn_campaign_results_report", self.campaign.ids
            )[0]
            .decode()
        )
        self.assertIn("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", html)
        self.assertIn("PROVINCE P", html)
        self.assertIn("Bình Định, ngày", html)
        self.assertIn("District A", html)
        self.assertIn("2.500.000", html, "Vietnamese number format")
