import logging
import re
from collections import namedtuple

from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

from odoo.addons.vstbpn_committee.tools import sql_array

from .vstbpn_report_value import FIGURES, REPORTED_FIELD
from .vstbpn_validation_expression import (
    MAX_LENGTH,
    ExpressionError,
    parse,
    split_reference,
)

_logger = logging.getLogger(__name__)

OPERATORS = [
    ("eq", "="),
    ("ne", "≠"),
    ("lt", "<"),
    ("le", "≤"),
    ("gt", ">"),
    ("ge", "≥"),
]
IMPORTANCES = [("error", "Error"), ("warning", "Warning")]
SKIP_POLICIES = [
    ("all_zero", "When all its figures are zero"),
    ("any_zero", "When any of its figures is zero"),
    ("never", "Never"),
]
# The reported figures a reference reads (the result fields of the value
# model's FIGURES): consolidated ones on a consolidated report, the unit's own
# otherwise. Without a part: the total of an indicator by sex, the number (1
# for yes) of the others.
FIGURE_COLUMNS = {
    "female": FIGURES["female"].result,
    "male": FIGURES["male"].result,
    "total": FIGURES["total"].result,
    "value": REPORTED_FIELD,
    None: REPORTED_FIELD,
}
MESSAGE_PLACEHOLDER = re.compile(r"\{(\w*)\}")
MESSAGE_PLACEHOLDERS = ("left", "right")
# Figures carry 2 decimals: what float arithmetic adds below this is noise.
EPSILON = 1e-6
# Every violation of the rules on a set of reports, refreshed in one
# statement that writes only what changes: the violations found are compared
# with those stored; new ones are inserted, those whose figures or importance
# changed are updated (keeping the unit's explanation), those no longer found
# are deleted, the others are left alone. It returns the reports whose
# violations changed.
STORE_VIOLATIONS = """
    WITH found (report_id, rule_id, importance, left_value, right_value) AS (
        %(found)s
    ),
    stored AS (
        SELECT x.id, x.report_id, x.rule_id, x.importance, x.left_value,
               x.right_value
          FROM vstbpn_report_violation x
         WHERE %(checked)s
    ),
    diff AS MATERIALIZED (
        SELECT s.id, f.report_id, f.rule_id, f.importance, f.left_value,
               f.right_value, s.report_id AS stored_report_id,
               (s.importance, s.left_value, s.right_value)
               IS DISTINCT FROM
               (f.importance, f.left_value, f.right_value) AS changed
          FROM found f
          FULL JOIN stored s
            ON s.report_id = f.report_id AND s.rule_id = f.rule_id
    ),
    gone AS (
        DELETE FROM vstbpn_report_violation x
         USING diff d
         WHERE x.id = d.id AND d.report_id IS NULL
     RETURNING x.report_id
    ),
    updated AS (
        UPDATE vstbpn_report_violation x
           SET importance = d.importance,
               left_value = d.left_value,
               right_value = d.right_value
          FROM diff d
         WHERE x.id = d.id AND d.report_id IS NOT NULL AND d.changed
     RETURNING x.report_id
    ),
    inserted AS (
        INSERT INTO vstbpn_report_violation (
            report_id, rule_id, importance, left_value, right_value)
        SELECT report_id, rule_id, importance, left_value, right_value
          FROM diff
         WHERE id IS NULL
        -- stored meanwhile by a concurrent check: PostgreSQL then refuses
        -- with a serialization failure, which Odoo retries
        ON CONFLICT (report_id, rule_id) DO NOTHING
     RETURNING report_id
    )
    SELECT report_id FROM gone
     UNION
    SELECT report_id FROM updated
     UNION
    SELECT report_id FROM inserted
"""
# The reports breaking one rule, among those of its scope: see
# ``vstbpn.validation.rule._violations_sql``.
FIND_VIOLATIONS = """
    SELECT c.report_id, %(rule)s, %(importance)s, c.left_value,
           c.right_value
      FROM (SELECT v0.report_id, %(left)s AS left_value,
                   %(right)s AS right_value
              FROM vstbpn_report_value v0 %(joins)s
             WHERE v0.indicator_id = %(first)s AND %(scope)s
               AND NOT %(skip)s) AS c
     WHERE NOT (%(holds)s)
"""
# The reports a statement checks, by template: their ids, their periods, and
# whether they are all the reports of those periods.
Scope = namedtuple("Scope", "report_ids period_ids whole")
NOTHING_FOUND = (
    "SELECT NULL::int4, NULL::int4, NULL::varchar, NULL::float8, NULL::float8 "
    "WHERE FALSE"
)


