import base64
import io
from datetime import date
from unittest.mock import patch

from openpyxl import load_workbook

from odoo import Command
from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common import VstbpnReportingCase


@tagged("post_install", "-at_install")
class TestTargets(VstbpnReportingCase):
    """Targets: which one a report compares with, the gap and "on track",
    who keeps them, and where they show (XLSX form, printed report)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        Indicator = cls.env["vstbpn.indicator"]
        # indicators of the test's own, so that what other parts of the suite
        # do with the shipped ones (sources, ratios) does not move these figures
        cls.ind_high, cls.ind_low = Indicator.create(
            [
                {
                    "code": "T-TGT-HIGH",
                    "name": "Share that should be high",
                    "group": "strategy",
                    "uom": "%",
                    "value_type": "decimal",
                    "consolidation_rule": "max",
                },
                {
                    "code": "T-TGT-LOW",
                    "name": "Share that should be low",
                    "group": "strategy",
                    "uom": "%",
                    "value_type": "decimal",
                    "consolidation_rule": "max",
                },
            ]
        )
        cls.target_template = cls.env["vstbpn.report.template"].create(
            {
                "name": "Targets template",
                "kind": "annual",
                "line_ids": [
                    Command.create({"sequence": 1, "indicator_id": cls.ind_high.id}),
                    Command.create({"sequence": 2, "indicator_id": cls.ind_low.id}),
                    Command.create({"sequence": 3, "indicator_id": cls.ind_text.id}),
                ],
            }
        )
        Target = cls.env["vstbpn.indicator.target"]
        cls.national_2025, cls.national_2030, cls.low_2025 = Target.create(
            [
                cls._target_vals(cls.ind_high, 2025, 60),
                cls._target_vals(cls.ind_high, 2030, 75),
                cls._target_vals(cls.ind_low, 2025, 30, direction="at_most"),
            ]
        )
        cls.other_province = cls.env["vstbpn.committee"].create(
            {
                "name": "Other Province",
                "code": "T-OP",
                "level_id": cls.province.level_id.id,
            }
        )

    @classmethod
    def _target_vals(cls, indicator, year, value, committee=None, **extra):
        return {
            "indicator_id": indicator.id,
            "year": year,
            "target_value": value,
            "adopting_committee_id": committee.id if committee else False,
            "source_text": f"Đạt {value}% vào năm {year}.",
            **extra,
        }

    def _annual_report(self, year, committee=None):
        """The report of ``committee`` (district A by default) in an annual
        period of ``year`` asked by its province."""
        committee = committee or self.district_a
        period = self._open_period(
            name=f"Annual {year}",
            template_id=self.target_template.id,
            committee_id=(committee.parent_id or committee).id,
            date_from=date(year, 1, 1),
            date_to=date(year, 12, 31),
            deadline=date(year, 12, 31),
        )
        return self._report(period, committee)

    # the rule

    def test_at_least_target_on_track_and_behind(self):
        report = self._annual_report(2017)
        value = self._value(report, self.ind_high)
        value.value_number = 65
        self.assertEqual(value.target_id, self.national_2025)
        self.assertEqual((value.target_value, value.target_year), (60, 2025))
        self.assertEqual((value.target_gap, value.target_status), (5, "on_track"))
        value.value_number = 50
        self.assertEqual((value.target_gap, value.target_status), (-10, "behind"))
        value.value_number = 60
        self.assertEqual(value.target_status, "on_track", "reaching it is on track")
        value.value_number = 0
        self.assertEqual(value.target_id, self.national_2025, "the target shows")
        self.assertFalse(value.target_status, "a zero is not filled in yet")

    def test_at_most_target_gap_is_the_margin_below(self):
        report = self._annual_report(2020)
        value = self._value(report, self.ind_low)
        value.value_number = 25
        self.assertEqual((value.target_gap, value.target_status), (5, "on_track"))
        value.value_number = 35
        self.assertEqual((value.target_gap, value.target_status), (-5, "behind"))

    def test_nearest_milestone_on_or_after_the_year(self):
        self.assertEqual(
            self._value(self._annual_report(2025), self.ind_high).target_id,
            self.national_2025,
        )
        self.assertEqual(
            self._value(self._annual_report(2026), self.ind_high).target_id,
            self.national_2030,
        )
        after = self._value(self._annual_report(2031), self.ind_high)
        self.assertFalse(after.target_id, "past the last milestone: no target")
        self.assertFalse(after.target_status)

    def test_province_target_overrides_the_national_one_for_its_subtree(self):
        self.env["vstbpn.indicator.target"].create(
            self._target_vals(self.ind_high, 2025, 70, committee=self.province)
        )
        own = self._value(self._annual_report(2022), self.ind_high)
        own.value_number = 65
        self.assertEqual((own.target_value, own.target_status), (70, "behind"))
        other = self._value(
            self._annual_report(2022, committee=self.other_province), self.ind_high
        )
        other.value_number = 65
        self.assertEqual((other.target_value, other.target_status), (60, "on_track"))
        # past the province's own milestone, the national one applies again
        later = self._value(self._annual_report(2027), self.ind_high)
        self.assertEqual(later.target_id, self.national_2030)

    def test_a_line_without_target_has_none(self):
        report = self._annual_report(2017)
        text = self._value(report, self.ind_text)
        self.assertFalse(text.target_id)
        self.assertFalse(text.target_status)

    def test_targets_are_read_once_for_all_the_reports(self):
        reports = self._annual_report(2017) | self._annual_report(2026)
        # as a list view reads them: a batch of lines, the targets not cached
        values = self.env["vstbpn.report.value"].browse(reports.value_ids.ids)
        values.invalidate_recordset()
        Target = type(self.env["vstbpn.indicator.target"])
        with patch.object(
            Target,
            "_get_targets_by_report",
            autospec=True,
            side_effect=Target._get_targets_by_report,
        ) as lookup:
            values.mapped("target_status")
        self.assertEqual(lookup.call_count, 1)
        self.assertEqual(
            values.filtered(lambda v: v.indicator_id == self.ind_high).mapped(
                "target_year"
            ),
            [2025, 2030],
            "each report its own milestone",
        )

    def test_queries_do_not_grow_with_the_reports(self):
        def queries(reports):
            values = self.env["vstbpn.report.value"].browse(reports.value_ids.ids)
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            values.mapped("target_status")
            return self.cr.sql_log_count - before

        reports = [self._annual_report(year) for year in (2017, 2021, 2026)]
        other = self._annual_report(2022, committee=self.other_province)
        one = queries(reports[0])
        self.assertEqual(queries(reports[0] | reports[1] | reports[2] | other), one)

    # refusals

    def test_bad_targets_are_refused_in_vietnamese(self):
        Target = self.vi(self.env["vstbpn.indicator.target"])
        with self.refused(ValidationError, "Năm của mục tiêu phải từ 2000 đến 2100"):
            Target.create(self._target_vals(self.ind_high, 1990, 10))
        with self.refused(ValidationError, "không có số liệu để so với mục tiêu"):
            Target.create(self._target_vals(self.ind_text, 2025, 10))
        with self.refused(ValidationError, "đã có mục tiêu cho năm 2025"):
            Target.create(self._target_vals(self.ind_high, 2025, 65))
        with self.refused(ValidationError, "phải từ 0 đến"):
            Target.create(self._target_vals(self.ind_high, 2024, -1))

    # access

    @mute_logger("odoo.models", "odoo.addons.base.models.ir_rule")
    def test_officers_keep_only_their_own_committees_targets(self):
        Target = self.env["vstbpn.indicator.target"]
        province_target, other_target = Target.create(
            [
                self._target_vals(self.ind_high, 2024, 65, committee=self.province),
                self._target_vals(
                    self.ind_high, 2024, 65, committee=self.other_province
                ),
            ]
        )
        as_a = Target.with_user(self.officer_a)
        # a unit reads the targets that apply to it, never another branch's
        for user in (self.officer_a, self.member_a):
            self.assertEqual(
                Target.with_user(user).search(
                    [("indicator_id", "=", self.ind_high.id), ("year", "=", 2024)]
                ),
                province_target,
            )
        spec = {
            "display_name": {},
            "adopting_committee_id": {"fields": {"display_name": {}}},
        }
        shown = province_target.with_user(self.member_a).web_read(spec)
        self.assertEqual(shown[0]["adopting_committee_id"]["id"], self.province.id)
        with self.assertRaises(AccessError):
            other_target.with_user(self.officer_a).web_read(spec)
        for target in (self.national_2025, province_target, other_target):
            with self.assertRaises(AccessError):
                target.with_user(self.officer_a).write({"target_value": 1})
        with self.assertRaises(AccessError):
            as_a.create(self._target_vals(self.ind_high, 2023, 1))
        with self.assertRaises(AccessError):
            as_a.create(
                self._target_vals(self.ind_high, 2023, 1, committee=self.district_b)
            )
        with self.assertRaises(AccessError):
            self.national_2025.with_user(self.officer_p).write({"target_value": 1})
        with self.assertRaises(AccessError):
            other_target.with_user(self.officer_p).unlink()
        with self.assertRaises(AccessError):
            Target.with_user(self.member_a).create(
                self._target_vals(self.ind_high, 2023, 1, committee=self.district_a)
            )
        own = as_a.create(
            self._target_vals(self.ind_high, 2023, 50, committee=self.district_a)
        )
        own.write({"target_value": 55})
        province_target.with_user(self.officer_p).write({"target_value": 66})
        self.assertEqual((own.target_value, province_target.target_value), (55, 66))

    # outputs

    def test_xlsx_form_shows_target_gap_and_status(self):
        report = self._annual_report(2017)
        self._value(report, self.ind_high).value_number = 50
        content, _filename = report._get_xlsx("filled")
        sheet = load_workbook(io.BytesIO(content)).worksheets[0]
        rows = list(sheet.iter_rows(values_only=True))
        self.assertEqual(rows[6][-3:], ("Target", "Gap", "Target Status"))
        row = next(r for r in rows if r[0] == "T-TGT-HIGH")
        self.assertEqual(row[-3:], (60, -10, "Behind"))
        text_row = next(r for r in rows if r[0] == self.ind_text.code)
        self.assertEqual(text_row[-3:], (None, None, None))
        low_row = next(r for r in rows if r[0] == "T-TGT-LOW")
        self.assertEqual(low_row[-3:], (30, None, None), "no figure yet: no gap")
        blank, _filename = report._get_xlsx("blank")
        blank_rows = list(load_workbook(io.BytesIO(blank)).worksheets[0].values)
        self.assertNotIn("Target", blank_rows[6], "the blank form is for typing")

    def test_consolidation_export_shows_the_total_against_its_target(self):
        period = self._open_period(
            name="Annual 2017",
            template_id=self.target_template.id,
            date_from=date(2017, 1, 1),
            date_to=date(2017, 12, 31),
            deadline=date(2017, 12, 31),
        )
        reports = period.report_ids
        report_p = self._report(period, self.province)
        units = reports - report_p
        for report, figure in zip(units, (50, 70), strict=True):
            self._value(report, self.ind_high).value_number = figure
        units.action_submit()
        units.action_accept()
        report_p.action_consolidate()
        content, _filename = report_p._get_xlsx("consolidation")
        rows = list(load_workbook(io.BytesIO(content)).worksheets[0].values)
        self.assertEqual(rows[3][-3:], ("Target", "Gap", "Target Status"))
        row = next(r for r in rows if r[0] == "T-TGT-HIGH")
        # the units' maximum (the indicator's rule) against the target
        self.assertEqual(row[-4:], (70, 60, 10, "On Track"))

    def test_xlsx_form_in_vietnamese(self):
        report = self.vi(self._annual_report(2017))
        self._value(report, self.ind_high).value_number = 65
        content, _filename = report._get_xlsx("filled")
        rows = list(load_workbook(io.BytesIO(content)).worksheets[0].values)
        self.assertEqual(rows[6][-3:], ("Mục tiêu", "Chênh lệch", "Đánh giá"))
        row = next(r for r in rows if r[0] == "T-TGT-HIGH")
        self.assertEqual(row[-3:], (60, 5, "Đạt"))

    def test_filled_form_with_targets_uploads_back(self):
        report = self._annual_report(2017)
        self._value(report, self.ind_high).value_number = 50
        content, _filename = report._get_xlsx("filled")
        workbook = load_workbook(io.BytesIO(content))
        sheet = workbook.worksheets[0]
        row = next(r for r in sheet.iter_rows() if r[0].value == "T-TGT-HIGH")
        row[6].value = 70
        output = io.BytesIO()
        workbook.save(output)
        self.env["vstbpn.report.import"].create(
            {
                "report_id": report.id,
                "file": base64.b64encode(output.getvalue()),
                "filename": "form.xlsx",
            }
        ).action_import()
        value = self._value(report, self.ind_high)
        self.assertEqual((value.value_number, value.target_status), (70, "on_track"))

    def test_printed_report_shows_target_gap_and_status(self):
        report = self._annual_report(2017)
        self._value(report, self.ind_high).value_number = 50
        self._value(report, self.ind_low).value_number = 20
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "vstbpn_reporting.vstbpn_report_document_report", report.ids
        )
        html = html.decode()
        # printed in Vietnamese, whatever the user's language
        for expected in ("Chênh lệch", "Đánh giá", "≥ 60", "≤ 30", "-10", "Chưa đạt"):
            self.assertIn(expected, html)
        self.assertIn("Đạt<", html.replace("</td>", "<"))
