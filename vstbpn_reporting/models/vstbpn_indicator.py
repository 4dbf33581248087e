import math
import re
from collections import namedtuple

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare, float_is_zero, formatLang

VALUE_TYPES = [
    ("integer", "Whole Number"),
    ("decimal", "Decimal"),
    ("percentage", "Percentage"),
    ("boolean", "Yes/No"),
    ("text", "Text"),
]
CONSOLIDATION_RULES = [
    ("sum", "Sum"),
    ("avg", "Average"),
    ("min", "Minimum"),
    ("max", "Maximum"),
    ("ratio", "Ratio of Two Indicators"),
    ("count_yes", "Count of Yes"),
    ("text", "Texts with the Unit's Name"),
]
NUMERIC_TYPES = ("integer", "decimal", "percentage")
# No figure of a report goes beyond this, whatever its indicator allows (a
# thousand billion VND is far above a committee's budget): from 10^13 on, the
# ORM's rounding of the figures to 2 decimals no longer keeps them as typed.
MAX_FIGURE = 1e12
# The largest allowed value an indicator starts with, by kind of value.
DEFAULT_MAX_VALUES = {"decimal": MAX_FIGURE, "percentage": 100.0}
DEFAULT_MAX_VALUE = 10_000_000.0
# Rules that only make sense for a given kind of value.
RULES_BY_TYPE = {
    "boolean": ("count_yes",),
    "text": ("text",),
}
# What consolidation needs of an indicator, read once per indicator rather than
# once per line of every report.
ConsolidationRule = namedtuple(
    "ConsolidationRule",
    "rule by_sex value_type numerator_id denominator_id ratio_factor",
)
# A unit of measure that makes the figure a share or a rate: "%", "‰",
# "boys per 100 girls", "per 1,000 people", "bé trai/100 bé gái", "trên 100".
SHARE_UOM = re.compile(r"[%‰]|(?:\bper|\btrên|/)\s*1[\d.,]*0\b", re.IGNORECASE)
# Rules that combine the units' own shares as if they were counts: a share of
# 12 deputies would weigh as much as one of 40.
SHARE_REFUSED_RULES = ("avg", "sum")


