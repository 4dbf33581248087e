from odoo import models

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")


class VstbpnWorkPlanBudgetXlsx(models.AbstractModel):
    """The budget estimate (dự toán kinh phí) of one work plan, as a finance
    office reads it: lines grouped by the spending contents of Circular
    191/2009/TT-BTC with their totals, the grand total, then the totals by
    funding source."""

    _name = "vstbpn.work.plan.budget.xlsx"
    _inherit = ["vstbpn.work.plan.xlsx.abstract"]
    _description = "Budget Estimate XLSX"

    def _get_xlsx(self, plan):
        """``(content, filename)`` of the plan's estimate."""
        plan.check_access("read")
        data = {"plan": plan, "budget": plan._vstbpn_budget_data()}
        code = plan.committee_id.code or plan.committee_id.id
        filename = f"du-toan-kinh-phi-{code}-{plan.year}-v{plan.version}.xlsx"
        return self._render(data), filename

    def _get_sheet_name(self, data):
        return self.env._("Budget %(year)s", year=data["plan"].year)

    def _get_columns(self, data):
        return [
            (self.env._("No."), 6),
            (self.env._("Content"), 48),
            (self.env._("Unit of Measure"), 10),
            (self.env._("Quantity"), 10),
            (self.env._("Unit Cost (VND)"), 16),
            (self.env._("Amount (VND)"), 18),
            (self.env._("Funding Source"), 24),
            (self.env._("Note"), 24),
        ]

    def _write_content(self, sheet, formats, columns, data):
        plan, budget = data["plan"], data["budget"]
        self._write_title(sheet, formats, plan)
        row = self._write_header_row(sheet, formats, columns, 5)
        sources = dict(
            plan.budget_line_ids._fields["funding_source"]._description_selection(
                self.env
            )
        )
        for index, group in enumerate(budget["categories"]):
            row = self._write_category(sheet, formats, row, index, group, sources)
        row = self._write_total_row(sheet, formats, row, budget["total"])
        self._write_source_totals(sheet, formats, row + 1, budget)

    def _write_title(self, sheet, formats, plan):
        sheet.write(0, 0, plan.committee_id.name, formats["label"])
        sheet.write(
            2,
            0,
            self.env._(
                "Budget estimate of %(plan)s (Circular 191/2009/TT-BTC)",
                plan=plan.display_name,
            ),
            formats["title"],
        )
        sheet.write(3, 0, self.env._("Unit: Vietnamese đồng"), formats["italic"])

    def _write_category(self, sheet, formats, row, index, group, sources):
        """The category's row (Roman number, name, total), then its lines;
        returns the next free row."""
        number = ROMAN[index] if index < len(ROMAN) else str(index + 1)
        sheet.write(row, 0, number, formats["center"])
        sheet.write(row, 1, group["category"].name, formats["text_bold"])
        for col in (2, 3, 4, 6, 7):
            sheet.write_blank(row, col, None, formats["text"])
        sheet.write_number(row, 5, group["total"], formats["vnd_bold"])
        row += 1
        for line_index, line in enumerate(group["lines"], start=1):
            self._write_line(sheet, formats, row, line_index, line, sources)
            row += 1
        return row

    def _write_line(self, sheet, formats, row, line_index, line, sources):
        sheet.write(row, 0, line_index, formats["center"])
        sheet.write(row, 1, line.name, formats["text"])
        sheet.write(row, 2, line.uom_name or "", formats["text"])
        sheet.write_number(row, 3, line.quantity, formats["quantity"])
        sheet.write_number(row, 4, line.unit_cost, formats["vnd"])
        sheet.write_number(row, 5, line.amount, formats["vnd"])
        sheet.write(row, 6, sources[line.funding_source], formats["text"])
        sheet.write(row, 7, line.note or "", formats["text"])

    def _write_total_row(self, sheet, formats, row, total):
        """The grand total; returns the next free row."""
        sheet.write_blank(row, 0, None, formats["text"])
        sheet.write(row, 1, self.env._("Total"), formats["text_bold"])
        for col in (2, 3, 4, 6, 7):
            sheet.write_blank(row, col, None, formats["text"])
        sheet.write_number(row, 5, total, formats["vnd_bold"])
        return row + 1

    def _write_source_totals(self, sheet, formats, row, budget):
        sheet.write(row, 1, self.env._("Totals by funding source"), formats["label"])
        row += 1
        for source in budget["sources"]:
            sheet.write(row, 1, source["label"], formats["text"])
            sheet.write_number(row, 5, source["total"], formats["vnd"])
            row += 1
        sheet.write(row, 1, self.env._("Total"), formats["text_bold"])
        sheet.write_number(row, 5, budget["total"], formats["vnd_bold"])
