import base64
import io
from datetime import date, timedelta

from openpyxl import load_workbook

from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged
from odoo.tools import mute_logger

from .common import VstbpnReportingCase


@tagged("post_install", "-at_install")
class TestXlsx(VstbpnReportingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._open_period_with_reports()

    @staticmethod
    def _sheet(content):
        return load_workbook(io.BytesIO(content)).worksheets[0]

    @staticmethod
    def _row_of(sheet, code):
        return next(row for row in sheet.iter_rows() if row[0].value == code)

    def _upload(self, report, sheet):
        output = io.BytesIO()
        sheet.parent.save(output)
        wizard = self.env["vstbpn.report.import"].create(
            {
                "report_id": report.id,
                "file": base64.b64encode(output.getvalue()),
                "filename": "form.xlsx",
            }
        )
        return wizard.with_context(lang="vi_VN").action_import()

    def test_filled_form_round_trip(self):
        self._fill(self.report_a, {self.ind_participants: {"female": 3, "male": 2}})
        content, filename = self.report_a._get_xlsx("filled")
        self.assertTrue(filename.endswith(".xlsx"))
        sheet = self._sheet(content)
        self.assertEqual(sheet["B3"].value, "T-P-A")
        self.assertEqual(sheet.freeze_panes, "C8")
        self.assertEqual(self._row_of(sheet, "ACT-04")[5].value, 5)
        row = self._row_of(sheet, "ACT-04")
        row[3].value, row[4].value, row[5].value = 30, 12, None
        self._row_of(sheet, "ACT-01")[6].value = "4"
        self._row_of(sheet, "ACT-09")[7].value = "Có"
        self._row_of(sheet, "ACT-11")[7].value = "Thiếu kinh phí"
        self._upload(self.report_a, sheet)
        participants = self._value(self.report_a, self.ind_participants)
        self.assertEqual(
            (participants.female, participants.male, participants.total), (30, 12, 42)
        )
        self.assertEqual(self._value(self.report_a, self.ind_meetings).value_number, 4)
        self.assertTrue(self._value(self.report_a, self.ind_plan).value_bool)
        self.assertEqual(
            self._value(self.report_a, self.ind_text).value_text, "Thiếu kinh phí"
        )

    def test_invalid_form_is_refused_whole_with_every_problem(self):
        sheet = self._sheet(self.report_b._get_xlsx("blank")[0])  # another unit's form
        self._row_of(sheet, "ACT-01")[6].value = "two"
        self._row_of(sheet, "NS-11")[6].value = -1
        row = self._row_of(sheet, "ACT-04")
        row[3].value, row[4].value, row[5].value = 3, 4, 8
        self._row_of(sheet, "NS-01")[6].value = 25  # valid, yet not imported
        sheet.append(["XX-99", "Unknown", None, None, None, None, 1])
        with self.assertRaises(UserError) as catcher:
            self._upload(self.report_a, sheet)
        message = str(catcher.exception)
        self.assertIn("T-P-B", message, "wrong unit")
        self.assertIn("“two”", message, "text in a number cell")
        self.assertIn("NS-11", message)
        self.assertIn("không được là số âm", message)
        self.assertIn("phải bằng tổng số (8", message)
        self.assertIn("XX-99", message, "unknown indicator code")
        self.assertIn("Không có dữ liệu nào được nhập", message)
        self.assertEqual(self._value(self.report_a, self.ind_meetings).value_number, 0)
        inspections = self.env.ref("vstbpn_reporting.indicator_act_inspections")
        self.assertFalse(
            self._value(self.report_a, inspections), "not on this template"
        )

    def test_wrong_period_is_refused(self):
        other = self._open_period(
            name="Other", deadline=date.today() + timedelta(days=9)
        )
        sheet = self._sheet(self._report(other, self.district_a)._get_xlsx("blank")[0])
        with self.assertRaises(UserError) as catcher:
            self._upload(self.report_a, sheet)
        self.assertIn(self.period.name, str(catcher.exception))

    def test_consolidation_export_units_and_total(self):
        self._fill(self.report_a, {self.ind_participants: {"female": 30, "male": 10}})
        self._fill(self.report_b, {self.ind_participants: {"female": 15, "male": 5}})
        (self.report_a | self.report_b).action_submit()
        (self.report_a | self.report_b).action_accept()
        self.report_p.action_consolidate()
        sheet = self._sheet(self.report_p._get_xlsx("consolidation")[0])
        units = [sheet.cell(3, col).value for col in (3, 6, 9, 12)]
        self.assertEqual(units[:2], ["District A", "District B"])
        self.assertEqual(units[3], "Total")
        row = self._row_of(sheet, "ACT-04")
        self.assertEqual([c.value for c in row[2:5]], [30, 10, 40])
        self.assertEqual([c.value for c in row[11:14]], [45, 15, 60])
        self.assertEqual(sheet.freeze_panes, "C5")

    def test_sibling_cannot_export_and_own_export_does_not_leak(self):
        self._fill(self.report_a, {self.ind_participants: {"female": 77, "male": 1}})
        with self.assertRaises(AccessError):
            self.report_a.with_user(self.officer_b)._get_xlsx("filled")
        content = self.report_b.with_user(self.officer_b)._get_xlsx("filled")[0]
        cells = [c.value for row in self._sheet(content).iter_rows() for c in row]
        self.assertNotIn(77, cells)
        self.assertNotIn("T-P-A", cells)


@tagged("post_install", "-at_install")
class TestXlsxDownload(VstbpnReportingCase, HttpCase):
    """The download route answers with the user's own rights."""

    def test_download_own_form_but_not_a_siblings(self):
        period = self._open_period(deadline=date.today() + timedelta(days=10))
        report_a = self._report(period, self.district_a)
        url = f"/vstbpn_reporting/report/{report_a.id}/xlsx/filled"
        self.authenticate(self.officer_a.login, self.officer_a.login)
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("spreadsheetml", response.headers["Content-Type"])
        self.assertEqual(
            load_workbook(io.BytesIO(response.content)).worksheets[0]["B3"].value,
            "T-P-A",
        )
        self.authenticate(self.officer_b.login, self.officer_b.login)
        with mute_logger("odoo.http"):
            response = self.url_open(url)
        self.assertEqual(response.status_code, 403)


@tagged("post_install", "-at_install")
class TestXlsxDetail(VstbpnReportingCase):
    def test_detail_lists_every_unit_that_typed_figures(self):
        commune = self.env["vstbpn.committee"].create(
            {
                "name": "Commune A1",
                "code": "T-P-A-1",
                "level_id": self.env.ref("vstbpn_committee.level_commune").id,
                "parent_id": self.district_a.id,
            }
        )
        period = self._open_period(deadline=date.today() + timedelta(days=3))
        report_c, report_a, report_b, report_p = (
            self._report(period, committee)
            for committee in (commune, self.district_a, self.district_b, self.province)
        )
        self._fill(report_c, {self.ind_participants: {"female": 7, "male": 3}})
        self._fill(report_b, {self.ind_participants: {"female": 5, "male": 5}})
        report_c.action_submit()
        report_c.action_accept()
        report_a.action_consolidate()
        (report_a | report_b).action_submit()
        (report_a | report_b).action_accept()
        report_p.action_consolidate()
        content = report_p._get_xlsx("detail")[0]
        sheet = load_workbook(io.BytesIO(content)).worksheets[0]
        units = [sheet.cell(3, col).value for col in (3, 6, 9, 12)]
        self.assertEqual(
            units, ["Commune A1", "District B", "Province P (own)", "Total"]
        )
        row = next(r for r in sheet.iter_rows() if r[0].value == "ACT-04")
        self.assertEqual([c.value for c in row[2:5]], [7, 3, 10])
        self.assertEqual([c.value for c in row[11:14]], [12, 8, 20])
