from odoo import models

from .vstbpn_campaign_summary import ACTIVITY_SUMS

HEADER_ROWS = 4  # title, theme and dates, group labels, column labels
# Columns before the figures: the unit and the format of each row.
LABEL_COLUMNS = 5


class VstbpnCampaignXlsxSummary(models.AbstractModel):
    """The campaign summary as XLSX: one row per unit and format (every format
    for every unit, so that a unit without any launch ceremony shows it), the
    activities planned, done and cancelled, the participants expected and
    counted by sex, the resources mobilised and the online reach; then a total
    per format.

    At national scale that is 3,000+ units × 14 formats × 20 columns, about a
    million cells: the figures come from one grouped query
    (``vstbpn.campaign.summary``) and are written row by row in
    ``constant_memory`` mode, so memory stays flat.
    """

    _name = "vstbpn.campaign.xlsx.summary"
    _inherit = "vstbpn.report.xlsx.abstract"
    _description = "Action Month Summary XLSX"

    def _get_sheet_name(self, campaign):
        return self.env._("Summary")

    def _get_columns(self, campaign, **options):
        """The labels of the figure columns, in order."""
        return [
            self.env._("Activities planned"),
            self.env._("Activities done"),
            self.env._("Activities cancelled"),
            self.env._("Expected women"),
            self.env._("Expected men"),
            self.env._("Expected total"),
            self.env._("Women"),
            self.env._("Men"),
            self.env._("Participants"),
            self.env._("Cash (VND)"),
            self.env._("In kind (VND)"),
            self.env._("Posts"),
            self.env._("Views"),
            self.env._("Shares"),
            self.env._("Partners"),
        ]

    def _write_header(self, sheet, formats, campaign, columns, **options):
        self._set_column_widths(sheet, columns)
        self._write_title(sheet, formats, campaign)
        self._write_column_groups(sheet, formats)
        labels = [
            self.env._("Code"),
            self.env._("Unit"),
            self.env._("Committee above"),
            self.env._("Plan"),
            self.env._("Format"),
        ]
        for col, label in enumerate(labels + columns):
            sheet.write_string(3, col, label, formats["header"])
        sheet.freeze_panes(HEADER_ROWS, LABEL_COLUMNS)
        return HEADER_ROWS

    def _set_column_widths(self, sheet, columns):
        sheet.set_column(0, 0, 12)
        sheet.set_column(1, 2, 36)
        sheet.set_column(3, 3, 12)
        sheet.set_column(4, 4, 28)
        sheet.set_column(LABEL_COLUMNS, LABEL_COLUMNS + len(columns), 12)

    def _write_title(self, sheet, formats, campaign):
        sheet.write(0, 0, campaign.name, formats["title"])
        sheet.write(
            1,
            0,
            self.env._(
                "%(committee)s, from %(start)s to %(end)s. Theme: %(theme)s",
                committee=campaign.committee_id.name,
                start=self._format_date_vi(campaign.date_start),
                end=self._format_date_vi(campaign.date_end),
                theme=campaign.theme or "-",
            ),
            formats["italic"],
        )

    def _write_column_groups(self, sheet, formats):
        """The merged row above the column labels that groups them."""
        groups = [
            (0, LABEL_COLUMNS - 1, self.env._("Unit and format")),
            (LABEL_COLUMNS, LABEL_COLUMNS + 2, self.env._("Activities")),
            (LABEL_COLUMNS + 3, LABEL_COLUMNS + 5, self.env._("Participants expected")),
            (LABEL_COLUMNS + 6, LABEL_COLUMNS + 8, self.env._("Participants (done)")),
            (LABEL_COLUMNS + 9, LABEL_COLUMNS + 10, self.env._("Resources mobilised")),
            (
                LABEL_COLUMNS + 11,
                LABEL_COLUMNS + 14,
                self.env._("Online reach and partners"),
            ),
        ]
        for first, last, label in groups:
            sheet.merge_range(2, first, 2, last, label, formats["header"])

    def _write_rows(self, sheet, formats, campaign, columns, row, **options):
        Summary = self.env["vstbpn.campaign.summary"]
        figures = Summary._by_committee_and_format(campaign)
        plan_states = Summary._plan_states(campaign)
        state_labels = dict(
            self.env["vstbpn.campaign.plan"]
            ._fields["state"]
            ._description_selection(self.env)
        )
        format_list = [
            (format_.id, format_.name)
            for format_ in self.env["vstbpn.campaign.format"].search([])
        ]
        width = 3 + len(ACTIVITY_SUMS)
        zeros = (0,) * width
        totals = {format_id: [0] * width for format_id, _name in format_list}
        text, number = formats["cell_text"], formats["cell_integer"]
        write_string, write_row = sheet.write_string, sheet.write_row
        for committee_id, code, name, above in Summary._committees(campaign):
            plan = state_labels.get(plan_states.get(committee_id), "")
            for format_id, format_name in format_list:
                cells = figures.get((committee_id, format_id), zeros)
                write_string(row, 0, code, text)
                write_string(row, 1, name, text)
                write_string(row, 2, above, text)
                write_string(row, 3, plan, text)
                write_string(row, 4, format_name, text)
                write_row(row, LABEL_COLUMNS, cells, number)
                if cells is not zeros:
                    total = totals[format_id]
                    for index, value in enumerate(cells):
                        total[index] += value
                row += 1
        label = self.env._("Total")
        for format_id, format_name in format_list:
            write_string(row, 0, label, formats["label"])
            write_string(row, 4, format_name, formats["label"])
            write_row(row, LABEL_COLUMNS, totals[format_id], formats["cell_total"])
            row += 1
        return row
