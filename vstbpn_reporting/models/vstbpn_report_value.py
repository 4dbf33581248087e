from collections import namedtuple

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools.sql import create_index

# One figure of a report line, held in three fields: what the unit types
# (own), what consolidation combines from the units below (consolidated), and
# what the report says upward (result): the consolidated figure once the
# report is consolidated, the own one otherwise. The only spelling of this
# mapping: the lines' computes, their writers (vstbpn_report_value_writer.py),
# consolidation and the automatic sources all read it from here.
Figure = namedtuple("Figure", "own consolidated result")
FIGURES = {
    "female": Figure("female", "consolidated_female", "result_female"),
    "male": Figure("male", "consolidated_male", "result_male"),
    "total": Figure("total", "consolidated_total", "result_total"),
    "number": Figure("value_number", "consolidated_number", "result_number"),
    "yes": Figure("value_bool", "consolidated_yes", "result_yes"),
    "text": Figure("value_text", "consolidated_text", "result_text"),
}
# The figures that consolidation combines by the indicator's rule (yes/no
# answers are counted, texts listed) and that the input checks look at.
NUMERIC_FIGURES = ("female", "male", "total", "number")
# The one figure that stands for a line in pivots and graphs (reported_value).
REPORTED_FIELD = "result_value"


def figure_fields(kind, keys=tuple(FIGURES)):
    """The fields of one ``kind`` (own, consolidated or result) of the figures
    ``keys``, in their order."""
    return [getattr(FIGURES[key], kind) for key in keys]


def own_result(key, figure):
    """What the result field of the figure ``key`` holds while the line
    reports its own figure: a yes counts 1, a no 0."""
    return int(bool(figure)) if key == "yes" else figure


def reported_value(by_sex, value_type, total, number, yes):
    """The one figure that stands for a value in pivots and graphs, from its
    reported total, number and yes count."""
    if by_sex:
        return total
    return yes if value_type == "boolean" else number


