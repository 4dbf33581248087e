from odoo import models

from .vstbpn_work_plan_budget_xlsx import ROMAN


class VstbpnWorkPlanSettlementXlsx(models.AbstractModel):
    """The year's settlement (quyết toán kinh phí) of one work plan: estimate,
    spent, remaining and share used per spending content of Circular
    191/2009/TT-BTC with the explanation, the total, then the same per
    funding source. Same data provider as the printed report."""

    _name = "vstbpn.work.plan.settlement.xlsx"
    _inherit = ["vstbpn.work.plan.xlsx.abstract"]
    _description = "Budget Settlement XLSX"

    def _get_xlsx(self, plan):
        """``(content, filename)`` of the plan's settlement."""
        plan.check_access("read")
        data = {"plan": plan, "settlement": plan._vstbpn_settlement_data()}
        code = plan.committee_id.code or plan.committee_id.id
        filename = f"quyet-toan-kinh-phi-{code}-{plan.year}.xlsx"
        return self._render(data), filename

    def _get_sheet_name(self, data):
        return self.env._("Settlement %(year)s", year=data["plan"].year)

    def _get_columns(self, data):
        return [
            (self.env._("No."), 6),
            (self.env._("Content"), 44),
            (self.env._("Estimate (VND)"), 18),
            (self.env._("Spent (VND)"), 18),
            (self.env._("Remaining (VND)"), 18),
            (self.env._("Share Used (%)"), 12),
            (self.env._("Explanation"), 40),
        ]

    def _write_content(self, sheet, formats, columns, data):
        plan, settlement = data["plan"], data["settlement"]
        self._write_title(sheet, formats, plan)
        row = self._write_header_row(sheet, formats, columns, 5)
        for index, line in enumerate(settlement["categories"]):
            number = ROMAN[index] if index < len(ROMAN) else str(index + 1)
            row = self._write_row(
                sheet, formats, row, number, line["category"].name, line
            )
        row = self._write_row(
            sheet, formats, row, "", self.env._("Total"), settlement["total"], True
        )
        sheet.write(row + 1, 1, self.env._("By funding source"), formats["label"])
        row += 2
        for source in settlement["sources"]:
            row = self._write_row(sheet, formats, row, "", source["label"], source)
        if settlement["note"]:
            sheet.write(row + 1, 1, self.env._("Explanation"), formats["label"])
            sheet.write(row + 2, 1, settlement["note"], formats["italic"])

    def _write_title(self, sheet, formats, plan):
        sheet.write(0, 0, plan.committee_id.name, formats["label"])
        sheet.write(
            2,
            0,
            self.env._(
                "Settlement of the %(year)s budget of %(plan)s (Circular "
                "191/2009/TT-BTC, Article 4)",
                year=plan.year,
                plan=plan.display_name,
            ),
            formats["title"],
        )
        sheet.write(3, 0, self.env._("Unit: Vietnamese đồng"), formats["italic"])

    def _write_row(self, sheet, formats, row, number, label, line, bold=False):
        """One row of figures; returns the next free row."""
        text, vnd = ("text_bold", "vnd_bold") if bold else ("text", "vnd")
        sheet.write(row, 0, number, formats["center"])
        sheet.write(row, 1, label, formats[text])
        sheet.write_number(row, 2, line["estimate"], formats[vnd])
        sheet.write_number(row, 3, line["spent"], formats[vnd])
        sheet.write_number(row, 4, line["remaining"], formats[vnd])
        sheet.write_number(row, 5, line["share"], formats["quantity"])
        sheet.write(row, 6, line.get("explanation", ""), formats["text"])
        return row + 1
