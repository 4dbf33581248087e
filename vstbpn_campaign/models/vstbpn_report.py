from odoo import api, fields, models
from odoo.tools import SQL

from odoo.addons.vstbpn_committee.tools import sql_array
from odoo.addons.vstbpn_reporting.models.vstbpn_indicator import reported_value

# The reported figures of a line that is not consolidated are its own.
RESULT_FIELDS = (
    "result_female",
    "result_male",
    "result_total",
    "result_number",
    "result_yes",
    "result_value",
)


class VstbpnReport(models.Model):
    """Reports whose Action Month indicators fill themselves from the units'
    activities when the period opens, and again on request until submitted."""

    _inherit = "vstbpn.report"

    has_campaign_sources = fields.Boolean(compute="_compute_source_kinds")
    has_hr_sources = fields.Boolean(compute="_compute_source_kinds")

    @api.depends("template_id")
    def _compute_source_kinds(self):
        for report in self:
            sources = report.template_id.line_ids.indicator_id.filtered("source")
            campaign = sources.filtered(lambda i: i._is_campaign_source())
            report.has_campaign_sources = bool(campaign)
            report.has_hr_sources = bool(sources - campaign)

    def _fill_automatic_values(self):
        # the rules are checked once on the reports of every family
        # (reporting's _fill_and_check_automatic_values)
        return super()._fill_automatic_values() | self._vstbpn_fill_campaign_values()

    def action_fill_campaign_values(self):
        self.check_access("write")
        self._vstbpn_check_editable()
        self._vstbpn_fill_campaign_values()._check_rules()
        return True

    def _vstbpn_fill_campaign_values(self):
        """Write the Action Month figures of the draft reports' own lines in
        one UPDATE: opening a national period fills thousands of reports.

        The figures come from validated activities (counts and amounts already
        checked), so the input checks of write() do not apply; the reported
        figures of lines that are not consolidated follow the own ones.
        Returns the reports filled, whose validation rules the caller checks
        again, as when the unit saves its figures.
        """
        drafts = self.filtered(lambda r: r.state == "draft")
        Value = self.env["vstbpn.report.value"].sudo()
        values = Value.search(
            [
                ("report_id", "in", drafts.ids),
                ("indicator_id.source", "=like", "campaign_%"),
            ],
            order="id",  # not the model's order, which joins the reports
        )
        if not values:
            return self.browse()
        rows = []
        Indicator = self.env["vstbpn.indicator"]
        # a unit's figures are the same for every indicator: read once a period
        for period, lines in values.grouped(lambda v: v.report_id.period_id).items():
            figures = Indicator._get_campaign_figures(lines.committee_id, period)
            for value in lines:
                indicator = value.indicator_id
                female, male, total = indicator._campaign_figure(
                    figures[value.committee_id.id]
                )
                rows.append(value._vstbpn_campaign_row(indicator, female, male, total))
        self._vstbpn_write_own_figures(values, rows)
        return values.report_id

    def _vstbpn_write_own_figures(self, values, rows):
        columns = ["female", "male", "total", "value_number", "value_bool", "value"]
        types = ["float8"] * 4 + ["bool", "float8"]
        values.flush_recordset()
        self.env.cr.execute(
            SQL(
                """
                UPDATE vstbpn_report_value AS v
                   SET female = x.female, male = x.male, total = x.total,
                       value_number = x.value_number, value_bool = x.value_bool,
                       result_female = CASE WHEN v.is_consolidated
                                       THEN v.result_female ELSE x.female END,
                       result_male = CASE WHEN v.is_consolidated
                                     THEN v.result_male ELSE x.male END,
                       result_total = CASE WHEN v.is_consolidated
                                      THEN v.result_total ELSE x.total END,
                       result_number = CASE WHEN v.is_consolidated
                                       THEN v.result_number ELSE x.value_number END,
                       result_yes = CASE WHEN v.is_consolidated
                                    THEN v.result_yes ELSE x.value_bool::int END,
                       result_value = CASE WHEN v.is_consolidated
                                      THEN v.result_value ELSE x.value END,
                       write_uid = %(uid)s, write_date = %(now)s
                  FROM unnest(%(ids)s, %(arrays)s) AS x(id, %(columns)s)
                 WHERE v.id = x.id
                """,
                uid=self.env.uid,
                now=self.env.cr.now(),
                ids=sql_array([row["id"] for row in rows], "int4"),
                arrays=SQL(", ").join(
                    sql_array([row[column] for row in rows], column_type)
                    for column, column_type in zip(columns, types, strict=True)
                ),
                columns=SQL(", ").join(SQL.identifier(column) for column in columns),
            )
        )
        written = ["female", "male", "total", "value_number", "value_bool"]
        values.invalidate_recordset([*written, *RESULT_FIELDS, "write_date"])
        # what depends on the reported figures must know (as after consolidation)
        values.modified(list(RESULT_FIELDS))


class VstbpnReportValue(models.Model):
    _inherit = "vstbpn.report.value"

    def _vstbpn_campaign_row(self, indicator, female, male, total):
        """The own figures of this line for an automatic Action Month figure."""
        number = 0 if indicator.by_sex else total
        yes = indicator.value_type == "boolean" and bool(total)
        if not indicator.by_sex:
            female = male = total = 0
        return {
            "id": self.id,
            "female": female,
            "male": male,
            "total": total,
            "value_number": 0 if indicator.value_type == "boolean" else number,
            "value_bool": yes,
            "value": reported_value(
                indicator.by_sex, indicator.value_type, total, number, int(yes)
            ),
        }
