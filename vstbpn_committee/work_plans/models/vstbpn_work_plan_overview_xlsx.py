from odoo import models


class VstbpnWorkPlanOverviewXlsx(models.AbstractModel):
    """The work plans of a subtree for a year: each unit's status and its
    budget per category (Circular 191/2009/TT-BTC contents), with totals."""

    _name = "vstbpn.work.plan.overview.xlsx"
    _inherit = ["vstbpn.work.plan.xlsx.abstract"]
    _description = "Work Plans of the Units XLSX"

    def _get_xlsx(self, year):
        """``(content, filename)``: every unit the user sees, for ``year``."""
        rows = self.env["vstbpn.work.plan.overview"].search([("year", "=", year)])
        data = dict(rows._vstbpn_subtree_data(), year=year)
        return self._render(data), f"ke-hoach-cong-tac-{year}.xlsx"

    def _get_sheet_name(self, data):
        return self.env._("Work plans %(year)s", year=data["year"])

    def _get_columns(self, data):
        return (
            [
                (self.env._("No."), 6),
                (self.env._("Committee"), 48),
                (self.env._("Level"), 16),
                (self.env._("Status"), 14),
                (self.env._("Version"), 8),
            ]
            + [(category.name, 18) for category in data["categories"]]
            + [(self.env._("Total (VND)"), 18)]
        )

    # the first column of amounts, after No., committee, level, status, version
    FIRST_AMOUNT_COL = 5

    def _write_content(self, sheet, formats, columns, data):
        self._write_title(sheet, formats, data["year"])
        row = self._write_header_row(sheet, formats, columns, 3)
        states = dict(
            self.env["vstbpn.work.plan.overview"]
            ._fields["state"]
            ._description_selection(self.env)
        )
        totals = [0.0] * (len(data["categories"]) + 1)
        for index, record in enumerate(data["rows"], start=1):
            amounts = self._unit_amounts(record, data)
            self._write_unit_row(sheet, formats, row, index, record, states, amounts)
            totals = [
                total + amount for total, amount in zip(totals, amounts, strict=True)
            ]
            row += 1
        sheet.write(row, 1, self.env._("Total"), formats["text_bold"])
        for offset, total in enumerate(totals):
            sheet.write_number(
                row, self.FIRST_AMOUNT_COL + offset, total, formats["vnd_bold"]
            )

    def _write_title(self, sheet, formats, year):
        sheet.write(
            0,
            0,
            self.env._("Work plans and budget estimates %(year)s", year=year),
            formats["title"],
        )
        sheet.write(1, 0, self.env._("Unit: Vietnamese đồng"), formats["italic"])

    def _unit_amounts(self, record, data):
        """The unit's amount per category, then its total."""
        plan_id = record.plan_id.id
        return [
            data["amounts"].get((plan_id, category.id), 0.0)
            for category in data["categories"]
        ] + [record.amount_total]

    def _write_unit_row(self, sheet, formats, row, index, record, states, amounts):
        sheet.write(row, 0, index, formats["center"])
        sheet.write(row, 1, record.unit_complete_name or "", formats["text"])
        sheet.write(row, 2, record.level_id.name or "", formats["text"])
        sheet.write(row, 3, states[record.state], formats["text"])
        sheet.write(row, 4, record.version or "", formats["center"])
        *by_category, total = amounts
        for offset, amount in enumerate(by_category):
            sheet.write_number(
                row, self.FIRST_AMOUNT_COL + offset, amount, formats["vnd"]
            )
        sheet.write_number(
            row, self.FIRST_AMOUNT_COL + len(by_category), total, formats["vnd_bold"]
        )