class VstbpnIndicator(models.Model):
    """An indicator that lower committees report on and that consolidates upward.

    The catalogue holds the committees' own activity indicators and a selection
    of the national gender statistics (Circular 10/2019/TT-BKHĐT) and of the
    targets of the National Strategy on Gender Equality 2021-2030.
    """

    _name = "vstbpn.indicator"
    _description = "Reporting Indicator"
    _inherit = ["vstbpn.integrity.mixin"]
    _order = "group, sequence, code"
    _rec_names_search = ["code", "name"]
    _vstbpn_unique_fields = ("code",)

    sequence = fields.Integer(default=10)
    code = fields.Char(required=True, index=True)
    name = fields.Char(required=True, translate=True)
    group = fields.Selection(
        [
            ("activity", "Committee Activity"),
            ("female_cadre", "Female Cadres"),
            ("national", "National Gender Statistics"),
            ("strategy", "National Strategy Targets"),
        ],
        required=True,
        default="activity",
    )
    uom = fields.Char(string="Unit of Measure", translate=True)
    value_type = fields.Selection(VALUE_TYPES, required=True, default="integer")
    by_sex = fields.Boolean(
        string="Disaggregated by Sex",
        help="Reported as female, male and total; the total must equal female + male "
        "where both are given.",
    )
    consolidation_rule = fields.Selection(
        CONSOLIDATION_RULES,
        required=True,
        default="sum",
        help="How the values of the units below add up into the report of the "
        "committee above.",
    )
    numerator_id = fields.Many2one(
        "vstbpn.indicator", string="Numerator", ondelete="restrict"
    )
    denominator_id = fields.Many2one(
        "vstbpn.indicator", string="Denominator", ondelete="restrict"
    )
    ratio_factor = fields.Float(
        string="Ratio Factor",
        compute="_compute_ratio_factor",
        store=True,
        readonly=False,
        precompute=True,
        help="A ratio is this factor × numerator ÷ denominator: 100 for a "
        "percentage or for a figure per 100 (boys born per 100 girls), 1 for a "
        "plain quotient.",
    )
    source = fields.Selection(
        [
            ("hr_staff", "HR: staff"),
            ("hr_leaders", "HR: staff in leadership positions"),
            ("hr_succession", "HR: staff in the succession pool"),
            ("hr_trained", "HR: staff trained in the period"),
            ("hr_appointed", "HR: staff appointed in the period"),
            ("committee_training", "Committee: participants in its own trainings"),
        ],
        string="Automatic Source",
        help="Fills the value from the committee's HR departments, or from the "
        "trainings recorded in its calendar; it stays editable until the report "
        "is submitted.",
    )
    max_value = fields.Float(
        string="Largest Allowed Value",
        compute="_compute_max_value",
        store=True,
        readonly=False,
        precompute=True,
        help="No figure reported for this indicator may be above it. Whole numbers "
        "and figures by sex are counts: from 0 up to this value. Decimals (such as "
        "amounts in VND) go from 0 up to this value too; percentages stay between "
        "0 and 100. It can be at most 1,000,000,000,000 (a thousand billion). "
        "Choosing the kind of value sets it to 10,000,000 for whole numbers, "
        "1,000,000,000,000 for decimals and 100 for percentages; change it to fit "
        "the indicator.",
    )
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    # A backstop (concurrent creations): the integrity mixin's check before
    # saving names the indicator using the code, this message cannot.
    _sql_constraints = [
        ("code_unique", "unique(code)", "Another indicator already has this code."),
    ]

    def _is_numeric(self):
        self.ensure_one()
        return self.value_type in NUMERIC_TYPES

    @api.depends("code", "name")
    def _compute_display_name(self):
        for indicator in self:
            indicator.display_name = f"[{indicator.code}] {indicator.name}"

    @api.depends("value_type")
    def _compute_max_value(self):
        for indicator in self:
            indicator.max_value = DEFAULT_MAX_VALUES.get(
                indicator.value_type, DEFAULT_MAX_VALUE
            )

    @api.depends("value_type")
    def _compute_ratio_factor(self):
        for indicator in self:
            is_percentage = indicator.value_type == "percentage"
            indicator.ratio_factor = 100.0 if is_percentage else 1.0

    def _is_share(self):
        """A percentage, or a figure whose unit says it is a share or a rate
        (in the user's language or in English)."""
        self.ensure_one()
        if self.value_type == "percentage":
            return True
        uoms = {self.uom, self.with_context(lang="en_US").uom} - {False, None}
        return any(SHARE_UOM.search(uom) for uom in uoms)

    def _vstbpn_refuse_duplicate(self, values, other):
        if not other:
            return super()._vstbpn_refuse_duplicate(values, other)
        raise ValidationError(
            self.env._(
                "The code %(code)s is already used by the indicator %(other)s: "
                "give each indicator its own code.",
                code=other.code,
                other=other.display_name,
            )
        )

    # CONSTRAINTS

    @api.constrains("max_value")
    def _check_max_value(self):
        for indicator in self:
            # written so that NaN, which fails every comparison, is refused too
            if not 0 < indicator.max_value <= MAX_FIGURE:
                raise ValidationError(
                    self.env._(
                        "Indicator %(code)s: the largest allowed value must be more "
                        "than 0 and at most %(limit)s.",
                        code=indicator.code,
                        limit=indicator._format_figure(MAX_FIGURE),
                    )
                )

    @api.constrains("consolidation_rule", "numerator_id", "denominator_id")
    def _check_ratio(self):
        for indicator in self.filtered(lambda i: i.consolidation_rule == "ratio"):
            if not indicator.numerator_id or not indicator.denominator_id:
                raise ValidationError(
                    self.env._(
                        "Indicator %(code)s is a ratio: choose both its numerator and "
                        "its denominator indicators.",
                        code=indicator.code,
                    )
                )
            if indicator in indicator.numerator_id | indicator.denominator_id:
                raise ValidationError(
                    self.env._(
                        "Indicator %(code)s cannot be a ratio of itself.",
                        code=indicator.code,
                    )
                )

    @api.constrains("ratio_factor")
    def _check_ratio_factor(self):
        for indicator in self:
            if not 0 < indicator.ratio_factor <= MAX_FIGURE:
                raise ValidationError(
                    self.env._(
                        "Indicator %(code)s: the ratio factor must be more than 0 "
                        "(100 for a percentage or a figure per 100, 1 for a plain "
                        "quotient).",
                        code=indicator.code,
                    )
                )

    @api.constrains("value_type", "uom", "consolidation_rule")
    def _check_share_not_averaged(self):
        for indicator in self:
            if (
                indicator.consolidation_rule in SHARE_REFUSED_RULES
                and indicator._is_share()
            ):
                raise ValidationError(indicator._share_not_averaged_message())

    def _share_not_averaged_message(self):
        return self.env._(
            "Indicator %(code)s is a share or a rate (%(uom)s): the units' figures "
            "cannot be averaged or added up, because a unit of 12 people would "
            "weigh as much as one of 40. Its consolidated value is the sum of "
            "the units' numerators divided by the sum of their denominators: "
            "choose the rule “Ratio of Two Indicators” and set its numerator and "
            "denominator indicators.",
            code=self.code,
            uom=self.uom or self.env._("percentage"),
        )

    @api.constrains("value_type", "consolidation_rule", "by_sex")
    def _check_rule_matches_type(self):
        for indicator in self:
            allowed = RULES_BY_TYPE.get(indicator.value_type)
            if allowed and indicator.consolidation_rule not in allowed:
                raise ValidationError(
                    self.env._(
                        "Indicator %(code)s: a yes/no indicator consolidates as a "
                        "count of yes, a text indicator as texts with the unit's name.",
                        code=indicator.code,
                    )
                )
            if not allowed and indicator.consolidation_rule in ("count_yes", "text"):
                raise ValidationError(
                    self.env._(
                        "Indicator %(code)s holds numbers: choose a numeric "
                        "consolidation rule (sum, average, minimum, maximum or ratio).",
                        code=indicator.code,
                    )
                )
            if indicator.by_sex and not indicator._is_numeric():
                raise ValidationError(
                    self.env._(
                        "Indicator %(code)s: only numbers can be disaggregated by sex.",
                        code=indicator.code,
                    )
                )

    def _get_consolidation_rules(self):
        """{indicator id: ConsolidationRule} of these indicators."""
        return {
            indicator.id: ConsolidationRule(
                indicator.consolidation_rule,
                indicator.by_sex,
                indicator.value_type,
                indicator.numerator_id.id,
                indicator.denominator_id.id,
                indicator.ratio_factor,
            )
            for indicator in self
        }

    # VALUE CHECKS

    def _get_figure_problems(self, figures):
        """What is wrong with figures ({female, male, total, value_number}) typed
        for this indicator, as sentences for the user; empty when all is well.
        """
        self.ensure_one()
        keys = ("female", "male", "total") if self.by_sex else ("value_number",)
        numbers = [figures.get(key) or 0.0 for key in keys]
        # NaN fails every comparison and infinities pass some: nothing else is
        # checked until each figure is an ordinary number.
        problems = self._get_non_finite_problems(numbers)
        if problems:
            return problems
        checks = (
            self._get_sign_problem,
            self._get_whole_number_problem,
            self._get_range_problem,
            self._get_sex_sum_problem,
        )
        return [problem for check in checks if (problem := check(numbers))]

    def _get_sign_problem(self, numbers):
        if not any(number < 0 for number in numbers):
            return None
        if self.value_type in ("integer", "percentage") or self.by_sex:
            return self.env._("A count cannot be negative.")
        return self.env._("The value cannot be negative.")

    def _get_whole_number_problem(self, numbers):
        if self.value_type == "integer" and any(
            not float_is_zero(number % 1, precision_digits=2) for number in numbers
        ):
            return self.env._("It is counted in whole numbers.")
        return None

    def _get_range_problem(self, numbers):
        """Beyond 0-100 for a percentage, else beyond the indicator's limit."""
        if self.value_type == "percentage" and any(
            not 0 <= number <= 100 for number in numbers
        ):
            return self.env._("It is a percentage: enter a value between 0 and 100.")
        limit = self._get_figure_limit()
        if any(number > limit for number in numbers):
            return self.env._(
                "It cannot be more than %(limit)s, the largest value allowed for "
                "this indicator: check the figure (an administrator can raise "
                "the limit on the indicator if the figure is right).",
                limit=self._format_figure(limit),
            )
        return None

    def _get_sex_sum_problem(self, numbers):
        if not self.by_sex:
            return None
        female, male, total = numbers
        if (female or male) and float_compare(female + male, total, precision_digits=2):
            return self.env._(
                "Female (%(female)s) + male (%(male)s) must equal the total "
                "(%(total)s).",
                female=female,
                male=male,
                total=total,
            )
        return None

    @api.model
    def _get_non_finite_problems(self, numbers):
        return [
            self.env._(
                "“%(value)s” is not a figure: type an ordinary number.", value=number
            )
            for number in numbers
            if not math.isfinite(number)
        ]

    def _get_figure_limit(self):
        self.ensure_one()
        return min(self.max_value or DEFAULT_MAX_VALUE, MAX_FIGURE)

    def _format_figure(self, number):
        """A bound as the user's language writes it: 10.000.000 in Vietnamese."""
        digits = 0 if float(number).is_integer() else 2
        return formatLang(self.env, number, digits=digits)
