from odoo import models
from odoo.exceptions import UserError
from odoo.tools import SQL

from odoo.addons.vstbpn_committee.tools import sql_array

from .vstbpn_report_rows import LAYOUT_FIELDS

HEADER_ROWS = 4  # title, period, unit names, female/male/total
UNIT_FIGURE_FIELDS = [
    "committee_id",
    "report_id",
    "indicator_id",
    "result_female",
    "result_male",
    "result_total",
    "result_value",
]


class VstbpnReportXlsxConsolidation(models.AbstractModel):
    """A consolidated report: indicators as rows; the units, the report's own
    figures and the total as columns, each split into female, male and total.

    The units are those right below (``detail=False``) or every unit that
    typed its own figures anywhere below (``detail=True``: the communes of a
    national consolidation). Each row's figures come from one grouped read and
    are written at once, so memory does not grow with the number of units.
    """

    _name = "vstbpn.report.xlsx.consolidation"
    _inherit = "vstbpn.report.xlsx.abstract"
    _description = "Consolidated Report XLSX"

    def _check_renderable(self, report):
        if not report.is_consolidated:
            raise UserError(self.env._("Consolidate the report first."))

    def _get_sheet_name(self, report):
        return self.env._("Consolidation")

    def _get_unit_reports(self, report, detail):
        if detail:
            return report._get_detail_reports()
        return report.consolidated_report_ids

    def _get_columns(self, report, detail=False):
        """[(committee or False for the total, label)]: the groups of female /
        male / total columns, in order."""
        units = self._get_unit_reports(report, detail).committee_id.sorted(
            "complete_name"
        )
        # column headers, where space is short: the units' short names
        own = self.env._(
            "%(unit)s (own)",
            unit=report.committee_id.short_name or report.committee_id.name,
        )
        return (
            [(committee, committee.short_name or committee.name) for committee in units]
            + [(report.committee_id, own)]
            + [(False, self.env._("Total"))]
        )

    def _write_header(self, sheet, formats, report, columns, detail=False):
        Rows = self.env["vstbpn.report.rows"]
        indicator_columns = Rows._pick_columns(("code", "name"))
        sex_columns = Rows._pick_columns(LAYOUT_FIELDS["by_sex"])
        self._set_column_widths(sheet, indicator_columns)
        for index in range(len(columns)):
            self._set_column_widths(sheet, sex_columns, first=2 + 3 * index)
        sheet.write(0, 0, report.name, formats["title"])
        sheet.write(
            1,
            0,
            self.env._(
                "%(period)s, deadline %(deadline)s",
                period=report.period_id.name,
                deadline=self._format_date_vi(report.deadline),
            ),
            formats["italic"],
        )
        # constant_memory: each row is written whole before the next one
        for col, column in enumerate(indicator_columns.values()):
            sheet.write(2, col, column["header"], formats["header"])
        for index, (_committee, label) in enumerate(columns):
            col = 2 + 3 * index
            sheet.merge_range(2, col, 2, col + 2, label, formats["header"])
        for col in range(len(indicator_columns)):
            sheet.write_blank(3, col, None, formats["header"])
        for index in range(len(columns)):
            for offset, column in enumerate(sex_columns.values()):
                sheet.write_string(
                    3, 2 + 3 * index + offset, column["header"], formats["header"]
                )
        self._write_target_header(sheet, formats, 2 + 3 * len(columns))
        sheet.freeze_panes(HEADER_ROWS, 2)
        return HEADER_ROWS

    def _write_rows(self, sheet, formats, report, columns, row, detail=False):
        Rows = self.env["vstbpn.report.rows"]
        unit_reports = self._get_unit_reports(report, detail)
        # the last two columns are the report's own figures and the total
        unit_ids = [committee.id for committee, _label in columns[:-2]]
        own_col = 2 + 3 * len(unit_ids)
        for indicator_row in Rows._get_rows(report):
            if indicator_row.layout == "text":
                continue
            indicator = indicator_row.indicator
            by_sex = indicator_row.layout == "by_sex"
            labels = Rows._get_label_cells(indicator_row)
            sheet.write_string(row, 0, labels["code"], formats["cell_text"])
            sheet.write_string(row, 1, labels["name"], formats["cell_text"])
            number = self._number_format(formats, indicator)
            units = self._get_unit_figures(unit_reports, indicator)
            write_figures = self._write_figures
            for index, committee_id in enumerate(unit_ids):
                write_figures(
                    sheet, row, 2 + 3 * index, by_sex, units.get(committee_id), number
                )
            own = Rows._get_figures(indicator_row, reported=False)
            write_figures(sheet, row, own_col, by_sex, own, number)
            total = Rows._get_figures(indicator_row)
            write_figures(sheet, row, own_col + 3, by_sex, total, formats["cell_total"])
            self._write_target_cells(sheet, formats, row, own_col + 6, indicator_row)
            row += 1
        return row

    def _get_unit_figures(self, unit_reports, indicator):
        """{committee id: (female, male, total, value)} of one indicator.

        Plain rows rather than a grouped read: each unit has one line per
        indicator, and at national scale (3,000+ units, 100 rows) building
        records for every group costs more than writing the cells. The unit
        reports were searched with the user's rights: the rows are theirs to see.
        """
        Value = self.env["vstbpn.report.value"]
        Value.flush_model(UNIT_FIGURE_FIELDS)
        # period_id and indicator_id first: the (period, indicator) index reads
        # only this indicator's lines instead of probing once per unit; floats,
        # not the numeric columns' Decimals, which cost a conversion per cell
        self.env.cr.execute(
            SQL(
                """
                SELECT committee_id, result_female::float8, result_male::float8,
                       result_total::float8, result_value::float8
                  FROM vstbpn_report_value
                 WHERE period_id = ANY(%s) AND indicator_id = %s
                   AND report_id = ANY(%s)
                """,
                unit_reports.period_id.ids,
                indicator.id,
                sql_array(unit_reports.ids, "int4"),
            )
        )
        return {row[0]: row[1:] for row in self.env.cr.fetchall()}

    def _write_figures(self, sheet, row, col, by_sex, figures, cell_format):
        if not figures:
            for offset in range(3):
                sheet.write_blank(row, col + offset, None, cell_format)
            return
        female, male, total, number = figures
        if by_sex:
            sheet.write_number(row, col, female or 0, cell_format)
            sheet.write_number(row, col + 1, male or 0, cell_format)
            sheet.write_number(row, col + 2, total or 0, cell_format)
        else:
            sheet.write_blank(row, col, None, cell_format)
            sheet.write_blank(row, col + 1, None, cell_format)
            sheet.write_number(row, col + 2, number or 0, cell_format)
