import re
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from unittest.mock import patch

from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from ..models.vstbpn_figure_source import FigureSource
from ..models.vstbpn_report_value import FIGURES, own_result
from .common import VstbpnReportingCase

# A statement that writes the value table by hand.
WRITES_VALUES = re.compile(
    r"\b(UPDATE|INSERT\s+INTO)\s+vstbpn_report_value\b", re.IGNORECASE
)
WRITER_FILE = Path("vstbpn_reporting", "models", "vstbpn_report_value_writer.py")
# Fixtures write the table as they like: they are not the suite's code.
NOT_THE_SUITE = {"benchmark", "tests"}
REPOSITORY = Path(__file__).resolve().parents[2]


@tagged("post_install", "-at_install")
class TestFigureWriters(VstbpnReportingCase):
    """The value model owns its figures: one mapping own -> consolidated ->
    result, one file of writers, and a registry of the automatic sources."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._open_period_with_reports()
        cls.Value = cls.env["vstbpn.report.value"]

    def _lines(self, report):
        """A line of each kind of figure on ``report``."""
        return {
            "by_sex": self._value(report, self.ind_participants),
            "number": self._value(report, self.ind_meetings),
            "yes": self._value(report, self.ind_plan),
            "text": self._value(report, self.ind_text),
        }

    def test_no_statement_writes_the_values_outside_the_writers(self):
        writers, elsewhere = [], []
        for path in sorted(REPOSITORY.glob("vstbpn_*/**/*.py")):
            relative = path.relative_to(REPOSITORY)
            if NOT_THE_SUITE & set(relative.parts):
                continue
            for number, line in enumerate(path.read_text().splitlines(), 1):
                if WRITES_VALUES.search(line):
                    found = writers if relative == WRITER_FILE else elsewhere
                    found.append(f"{relative}:{number}: {line.strip()}")
        self.assertEqual(elsewhere, [], "write through vstbpn_report_value_writer")
        self.assertTrue(writers, "the pattern finds the writers' own statements")

    def test_own_figures_go_to_own_and_result_fields(self):
        lines = self._lines(self.report_a)
        figures = {
            lines["by_sex"].id: {"female": 2, "male": 3, "total": 5},
            lines["number"].id: {"number": 7},
            lines["yes"].id: {"yes": True},
            lines["text"].id: {"text": "Filled"},
        }
        self.Value._write_own_figures(figures)
        for line_id, line_figures in figures.items():
            line = self.Value.browse(line_id)
            for key, figure in line_figures.items():
                self.assertEqual(line[FIGURES[key].own], figure, key)
                self.assertEqual(line[FIGURES[key].result], own_result(key, figure))
                self.assertFalse(line[FIGURES[key].consolidated], key)
        self.assertEqual(
            [line.result_value for line in lines.values()],
            [5, 7, 1, 0],
            "the total by sex, the number, 1 for yes",
        )

    def test_consolidated_figures_go_to_consolidated_and_result_fields(self):
        lines = self._lines(self.report_p)
        self._value(self.report_p, self.ind_participants).write(
            {"female": 1, "male": 1}
        )
        figures = {
            lines["by_sex"].id: {"female": 4, "male": 6, "total": 10},
            lines["number"].id: {"number": 8},
            lines["yes"].id: {"yes": 2, "number": 2},
            lines["text"].id: {"text": "A: done\nB: done"},
        }
        self.Value._write_consolidated_figures(figures)
        for line_id, line_figures in figures.items():
            line = self.Value.browse(line_id)
            self.assertTrue(line.is_consolidated)
            for key, figure in FIGURES.items():
                # a figure not given is empty: 0, or no text
                expected = line_figures.get(key) or False
                self.assertEqual(line[figure.consolidated] or False, expected, key)
                self.assertEqual(line[figure.result] or False, expected, key)
        self.assertEqual((lines["by_sex"].female, lines["by_sex"].total), (1, 2))
        self.assertEqual([line.result_value for line in lines.values()], [10, 8, 2, 0])

    def test_own_figures_leave_consolidated_results_alone(self):
        line = self._value(self.report_p, self.ind_participants)
        self.Value._write_consolidated_figures(
            {line.id: {"female": 4, "male": 6, "total": 10}}
        )
        self.Value._write_own_figures({line.id: {"female": 1, "male": 2, "total": 3}})
        self.assertEqual((line.female, line.male, line.total), (1, 2, 3))
        self.assertEqual(
            (line.result_female, line.result_male, line.result_total), (4, 6, 10)
        )
        self.assertEqual(line.result_value, 10)

    def test_outlier_flags_keep_the_write_date(self):
        line = self._value(self.report_a, self.ind_meetings)
        written = line.write_date
        self.Value._write_outlier_flags({line.id: ("jump", 12.0, None, None)})
        self.assertEqual(line.outlier_kind, "jump")
        self.assertEqual(line.outlier_previous, 12.0)
        self.assertIn(line, self.report_a.flagged_value_ids)
        line.invalidate_recordset(["write_date"])
        self.assertEqual(line.write_date, written)

    def test_the_registry_names_a_method_per_source(self):
        sources = self.env["vstbpn.figure.source"]._sources()
        selection = dict(self.env["vstbpn.indicator"]._fields["source"].selection)
        for key, source in sources.items():
            self.assertTrue(
                hasattr(self.env["vstbpn.figure.source"], f"_figures_{key}")
            )
            self.assertLessEqual(set(source.indicator_sources), set(selection))
        self.assertLessEqual({"hr", "committee_training"}, set(sources))
        self.assertEqual(
            "campaign" in sources,
            "vstbpn.campaign" in self.env,
            "the Action Month's source is there when the Action Month is",
        )

    def test_an_addon_adds_a_source_by_adding_a_method(self):
        staff = self.env.ref("vstbpn_reporting.indicator_hr_staff")
        self.template.line_ids = [
            Command.create({"sequence": 100, "indicator_id": staff.id})
        ]
        period = self._open_period(
            name="Second half 2017",
            date_from=date(2017, 7, 1),
            date_to=date(2017, 12, 31),
            deadline=date.today() + timedelta(days=10),
        )
        report = self._report(period, self.district_a)
        line = self._value(report, staff)
        with self._source({"female": 1, "male": 2, "total": 3}):
            self.assertEqual(report._fill_automatic_values(), report)
        self.assertEqual((line.female, line.male, line.total), (1, 2, 3))
        self.assertEqual(line.result_value, 3)
        with (
            self._source({"female": 1, "male": 2, "total": 4}),
            self.assertRaises(ValidationError),
        ):
            report._fill_automatic_values()

    @contextmanager
    def _source(self, figures):
        """A source ``test`` of the staff indicator that fills ``figures``:
        a key in the registry and its method, nothing else."""
        Source = self.registry["vstbpn.figure.source"]

        def sources(self):
            return {"test": FigureSource(("hr_staff",), checked=True)}

        def figures_test(self, reports, lines):
            return {line.id: dict(figures) for line in lines}

        with (
            patch.object(Source, "_sources", sources),
            patch.object(Source, "_figures_test", figures_test, create=True),
        ):
            yield