class VstbpnReportValue(models.Model):
    """One indicator on a report: female, male and total, or a number, text or yes/no.

    The unit types its own figures; consolidation writes the combined figures
    of the units below into the ``consolidated_*`` fields, and ``result_*`` holds
    what the report says upward: the consolidated figures once consolidated,
    the unit's own ones otherwise.
    """

    _name = "vstbpn.report.value"
    _inherit = ["vstbpn.report.line.mixin"]
    _description = "Report Indicator Value"
    _order = "report_id, sequence, id"
    _vstbpn_tie_fields = ("report_id", "indicator_id")
    # own -> consolidated -> result, for the addons that extend the lines
    _vstbpn_figures = FIGURES
    # written by consolidation only; the reported result_* are computed
    _vstbpn_derived_fields = ("is_consolidated", *figure_fields("consolidated"))

    # Lookups by report use the unique (report, indicator) index, and by period
    # the (period, indicator) one: single-column indexes on them would only
    # slow down the opening of a period and every consolidation, which write
    # hundreds of thousands of lines.
    report_id = fields.Many2one(index=False)
    parent_committee_id = fields.Many2one(
        related="report_id.parent_committee_id", store=True, index=True
    )
    period_id = fields.Many2one(related="report_id.period_id", store=True)
    report_state = fields.Selection(
        related="report_id.state", string="Report Status", store=True
    )
    indicator_id = fields.Many2one(
        "vstbpn.indicator", required=True, index=True, ondelete="restrict"
    )
    sequence = fields.Integer(compute="_compute_sequence", store=True)
    indicator_code = fields.Char(related="indicator_id.code")
    value_type = fields.Selection(related="indicator_id.value_type")
    by_sex = fields.Boolean(related="indicator_id.by_sex")
    consolidation_rule = fields.Selection(related="indicator_id.consolidation_rule")
    uom = fields.Char(related="indicator_id.uom")
    female = fields.Float(digits=(16, 2))
    male = fields.Float(digits=(16, 2))
    total = fields.Float(
        digits=(16, 2),
        compute="_compute_total",
        store=True,
        readonly=False,
        precompute=True,
    )
    value_number = fields.Float(string="Value", digits=(16, 2))
    value_text = fields.Text(string="Text")
    value_bool = fields.Boolean(string="Yes")
    is_consolidated = fields.Boolean(
        string="Consolidated Figures",
        readonly=True,
        help="The reported figures are those consolidated from the units below.",
    )
    consolidated_female = fields.Float(digits=(16, 2), readonly=True)
    consolidated_male = fields.Float(digits=(16, 2), readonly=True)
    consolidated_total = fields.Float(digits=(16, 2), readonly=True)
    consolidated_number = fields.Float(digits=(16, 2), readonly=True)
    consolidated_yes = fields.Integer(string="Consolidated Yes Count", readonly=True)
    consolidated_text = fields.Text(readonly=True)
    result_female = fields.Float(
        string="Female (reported)",
        digits=(16, 2),
        compute="_compute_results",
        store=True,
    )
    result_male = fields.Float(
        string="Male (reported)", digits=(16, 2), compute="_compute_results", store=True
    )
    result_total = fields.Float(
        string="Total (reported)",
        digits=(16, 2),
        compute="_compute_results",
        store=True,
    )
    result_number = fields.Float(
        string="Value (reported)",
        digits=(16, 2),
        compute="_compute_results",
        store=True,
    )
    result_yes = fields.Integer(
        string="Yes (reported)", compute="_compute_results", store=True
    )
    result_text = fields.Text(
        string="Text (reported)", compute="_compute_results", store=True
    )
    result_value = fields.Float(
        string="Reported Value",
        digits=(16, 2),
        compute="_compute_results",
        store=True,
        help="The total for indicators by sex, the value otherwise: for pivots "
        "and graphs.",
    )

    _sql_constraints = [
        (
            "indicator_unique",
            "unique(report_id, indicator_id)",
            "An indicator appears only once on a report.",
        ),
    ]

    def init(self):
        # One indicator across all the units of a period (exports, breakdowns).
        create_index(
            self.env.cr,
            "vstbpn_report_value_period_indicator_index",
            self._table,
            ["period_id", "indicator_id"],
        )

    @api.depends("indicator_id", "report_id.template_id.line_ids.sequence")
    def _compute_sequence(self):
        for template, values in self.grouped(lambda v: v.report_id.template_id).items():
            sequences = {line.indicator_id: line.sequence for line in template.line_ids}
            for value in values:
                value.sequence = sequences.get(value.indicator_id, 0)

    @api.depends("female", "male")
    def _compute_total(self):
        for value in self:
            if value.female or value.male:
                value.total = value.female + value.male

    @api.depends(
        *figure_fields("own"), *figure_fields("consolidated"), "is_consolidated"
    )
    def _compute_results(self):
        for value in self:
            for key, figure in FIGURES.items():
                value[figure.result] = value._get_result_figure(key)
            indicator = value.indicator_id
            value.result_value = reported_value(
                indicator.by_sex,
                indicator.value_type,
                value.result_total,
                value.result_number,
                value.result_yes,
            )

    def _get_result_figure(self, key):
        """The figure ``key`` this line reports: the consolidated one once
        consolidated, its own otherwise."""
        self.ensure_one()
        figure = FIGURES[key]
        if self.is_consolidated:
            return self[figure.consolidated]
        return own_result(key, self[figure.own])

    # CONSTRAINTS

    @api.constrains(*figure_fields("own", NUMERIC_FIGURES))
    def _check_figures(self):
        own_fields = figure_fields("own", NUMERIC_FIGURES)
        for value in self:
            problems = value.indicator_id._get_figure_problems(
                {fname: value[fname] for fname in own_fields}
            )
            if problems:
                raise ValidationError(
                    self.env._(
                        "%(indicator)s on %(report)s: %(problem)s",
                        indicator=value.indicator_id.display_name,
                        report=value.report_id.name,
                        problem=" ".join(problems),
                    )
                )

    def _check_ratio_denominators(self):
        """A ratio needs its denominator on the same report, with a value."""
        for value in self.filtered(
            lambda v: v.indicator_id.consolidation_rule == "ratio"
        ):
            if not value.result_total and not value.result_number:
                continue  # the unit left the ratio empty: nothing to check
            denominator = value.report_id.value_ids.filtered(
                lambda v, d=value.indicator_id.denominator_id: v.indicator_id == d
            )
            if not denominator or not (
                denominator.result_total or denominator.result_number
            ):
                raise ValidationError(
                    value._ratio_denominator_message(value.indicator_id)
                )

    def _ratio_denominator_message(self, indicator):
        return self.env._(
            "%(indicator)s on %(report)s is a ratio to %(denominator)s, which is "
            "missing or zero: fill in %(denominator)s first.",
            indicator=indicator.display_name,
            report=self.report_id.name,
            denominator=indicator.denominator_id.display_name,
        )