class SqlCompiler:
    """Compiles an expression into SQL over the figures of one report: a
    division by zero gives NULL, and so leaves the rule unevaluated."""

    SYMBOLS = {"add": "+", "sub": "-", "mul": "*"}

    def __init__(self, columns):
        self.columns = columns

    def number(self, value):
        return SQL("%s::float8", value)

    def reference(self, text):
        return self.columns[text]

    def negate(self, operand):
        return SQL("(-%s)", operand)

    def binary(self, kind, left, right):
        if kind == "div":
            return SQL("(%s / NULLIF(%s, 0))", left, right)
        return SQL("(%s %s %s)", left, SQL(self.SYMBOLS[kind]), right)


class VstbpnValidationRule(models.Model):
    """A rule that ties indicators of a report together, as reviewers check
    them: a left side, a comparison and a right side, each an expression over
    indicator figures (see ``vstbpn_validation_expression``).

    An error blocks the submission of the report; a warning needs the unit's
    explanation first. Rules are evaluated in the database, every rule over
    every report given in one statement (``_evaluate_reports``), and their
    violations stored as ``vstbpn.report.violation``.
    """

    _name = "vstbpn.validation.rule"
    _description = "Validation Rule"
    _inherit = ["vstbpn.integrity.mixin"]
    _order = "sequence, id"
    _vstbpn_max_lengths = {
        "left_expression": MAX_LENGTH,
        "right_expression": MAX_LENGTH,
        "message": MAX_LENGTH,
    }

    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    active = fields.Boolean(default=True)
    left_expression = fields.Char(
        string="Left Side",
        required=True,
        help="Indicator figures in square brackets, [CODE] or [CODE.part] with part "
        "female, male, total or value, combined with numbers, + − × ÷ and "
        "parentheses. Example: [FC-02.female] / [FC-01.female] × 100.",
    )
    operator = fields.Selection(OPERATORS, required=True, default="le")
    right_expression = fields.Char(
        string="Right Side",
        required=True,
        help="Written as the left side, e.g. [FC-01.female] or 100.",
    )
    tolerance = fields.Float(
        digits=(16, 4),
        help="How far apart the two sides may be and still count as equal (for =, "
        "≠, ≤ and ≥), e.g. 0.5 for a percentage rounded to the unit.",
    )
    importance = fields.Selection(
        IMPORTANCES,
        required=True,
        default="error",
        help="An error blocks the submission of the report until the figures are "
        "corrected; a warning lets it through once the unit has explained it.",
    )
    skip_policy = fields.Selection(
        SKIP_POLICIES,
        string="Skip the Rule",
        required=True,
        default="all_zero",
        help="A report where the figures the rule reads are not filled in (zero) "
        "is not checked: when all of them are zero, when any of them is, or "
        "always checked. A division by zero always leaves the rule unchecked.",
    )
    message = fields.Char(
        translate=True,
        help="What the unit reads when its report breaks the rule. {left} and "
        "{right} are replaced by the figures of the two sides. Left empty, a "
        "message is made from the expressions.",
    )
    template_ids = fields.Many2many(
        "vstbpn.report.template",
        "vstbpn_validation_rule_template_rel",
        "rule_id",
        "template_id",
        string="Templates",
        help="The report templates the rule applies to; left empty, it applies to "
        "every template that asks for all of its indicators.",
    )
    indicator_ids = fields.Many2many(
        "vstbpn.indicator",
        "vstbpn_validation_rule_indicator_rel",
        "rule_id",
        "indicator_id",
        string="Indicators",
        compute="_compute_indicator_ids",
        store=True,
        help="The indicators the rule reads.",
    )

    @api.depends("left_expression", "right_expression")
    def _compute_indicator_ids(self):
        indicators = self._find_indicators(self._reference_texts())
        for rule in self:
            try:
                references = rule._parse_sides(indicators)[2]
            except ExpressionError:
                references = {}
            rule.indicator_ids = self.env["vstbpn.indicator"].union(
                *(indicator for indicator, _part in references.values())
            )

    # CONSTRAINTS

    @api.constrains("left_expression", "right_expression", "template_ids", "active")
    def _check_expressions(self):
        found = self._find_indicators(self._reference_texts())
        for rule in self:
            references = rule._check_sides(found)
            indicators = self.env["vstbpn.indicator"].union(
                *(indicator for indicator, _part in references.values())
            )
            for template in rule.template_ids:
                missing = indicators - template.line_ids.indicator_id
                if missing:
                    raise ValidationError(
                        self.env._(
                            "Rule %(rule)s applies to the template %(template)s, which "
                            "does not ask for %(codes)s: add them to the template or "
                            "remove the template from the rule.",
                            rule=rule.name,
                            template=template.name,
                            codes=", ".join(missing.mapped("code")),
                        )
                    )

    @api.constrains("tolerance")
    def _check_tolerance(self):
        for rule in self:
            # written so that NaN, which fails every comparison, is refused too
            if not rule.tolerance >= 0:
                raise ValidationError(
                    self.env._(
                        "Rule %(rule)s: the tolerance cannot be below zero; enter 0 "
                        "or a positive number.",
                        rule=rule.name,
                    )
                )

    @api.constrains("message")
    def _check_message(self):
        for rule in self:
            for name in MESSAGE_PLACEHOLDER.findall(rule.message or ""):
                if name not in MESSAGE_PLACEHOLDERS:
                    placeholder = "{" + name + "}"
                    raise ValidationError(
                        self.env._(
                            "The message of rule %(rule)s uses “%(placeholder)s”: only "
                            "{left} and {right} are replaced by figures.",
                            rule=rule.name,
                            placeholder=placeholder,
                        )
                    )

    def _check_sides(self, indicators=None):
        """{reference text: (indicator, part)} of the rule, or ValidationError
        saying which side is wrong and how. ``indicators`` as for
        ``_parse_sides``."""
        self.ensure_one()
        try:
            return self._parse_sides(indicators)[2]
        except ExpressionError as error:
            side = error.params.pop("side", "left")
            raise ValidationError(
                self.env._(
                    "Rule %(rule)s, %(side)s side: %(problem)s",
                    rule=self.name,
                    side=self.env._("left") if side == "left" else self.env._("right"),
                    problem=self._describe_expression_error(error),
                )
            ) from None

    def _describe_expression_error(self, error):
        """The sentence that tells the administrator what to fix."""
        p = error.params
        messages = {
            **self._syntax_error_messages(p),
            **self._size_error_messages(p),
            **self._reference_error_messages(p),
        }
        messages["unexpected_token"] = messages["unexpected_character"]
        return messages.get(error.kind, lambda: error.kind)()

    def _syntax_error_messages(self, p):
        """{error kind: sentence maker} of an expression that cannot be read."""
        env = self.env
        return {
            "empty": lambda: env._(
                "it is empty: write a figure such as [FC-01.total], or a number."
            ),
            "unexpected_character": lambda: env._(
                "“%(text)s” at position %(position)s is not understood: write "
                "indicator codes in square brackets, numbers, + − × ÷ and "
                "parentheses.",
                text=p.get("text"),
                position=p.get("position"),
            ),
            "unexpected_end": lambda: env._(
                "it ends too early: complete the last operation."
            ),
            "unclosed_parenthesis": lambda: env._(
                "the parenthesis opened at position %(position)s is not closed.",
                position=p.get("position"),
            ),
            "empty_reference": lambda: env._(
                "the brackets at position %(position)s are empty: write an "
                "indicator code in them.",
                position=p.get("position"),
            ),
        }

    def _size_error_messages(self, p):
        """{error kind: sentence maker} of an expression too big, or one that
        can never be computed."""
        env = self.env
        return {
            "too_long": lambda: env._(
                "it is longer than %(limit)s characters: shorten it.",
                limit=p.get("limit"),
            ),
            "too_deep": lambda: env._(
                "it nests more than %(limit)s levels of parentheses: simplify it.",
                limit=p.get("limit"),
            ),
            "too_many_references": lambda: env._(
                "it reads more than %(limit)s figures: split it into several rules.",
                limit=p.get("limit"),
            ),
            "division_by_zero": lambda: env._(
                "it divides by %(text)s, which is always zero: change the divisor.",
                text=p.get("text"),
            ),
        }

    def _reference_error_messages(self, p):
        """{error kind: sentence maker} of a reference to a figure that no
        indicator reports."""
        env = self.env
        return {
            "unknown_code": lambda: env._(
                "no indicator has the code %(code)s: check the code in the "
                "indicator list.",
                code=p.get("code"),
            ),
            "unknown_part": lambda: env._(
                "[%(code)s.%(part)s]: “%(part)s” is not a part of a figure; write "
                "female, male, total or value.",
                code=p.get("code"),
                part=p.get("part"),
            ),
            "text_indicator": lambda: env._(
                "%(code)s holds texts: a rule compares numbers only.",
                code=p.get("code"),
            ),
            "part_without_sex": lambda: env._(
                "%(code)s is not reported by sex: write [%(code)s] or "
                "[%(code)s.value] instead of [%(code)s.%(part)s].",
                code=p.get("code"),
                part=p.get("part"),
            ),
        }

    # EXPRESSIONS

    def _parse_trees(self):
        """(left tree, right tree); ExpressionError, with the side in its
        params, when one cannot be read."""
        self.ensure_one()
        trees = []
        for side in ("left", "right"):
            try:
                trees.append(parse(self[f"{side}_expression"]))
            except ExpressionError as error:
                error.params["side"] = side
                raise
        return trees

    def _parse_sides(self, indicators=None):
        """(left tree, right tree, {reference text: (indicator, part)});
        ExpressionError, with the side in its params, when one is wrong.
        ``indicators`` ({code: indicator}) spares a search per rule."""
        left, right = self._parse_trees()
        if indicators is None:
            indicators = self._find_indicators(left.references() + right.references())
        references = {}
        for side, tree in (("left", left), ("right", right)):
            try:
                references.update(self._resolve_references(tree, indicators))
            except ExpressionError as error:
                error.params["side"] = side
                raise
        return left, right, references

    @api.model
    def _find_indicators(self, texts):
        """{code: indicator} of the indicators that references may name."""
        candidates = set(texts) | {text.rpartition(".")[0].strip() for text in texts}
        return {
            indicator.code: indicator
            for indicator in self.env["vstbpn.indicator"]
            .sudo()
            .with_context(active_test=False)
            .search_fetch(
                [("code", "in", [c for c in candidates if c])],
                ["code", "value_type", "by_sex"],
            )
        }

    def _resolve_references(self, tree, indicators):
        """{reference text: (indicator, part)} of a tree's references."""
        references = {}
        for text in tree.references():
            code, part = split_reference(text, indicators)
            indicator = indicators[code]
            if indicator.value_type == "text":
                raise ExpressionError("text_indicator", code=code)
            if part in ("female", "male") and not indicator.by_sex:
                raise ExpressionError("part_without_sex", code=code, part=part)
            references[text] = (indicator, part)
        return references

    def _holds_sql(self, left, right):
        """SQL that is true where the two sides satisfy the rule."""
        self.ensure_one()
        slack = (self.tolerance or 0.0) + EPSILON
        return {
            "eq": lambda: SQL("ABS(%s - %s) <= %s", left, right, slack),
            "ne": lambda: SQL("ABS(%s - %s) > %s", left, right, slack),
            "lt": lambda: SQL("%s < %s - %s", left, right, EPSILON),
            "le": lambda: SQL("%s <= %s + %s", left, right, slack),
            "gt": lambda: SQL("%s > %s + %s", left, right, EPSILON),
            "ge": lambda: SQL("%s >= %s - %s", left, right, slack),
        }[self.operator]()

    def _skip_sql(self, figures):
        """SQL that is true where the report's figures leave the rule unchecked."""
        self.ensure_one()
        if self.skip_policy == "never":
            return SQL("FALSE")
        joiner = SQL(" AND ") if self.skip_policy == "all_zero" else SQL(" OR ")
        return SQL(
            "COALESCE(%s, TRUE)",
            joiner.join(SQL("%s = 0", figure) for figure in figures),
        )

    # EVALUATION

    @api.model
    def _evaluate_reports(self, reports):
        """Check every active rule on ``reports`` and store what they break;
        return the reports whose violations changed.

        One statement whatever the number of reports and rules: each rule
        reads the figures it needs (one row per report, the report's lines
        of its indicators joined), and the violations found are compared
        with those stored, in the database: only what changes is written,
        so checking figures that did not change writes nothing. Runs as
        superuser: violations are the system's, the caller has checked that
        the user may see the reports.
        """
        if not reports:
            return self.env["vstbpn.report"]
        reports = reports.sudo()
        self._flush_before_evaluation(reports)
        scopes = self._get_scopes(reports)
        rules = self._active_rules()
        indicators = self._find_indicators(rules._reference_texts())
        found = [
            branch
            for rule in rules
            if (branch := rule._violations_sql(scopes, indicators))
        ]
        changed = self._store_violations(found, scopes)
        self._forget_stored_violations(changed)
        return changed

    @api.model
    def _flush_before_evaluation(self, reports):
        """Write to the database what the statement reads."""
        self.env["vstbpn.report.value"].sudo().flush_model(
            ["report_id", "period_id", "indicator_id", *set(FIGURE_COLUMNS.values())]
        )
        self.env["vstbpn.report.violation"].flush_model()
        reports.flush_recordset(["period_id", "template_id"])

    @api.model
    def _active_rules(self):
        return self.sudo().search_fetch(
            [("active", "=", True)],
            ["left_expression", "right_expression", "operator", "tolerance"]
            + ["importance", "skip_policy"],
        )

    @api.model
    def _store_violations(self, found, scopes):
        """Replace the stored violations of ``scopes`` by those ``found``
        (SELECT statements), writing only what changes; return the reports
        whose violations changed."""
        self.env.cr.execute(
            SQL(
                STORE_VIOLATIONS,
                found=SQL(" UNION ALL ").join(found) if found else SQL(NOTHING_FOUND),
                checked=self._stored_scope_condition(list(scopes.values())),
            )
        )
        return self.env["vstbpn.report"].browse(
            report_id for (report_id,) in self.env.cr.fetchall()
        )

    @api.model
    def _forget_stored_violations(self, changed):
        """What the statement wrote: the violations of these reports, and
        what the reports compute from them."""
        if changed:
            self.env["vstbpn.report.violation"].invalidate_model()
            changed.invalidate_recordset(["violation_ids"])
            changed.modified(["violation_ids"])

    @api.model
    def _get_scopes(self, reports):
        """{template id: Scope} of the reports, in one grouped query. A
        scope that holds every report of its periods is checked by period:
        the committee above reviewing a national period spares the database
        a list of thousands of ids in each rule's query."""
        self.env.cr.execute(
            SQL(
                """
                WITH given AS (
                    SELECT template_id, period_id, ARRAY_AGG(id) AS ids,
                           COUNT(*) AS n
                      FROM vstbpn_report
                     WHERE id = ANY(%(ids)s)
                  GROUP BY template_id, period_id
                )
                SELECT g.template_id, g.period_id, g.ids,
                       SUM(g.n) OVER (PARTITION BY g.period_id) = (
                           SELECT COUNT(*) FROM vstbpn_report r
                            WHERE r.period_id = g.period_id)
                  FROM given g
                """,
                ids=sql_array(reports.ids, "int4"),
            )
        )
        by_template = {}
        for template_id, period_id, ids, whole in self.env.cr.fetchall():
            by_template.setdefault(template_id, []).append((period_id, ids, whole))
        return {
            template_id: Scope(
                report_ids=[id_ for _period, ids, _whole in batches for id_ in ids],
                period_ids={period for period, _ids, _whole in batches},
                whole=all(whole for _period, _ids, whole in batches),
            )
            for template_id, batches in by_template.items()
        }

    @api.model
    def _scope_condition(self, scopes, alias):
        """SQL that selects the report lines (table ``alias``) of the reports
        in ``scopes``."""
        condition = self._period_condition(scopes, alias)
        if all(scope.whole for scope in scopes):
            return condition
        report_ids = [id_ for scope in scopes for id_ in scope.report_ids]
        return SQL(
            "%s AND %s = ANY(%s)",
            condition,
            SQL.identifier(alias, "report_id"),
            sql_array(report_ids, "int4"),
        )

    @api.model
    def _period_condition(self, scopes, alias):
        """SQL that selects the report lines (table ``alias``) of the periods
        of ``scopes``: a plain equality for one period, which the database
        checks faster than a list."""
        column = SQL.identifier(alias, "period_id")
        period_ids = sorted({p for scope in scopes for p in scope.period_ids})
        if len(period_ids) == 1:
            return SQL("%s = %s", column, period_ids[0])
        return SQL("%s = ANY(%s)", column, period_ids)

    @api.model
    def _stored_scope_condition(self, scopes):
        """SQL that selects the stored violations (alias x) of the reports in
        ``scopes``: those whose violations a check replaces."""
        if all(scope.whole for scope in scopes):
            period_ids = sorted({p for scope in scopes for p in scope.period_ids})
            return SQL(
                "x.report_id IN "
                "(SELECT id FROM vstbpn_report WHERE period_id = ANY(%s))",
                period_ids,
            )
        report_ids = [id_ for scope in scopes for id_ in scope.report_ids]
        return SQL("x.report_id = ANY(%s)", sql_array(report_ids, "int4"))

    def _applicable_scopes(self, scopes):
        """The scopes (see ``_get_scopes``) of the templates the rule
        applies to: those it names, or all."""
        self.ensure_one()
        return [
            scope
            for template_id, scope in scopes.items()
            if not self.template_ids or template_id in self.template_ids.ids
        ]

    def _reference_texts(self):
        """Every reference the rules' expressions make, readable or not."""
        texts = []
        for rule in self:
            try:
                texts += [
                    ref for tree in rule._parse_trees() for ref in tree.references()
                ]
            except ExpressionError:
                continue
        return texts

    def _violations_sql(self, scopes, indicators):
        """SELECT report_id, rule_id, importance, left_value, right_value of
        the reports breaking this rule; None when it cannot apply.

        The report's line of the first indicator the rule reads is joined
        with its lines of the others, through the (report, indicator) unique
        index: one row per report, with the figures the rule compares. A
        side that is NULL (a division by zero) fails the comparison, and so
        leaves the rule unchecked.
        """
        self.ensure_one()
        scopes = self._applicable_scopes(scopes)
        sides = scopes and self._readable_sides(indicators)
        if not sides:
            return None
        left, right, references = sides
        indicator_ids = list(
            dict.fromkeys(indicator.id for indicator, _part in references.values())
        )
        aliases = {id_: f"v{index}" for index, id_ in enumerate(indicator_ids)}
        columns = self._figure_columns(references, aliases)
        compiler = SqlCompiler(columns)
        return SQL(
            FIND_VIOLATIONS,
            rule=self.id,
            importance=self.importance,
            left=left.compile(compiler),
            right=right.compile(compiler),
            joins=self._figure_joins(indicator_ids, aliases, scopes),
            first=indicator_ids[0],
            scope=self._scope_condition(scopes, "v0"),
            skip=self._skip_sql(list(columns.values())),
            holds=self._holds_sql(
                SQL.identifier("c", "left_value"), SQL.identifier("c", "right_value")
            ),
        )

    def _readable_sides(self, indicators):
        """``_parse_sides``, or None (logged) when the rule no longer reads."""
        try:
            return self._parse_sides(indicators)
        except ExpressionError as error:
            # an indicator renamed or removed since the rule was saved
            _logger.warning("Validation rule %s skipped: %s", self.id, error)
            return None

    @api.model
    def _figure_joins(self, indicator_ids, aliases, scopes):
        """SQL joining to the first indicator's line (v0) the same report's
        lines of the other indicators."""
        # the period, redundant with the report, lets the database pick the
        # (period, indicator) index where many periods are stored
        return SQL(" ").join(
            SQL(
                "JOIN vstbpn_report_value %s ON %s = v0.report_id AND %s = %s AND %s",
                SQL.identifier(aliases[id_]),
                SQL.identifier(aliases[id_], "report_id"),
                SQL.identifier(aliases[id_], "indicator_id"),
                id_,
                self._period_condition(scopes, aliases[id_]),
            )
            for id_ in indicator_ids[1:]
        )

    @api.model
    def _figure_columns(self, references, aliases):
        """{reference text: SQL of the figure it reads}."""
        return {
            text: SQL(
                "%s::float8",
                SQL.identifier(aliases[indicator.id], FIGURE_COLUMNS[part]),
            )
            for text, (indicator, part) in references.items()
        }

    # MESSAGES

    def _format_message(self, left, right):
        """The rule's message, in the reader's language, with the figures."""
        self.ensure_one()
        Indicator = self.env["vstbpn.indicator"]
        figures = {
            "left": Indicator._format_figure(left or 0.0),
            "right": Indicator._format_figure(right or 0.0),
        }
        if not self.message:
            return self.env._(
                "%(left_expression)s = %(left)s, %(right_expression)s = %(right)s: "
                "expected %(left_expression)s %(operator)s %(right_expression)s.",
                left_expression=self.left_expression,
                right_expression=self.right_expression,
                operator=dict(OPERATORS)[self.operator],
                **figures,
            )
        return MESSAGE_PLACEHOLDER.sub(
            lambda match: figures.get(match.group(1), match.group()), self.message
        )
