"""Bad input is refused with a message that says what to fix, and nothing is
written: figures that are no numbers or out of range, uploads without a file
or with formulas never computed, impossible deadlines and reminders, and
indicator codes already taken."""

import base64
import io
from datetime import date

from openpyxl import load_workbook

from odoo.exceptions import UserError, ValidationError
from odoo.tests import HttpCase, tagged

from .common import VstbpnReportingCase

NAN, INF = float("nan"), float("inf")


@tagged("post_install", "-at_install")
class TestBadFigures(VstbpnReportingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._open_period_with_reports()
        cls.budget = cls.env.ref("vstbpn_reporting.indicator_act_budget")

    def _assert_refused(self, value, vals, text):
        """The write is refused with ``text`` and the figures stay as they were."""
        before = value.read(["female", "male", "total", "value_number"])[0]
        with self.assertRaisesText(ValidationError, text):
            value.write(vals)
        value.invalidate_recordset()
        self.assertEqual(
            value.read(["female", "male", "total", "value_number"])[0], before
        )

    def test_non_finite_figures_are_no_figures(self):
        for number in (NAN, INF, -INF):
            for indicator, figures in (
                (self.ind_participants, {"female": number, "male": 1, "total": 2}),
                (self.ind_participants, {"female": 1, "male": 1, "total": number}),
                (self.ind_meetings, {"value_number": number}),
                (self.ind_council, {"value_number": number}),
                (self.budget, {"value_number": number}),
            ):
                with self.subTest(number=number, indicator=indicator.code):
                    problems = indicator._get_figure_problems(figures)
                    self.assertEqual(len(problems), 1, problems)
                    self.assertIn("is not a figure", problems[0])

    def test_non_finite_figure_written_over_rpc_is_refused(self):
        """What a client sends through RPC: a user's write, never a traceback."""
        participants = self._value(self.report_a, self.ind_participants)
        participants.write({"female": 3, "male": 2})
        for number in (NAN, INF, -INF):
            for fname in ("female", "total"):
                with (
                    self.subTest(number=number, field=fname),
                    self.assertRaises(ValidationError),
                ):
                    participants.with_user(self.officer_a).write({fname: number})
        participants.invalidate_recordset()
        self.assertEqual(
            (participants.female, participants.male, participants.total), (3, 2, 5)
        )

    def test_count_beyond_the_largest_allowed_value_is_refused(self):
        participants = self._value(self.report_a, self.ind_participants)
        self.assertEqual(self.ind_participants.max_value, 10_000_000)
        self._assert_refused(
            participants,
            {"female": 1e20, "male": 0, "total": 1e20},
            f"cannot be more than {self._figure(10_000_000)}",
        )
        self._assert_refused(
            participants,
            {"female": 6_000_000, "male": 4_000_001},
            f"cannot be more than {self._figure(10_000_000)}",
        )
        participants.write({"female": 6_000_000, "male": 4_000_000})
        self.assertEqual(participants.total, 10_000_000, "the bound itself is fine")

    def test_lowered_largest_allowed_value_is_the_bound(self):
        self.ind_meetings.max_value = 50
        meetings = self._value(self.report_a, self.ind_meetings)
        self._assert_refused(meetings, {"value_number": 51}, "more than 50")
        meetings.value_number = 50
        self.assertEqual(meetings.value_number, 50)

    def test_fraction_of_a_whole_number_is_refused(self):
        meetings = self._value(self.report_a, self.ind_meetings)
        self._assert_refused(meetings, {"value_number": 12.5}, "whole numbers")

    def test_negative_figures_are_refused(self):
        meetings = self._value(self.report_a, self.ind_meetings)
        self._assert_refused(meetings, {"value_number": -1}, "cannot be negative")
        participants = self._value(self.report_a, self.ind_participants)
        self._assert_refused(
            participants, {"female": -2, "male": 5, "total": 3}, "cannot be negative"
        )

    def test_decimal_goes_from_zero_to_a_thousand_billion(self):
        budget = self.env["vstbpn.report.value"].create(
            {"report_id": self.report_a.id, "indicator_id": self.budget.id}
        )
        self.assertEqual(self.budget.max_value, 1e12)
        for number in (1e16, 1e13, 1e12 + 0.01):
            self._assert_refused(
                budget,
                {"value_number": number},
                f"cannot be more than {self._figure(1e12)}",
            )
        self._assert_refused(budget, {"value_number": -1.5}, "cannot be negative")
        budget.value_number = 1e12
        self.assertEqual(budget.value_number, 1e12, "the bound itself is fine")
        budget.value_number = 999_999_999_999.99
        self.assertEqual(budget.value_number, 999_999_999_999.99, "kept as typed")

    def test_percentage_stays_between_0_and_100(self):
        council = self._value(self.report_a, self.ind_council)
        self.assertEqual(self.ind_council.max_value, 100)
        self._assert_refused(council, {"value_number": 100.5}, "between 0 and 100")
        council.value_number = 100
        self.assertEqual(council.value_number, 100)

    def test_largest_allowed_value_must_be_positive(self):
        for max_value in (0, -5, NAN, INF, 1e12 + 1):
            with (
                self.subTest(max_value=max_value),
                self.assertRaisesText(ValidationError, "more than 0 and at most"),
            ):
                self.ind_meetings.max_value = max_value
        self.assertEqual(self.ind_meetings.max_value, 10_000_000)

    def test_largest_allowed_value_follows_the_kind_of_value(self):
        indicator = self.env["vstbpn.indicator"].create(
            {"code": "T-MAX", "name": "Test", "value_type": "decimal"}
        )
        self.assertEqual(indicator.max_value, 1e12)
        indicator.value_type = "integer"
        self.assertEqual(indicator.max_value, 10_000_000)


@tagged("post_install", "-at_install")
class TestBadUpload(VstbpnReportingCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._open_period_with_reports()

    def setUp(self):
        super().setUp()
        self._fill(
            self.report_a,
            {
                self.ind_participants: {"female": 3, "male": 2},
                self.ind_meetings: {"value_number": 1},
            },
        )

    def _form(self):
        content = self.report_a._get_xlsx("filled")[0]
        return load_workbook(io.BytesIO(content)).worksheets[0]

    @staticmethod
    def _row_of(sheet, code):
        return next(row for row in sheet.iter_rows() if row[0].value == code)

    def _import(self, file):
        wizard = self.env["vstbpn.report.import"].create(
            {"report_id": self.report_a.id, "file": file, "filename": "form.xlsx"}
        )
        return wizard.action_import()

    def _upload(self, sheet):
        output = io.BytesIO()
        sheet.parent.save(output)
        return self._import(base64.b64encode(output.getvalue()))

    def _assert_nothing_written(self):
        participants = self._value(self.report_a, self.ind_participants)
        meetings = self._value(self.report_a, self.ind_meetings)
        (participants | meetings).invalidate_recordset()
        self.assertEqual(
            (participants.female, participants.male, participants.total), (3, 2, 5)
        )
        self.assertEqual(meetings.value_number, 1)

    def test_upload_without_a_file_is_refused(self):
        for file in (False, b""):
            with (
                self.subTest(file=file),
                self.assertRaisesText(UserError, "choose the filled form"),
            ):
                self._import(file)
        self._assert_nothing_written()

    def test_formula_without_a_saved_result_is_refused_by_its_cell(self):
        sheet = self._form()
        row = self._row_of(sheet, "ACT-04")
        # openpyxl saves formulas without their results, as some programs do
        row[3].value, row[4].value, row[5].value = "=10+20", 12, None
        self._row_of(sheet, "ACT-01")[6].value = 4  # valid, yet not imported
        with self.assertRaises(UserError) as catcher:
            self._upload(sheet)
        message = str(catcher.exception)
        self.assertIn(f"cell {row[3].coordinate} holds a formula", message)
        self.assertIn("open and save the file in a spreadsheet program", message)
        self.assertIn("Nothing was imported", message)
        self._assert_nothing_written()

    def test_non_finite_text_in_a_number_cell_is_refused_by_its_row(self):
        sheet = self._form()
        meetings = self._row_of(sheet, "ACT-01")
        meetings[6].value = "nan"
        participants = self._row_of(sheet, "ACT-04")
        participants[3].value, participants[4].value = "inf", "1e400"
        with self.assertRaises(UserError) as catcher:
            self._upload(sheet)
        message = str(catcher.exception)
        self.assertIn(f"row {meetings[0].row}, indicator ACT-01", message)
        self.assertIn("not “nan”", message)
        self.assertIn(f"row {participants[0].row}, indicator ACT-04", message)
        self.assertIn("not “inf”", message)
        self.assertIn("not “1e400”", message)
        self._assert_nothing_written()

    def test_count_beyond_the_largest_allowed_value_is_refused_on_upload(self):
        sheet = self._form()
        row = self._row_of(sheet, "ACT-04")
        row[3].value, row[4].value, row[5].value = 1e20, 0, None
        bound = self._figure(10_000_000)
        with self.assertRaisesText(UserError, f"cannot be more than {bound}"):
            self._upload(sheet)
        self._assert_nothing_written()


@tagged("post_install", "-at_install")
class TestBadPeriod(VstbpnReportingCase):
    def test_deadline_before_the_period_starts_is_refused(self):
        with self.assertRaisesText(ValidationError, "is before the period starts"):
            self._create_period(deadline=date(2016, 12, 31))
        period = self._create_period()
        with self.assertRaisesText(ValidationError, "is before the period starts"):
            period.deadline = date(2016, 12, 31)
        with self.assertRaisesText(ValidationError, "is before the period starts"):
            period.date_from = date(2017, 6, 16)
        self.assertEqual(period.deadline, date(2017, 6, 15))
        period.deadline = date(2017, 1, 1)
        self.assertEqual(period.deadline, date(2017, 1, 1), "the first day is fine")

    def test_reminders_are_whole_numbers_of_days_up_to_90(self):
        period = self._create_period()
        for reminders in ("91", "-1", "1" * 40, "a", "7, soon", "7,1.5", "٣"):
            with (
                self.subTest(reminders=reminders),
                self.assertRaisesText(ValidationError, "from 0 to 90"),
            ):
                period.reminder_days = reminders
        self.assertEqual(period.reminder_days, "7,1")
        period.reminder_days = "90, 0,7"
        self.assertEqual(period._get_reminder_offsets(), {0, 7, 90})


@tagged("post_install", "-at_install")
class TestDuplicateIndicatorCode(VstbpnReportingCase):
    def test_duplicate_code_names_the_indicator_using_it(self):
        Indicator = self.env["vstbpn.indicator"]
        with self.assertRaisesText(ValidationError, "[ACT-01] Committee meetings"):
            Indicator.create({"code": "ACT-01", "name": "Meetings again"})
        other = Indicator.create({"code": "T-NEW", "name": "New"})
        with self.assertRaisesText(ValidationError, "code ACT-01 is already used"):
            other.code = "ACT-01"
        self.assertEqual(other.code, "T-NEW")

    def test_archived_indicator_keeps_its_code(self):
        self.ind_meetings.active = False
        with self.assertRaisesText(ValidationError, "ACT-01"):
            self.env["vstbpn.indicator"].create({"code": "ACT-01", "name": "Again"})


@tagged("post_install", "-at_install")
class TestReportRouteParameters(HttpCase):
    """The report's XLSX route answers 400, with a message in the user's
    language, to an unknown report or layout, never a server error."""

    def test_unknown_report_or_layout(self):
        self.env.ref("base.user_admin").lang = "vi_VN"
        self.authenticate("admin", "admin")
        report = self.env["vstbpn.report"].search([], limit=1)
        cases = [
            ("/vstbpn_reporting/report/0/xlsx/filled", "Không có"),
            ("/vstbpn_reporting/report/99999999/xlsx/filled", "Không có"),
            (f"/vstbpn_reporting/report/{report.id}/xlsx/nonsense", "mẫu trình bày"),
        ]
        for url, words in cases:
            with self.subTest(url=url):
                response = self.url_open(url)
                self.assertEqual(response.status_code, 400)
                self.assertIn(words, response.text)
