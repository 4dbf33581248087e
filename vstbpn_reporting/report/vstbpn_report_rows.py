from collections import namedtuple

from odoo import models

from ..models.vstbpn_report_value import FIGURES, figure_fields, own_result

# One indicator of a report as every output shows it. ``layout`` is a key of
# LAYOUT_FIELDS: which columns hold the indicator's figures.
IndicatorRow = namedtuple("IndicatorRow", "value indicator layout")

# By layout, the columns that hold the figures and the value's field behind
# each: the form writes these cells and the importer reads them back.
LAYOUT_FIELDS = {
    "by_sex": {key: FIGURES[key].own for key in ("female", "male", "total")},
    "yes_no": {"answer": FIGURES["yes"].own},
    "text": {"answer": FIGURES["text"].own},
    "figure": {"value": FIGURES["number"].own},
}


class VstbpnReportRows(models.AbstractModel):
    """The indicator rows of a report and their columns, for every output.

    The printed report, the XLSX layouts (the unit's form, the consolidation)
    and the importer of filled forms all read the rows and the columns from
    here, as the PDF and XLSX outputs of OCA ``account_financial_report``
    share one data provider: a column or a kind of indicator is added once.
    """

    _name = "vstbpn.report.rows"
    _description = "Report Indicator Rows"

    def _get_columns(self):
        """``{key: {header, width, type}}`` of the unit's form, in order.

        ``type`` says how a cell is written and read: ``text`` (what names the
        indicator), ``figure`` (a number) or ``answer`` (yes/no or a text).
        """
        columns = [
            ("code", self.env._("Code"), 10, "text"),
            ("name", self.env._("Indicator"), 50, "text"),
            ("uom", self.env._("Unit of Measure"), 14, "text"),
            ("female", self.env._("Female"), 12, "figure"),
            ("male", self.env._("Male"), 12, "figure"),
            ("total", self.env._("Total"), 12, "figure"),
            ("value", self.env._("Value"), 14, "figure"),
            ("answer", self.env._("Text or Yes/No"), 40, "answer"),
        ]
        return {
            key: {"header": header, "width": width, "type": kind}
            for key, header, width, kind in columns
        }

    def _pick_columns(self, keys):
        """Some of the columns, such as the female / male / total that the
        consolidation repeats under each unit."""
        columns = self._get_columns()
        return {key: columns[key] for key in keys}

    def _get_rows(self, report):
        """[IndicatorRow] of the report, in the template's order."""
        return [
            IndicatorRow(
                value, value.indicator_id, self._row_layout(value.indicator_id)
            )
            for value in report.value_ids.sorted("sequence")
        ]

    def _row_layout(self, indicator):
        if indicator.by_sex:
            return "by_sex"
        if indicator.value_type == "boolean":
            return "yes_no"
        if indicator.value_type == "text":
            return "text"
        return "figure"

    def _get_label_cells(self, row):
        """``{column key: cell}`` of what names the row's indicator."""
        indicator = row.indicator
        return {
            "code": indicator.code,
            "name": indicator.name,
            "uom": indicator.uom or "",
        }

    def _get_own_cells(self, row):
        """``{column key: cell}`` of the figures the unit typed."""
        value = row.value
        if row.layout == "yes_no":
            return {"answer": self._yes_no(value.value_bool)}
        if row.layout == "text":
            return {"answer": value.value_text or ""}
        return {key: value[fname] for key, fname in LAYOUT_FIELDS[row.layout].items()}

    def _get_figures(self, row, reported=True):
        """(female, male, total, single figure) of a row that is not a text:
        what the report says upward (``reported``) or what the unit typed. The
        single figure of a yes/no is 1 or 0, or the count of yes once
        consolidated."""
        single = "yes" if row.layout == "yes_no" else "number"
        keys = ("female", "male", "total", single)
        figures = [
            row.value[fname]
            for fname in figure_fields("result" if reported else "own", keys)
        ]
        if not reported:
            figures[-1] = own_result(single, figures[-1])
        return tuple(figures)

    def _get_printed_cells(self, row):
        """``{female, male, total}`` of the printed table, in Vietnamese format:
        a figure that is not by sex goes in the total."""
        female, male, total, single = self._get_figures(row)
        if row.layout == "by_sex":
            return {
                "female": self._print_number(female),
                "male": self._print_number(male),
                "total": self._print_number(total),
            }
        if row.layout == "yes_no" and not row.value.is_consolidated:
            return {"female": "", "male": "", "total": self._yes_no(single)}
        return {"female": "", "male": "", "total": self._print_number(single)}

    def _yes_no(self, answer):
        return self.env._("Yes") if answer else self.env._("No")

    def _print_number(self, number):
        return self.env["vstbpn.official.document.mixin"].vstbpn_format_number(
            number, 2, trailing_zeros=False
        )
