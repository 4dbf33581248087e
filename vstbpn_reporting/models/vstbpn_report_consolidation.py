from collections import defaultdict

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

from .vstbpn_report_value import (
    FIGURES,
    NUMERIC_FIGURES,
    REPORTED_FIELD,
    figure_fields,
)

# The columns of a report's own lines that consolidation reads.
OWN_COLUMNS = ("id", "report_id", "indicator_id", *figure_fields("own"))
# The reported figures of the units below that consolidation reads.
RESULT_FIELDS = [*figure_fields("result"), REPORTED_FIELD]


class VstbpnReport(models.Model):
    """Consolidation of committees' reports from the reports right below them.

    All the reports of one level are consolidated together: the figures of the
    units below are combined in the database by one grouped read (plus one for
    texts), whatever the number of reports and units; the results are stored
    with one batched update. Deeper levels go first, so a tree consolidates
    commune -> district -> province -> national in one call.
    """

    _inherit = "vstbpn.report"

    consolidation_includes_submitted = fields.Boolean(readonly=True, copy=False)

    def action_consolidate(self):
        return self._consolidate(include_submitted=False)

    def action_consolidate_with_submitted(self):
        return self._consolidate(include_submitted=True)

    def _consolidate(self, include_submitted=False):
        self.check_access("write")
        self._vstbpn_check_editable()
        depth = {r: r.committee_id.sudo().parent_path.count("/") for r in self}
        for level in sorted(set(depth.values()), reverse=True):
            reports = self.filtered(lambda r, lv=level: depth[r] == lv)
            reports._consolidate_level(include_submitted)
        return True

    def _consolidate_level(self, include_submitted):
        children = self._get_reports_to_consolidate(include_submitted)
        lines_by_report = defaultdict(list)
        for line in self._read_own_lines():
            lines_by_report[line["report_id"]].append(line)
        rules = (
            self.env["vstbpn.indicator"]
            .browse(
                {
                    line["indicator_id"]
                    for lines in lines_by_report.values()
                    for line in lines
                }
            )
            ._get_consolidation_rules()
        )
        self._check_units_sent_ratio_counts(children, rules)
        aggregates = self._aggregate_child_values(
            children, {rule.rule for rule in rules.values()}
        )
        texts = self._gather_child_texts(children, rules)
        figures = {}
        for report in self:
            key = (report.period_id.id, report.committee_id.id)
            figures |= report._consolidated_figures(
                lines_by_report[report.id], rules, aggregates, texts.get(key, {})
            )
        self.env["vstbpn.report.value"]._write_consolidated_figures(figures)
        self._vstbpn_trusted_write(
            {
                "is_consolidated": True,
                "consolidation_date": fields.Datetime.now(),
                "consolidation_includes_submitted": include_submitted,
            }
        )
        self._log_consolidation(children)

    def _log_consolidation(self, children):
        # one grouped query, whatever the number of units (reading their fields
        # would take one query per thousand)
        counts = {
            (period.id, parent.id): count
            for period, parent, count in self.env["vstbpn.report"]._read_group(
                [("id", "in", children.ids)],
                ["period_id", "parent_committee_id"],
                ["__count"],
            )
        }
        self._message_log_batch(
            bodies={
                report.id: self.env._(
                    "Consolidated from %(count)s reports of the units below.",
                    count=counts.get((report.period_id.id, report.committee_id.id), 0),
                )
                for report in self
            }
        )

    def _read_own_lines(self):
        """The reports' own lines as plain rows: at national scale, reading
        thousands of lines field by field through records costs more than the
        grouped read of the units below."""
        Value = self.env["vstbpn.report.value"]
        Value.flush_model([column for column in OWN_COLUMNS if column != "id"])
        self.env.cr.execute(
            SQL(
                "SELECT %s FROM vstbpn_report_value WHERE report_id = ANY(%s)",
                SQL(", ").join(SQL.identifier(column) for column in OWN_COLUMNS),
                self.ids,
            )
        )
        return self.env.cr.dictfetchall()

    def action_cancel_consolidation(self):
        self._vstbpn_check_editable()
        self.check_access("write")
        self._vstbpn_trusted_write({"is_consolidated": False})
        self._get_value_lines()._vstbpn_trusted_write({"is_consolidated": False})
        return True

    def _get_value_lines(self):
        """The reports' lines, in no useful order: ``value_ids`` would sort
        them by the value model's order, whose ``report_id`` expands to the
        report's own order and joins reports and periods over every line."""
        return self.env["vstbpn.report.value"].search(
            [("report_id", "in", self.ids)], order="id"
        )

    def _get_reports_to_consolidate(self, include_submitted):
        """The reports right below these ones, in the same periods."""
        states = ["accepted", "submitted"] if include_submitted else ["accepted"]
        return self.search(
            [
                ("period_id", "in", self.period_id.ids),
                ("parent_committee_id", "in", self.committee_id.ids),
                ("state", "in", states),
            ]
        )

    def _get_detail_reports(self):
        """Reports anywhere below that carry typed figures, not consolidated ones:
        the communes of a national consolidation."""
        self.ensure_one()
        return self.search(
            [
                ("period_id", "=", self.period_id.id),
                ("committee_id", "child_of", self.committee_id.id),
                ("id", "!=", self.id),
                ("is_consolidated", "=", False),
                ("state", "in", ["submitted", "accepted"]),
            ]
        )

    # LISTS OF UNITS

    @api.depends("is_consolidated", "consolidation_includes_submitted")
    def _compute_consolidation_lists(self):
        """The units below as they stand now: consolidate again to refresh figures."""
        for report in self:
            if not report.is_consolidated:
                report.consolidated_report_ids = False
                report.missing_committee_ids = False
                report.late_committee_ids = False
                continue
            children = report._get_reports_to_consolidate(
                report.consolidation_includes_submitted
            )
            expected = self.search(
                [
                    ("period_id", "=", report.period_id.id),
                    ("parent_committee_id", "=", report.committee_id.id),
                ]
            )
            report.consolidated_report_ids = children
            report.missing_committee_ids = expected.committee_id - children.committee_id
            report.late_committee_ids = children.filtered(
                lambda r: r.submission_status == "late"
            ).committee_id

    # COMPUTATION

    def _aggregate_child_values(self, children, rules):
        """Per (period, committee above, indicator id): sums (and the minima and
        maxima the ``rules`` need), count and yes count over the units.

        One grouped query through the ORM's search (so with the user's record
        rules), returning plain numbers: the units' figures never reach Python.
        """
        Value = self.env["vstbpn.report.value"]
        Value.flush_model(
            ["report_id", "period_id", "parent_committee_id", "indicator_id"]
            + RESULT_FIELDS
        )
        # min and max only where a rule asks: each is a scan's worth of work
        functions = ["sum"] + [func for func in ("min", "max") if func in rules]
        query = Value._search([("report_id", "in", children.ids)])
        groupby = [
            SQL.identifier(Value._table, fname)
            for fname in ("period_id", "parent_committee_id", "indicator_id")
        ]
        query.groupby = SQL(", ").join(groupby)
        aggregates = [
            SQL("%s(%s)::float8", SQL(func), SQL.identifier(Value._table, result))
            for result in figure_fields("result", NUMERIC_FIGURES)
            for func in functions
        ]
        result = {}
        for period, parent, indicator, count, yes, *figures in self.env.execute_query(
            query.select(
                *groupby,
                SQL("COUNT(*)"),
                SQL("SUM(%s)", SQL.identifier(Value._table, FIGURES["yes"].result)),
                *aggregates,
            )
        ):
            entry = {"count": count, "yes": yes or 0}
            for index, key in enumerate(NUMERIC_FIGURES):
                for offset, func in enumerate(functions):
                    entry[(key, func)] = figures[index * len(functions) + offset] or 0.0
            result[(period, parent, indicator)] = entry
        return result

    def _gather_child_texts(self, children, rules):
        """{(period, committee above): {text indicator id: [texts]}}: the units'
        texts, each preceded by the unit's name."""
        texts = {}
        if not any(rule.rule == "text" for rule in rules.values()):
            return texts
        # no order: _read_group then sorts by the group columns themselves;
        # an order naming a many2one would join its model to sort by its names
        for period, parent, indicator, committee, parts in self.env[
            "vstbpn.report.value"
        ]._read_group(
            [
                ("report_id", "in", children.ids),
                ("indicator_id.value_type", "=", "text"),
                ("result_text", "!=", False),
            ],
            ["period_id", "parent_committee_id", "indicator_id", "committee_id"],
            ["result_text:array_agg"],
        ):
            texts.setdefault((period.id, parent.id), {}).setdefault(
                indicator.id, []
            ).extend(f"{committee.name}: {text}" for text in parts)
        return texts

    def _consolidated_figures(self, lines, rules, aggregates, texts):
        """{line id: {figure key: consolidated figure}} of this report's lines
        (plain rows of ``_read_own_lines``), ratios last: they divide the
        consolidated figures of two other lines."""
        self.ensure_one()
        key = (self.period_id.id, self.committee_id.id)
        figures = {}
        ratios = [line for line in lines if rules[line["indicator_id"]].rule == "ratio"]
        for line in lines:
            indicator = line["indicator_id"]
            rule = rules[indicator].rule
            if rule != "ratio":
                figures[indicator] = self._combine(
                    line,
                    rule,
                    aggregates.get((*key, indicator)),
                    texts.get(indicator, []),
                )
        for line in ratios:
            figures[line["indicator_id"]] = self._combine_ratio(
                line, rules[line["indicator_id"]], figures
            )
        return {line["id"]: figures[line["indicator_id"]] for line in lines}

    def _combine(self, line, rule, aggregate, texts):
        """Own figures of the report combined with the units' figures by the rule."""
        aggregate = aggregate or {"count": 0, "yes": 0}
        if rule == "text":
            text = line[FIGURES["text"].own]
            own = [f"{self.committee_id.name}: {text}"] if text else []
            return {"text": "\n".join(own + texts)}
        if rule == "count_yes":
            yes = aggregate["yes"] + (1 if line[FIGURES["yes"].own] else 0)
            return {"yes": yes, "number": yes}
        return {
            key: self._combine_figure(
                rule, line[FIGURES[key].own] or 0.0, aggregate, key
            )
            for key in NUMERIC_FIGURES
        }

    def _combine_figure(self, rule, own, aggregate, key):
        count = aggregate["count"]
        if rule == "sum":
            return aggregate.get((key, "sum"), 0.0) + own
        if rule == "avg":
            total = aggregate.get((key, "sum"), 0.0) + own
            count += 1 if own else 0
            return round(total / count, 2) if count else 0.0
        candidates = [own] if own else []
        if count:
            candidates.append(aggregate[(key, rule)])
        if not candidates:
            return 0.0
        return min(candidates) if rule == "min" else max(candidates)

    def _combine_ratio(self, line, rule, figures):
        """A ratio from the consolidated numerator and denominator, never averaged."""
        numerator = figures.get(rule.numerator_id)
        denominator = figures.get(rule.denominator_id)
        keys = ("female", "male", "total") if rule.by_sex else ("number",)
        main = keys[-1]
        if (
            numerator is None
            or denominator is None
            or (numerator.get(main) and not denominator.get(main))
        ):
            value = self.env["vstbpn.report.value"].browse(line["id"])
            raise ValidationError(value._ratio_denominator_message(value.indicator_id))
        if not denominator.get(main):
            return dict.fromkeys(NUMERIC_FIGURES, 0.0)
        factor = rule.ratio_factor
        result = dict.fromkeys(NUMERIC_FIGURES, 0.0)
        for key in keys:
            den = denominator.get(key) or 0.0
            result[key] = (
                round(factor * (numerator.get(key) or 0.0) / den, 2) if den else 0.0
            )
        return result

    # BREAKDOWN

    def action_open_breakdown(self):
        """The consolidated values per unit below, in a pivot: indicators × units."""
        self.ensure_one()
        if not self.is_consolidated:
            raise UserError(self.env._("Consolidate the report first."))
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "vstbpn_reporting.vstbpn_report_value_action"
        )
        action["domain"] = [
            ("report_id", "in", (self | self.consolidated_report_ids).ids)
        ]
        action["view_mode"] = "pivot,list,graph"
        action["views"] = [(False, "pivot"), (False, "list"), (False, "graph")]
        action["context"] = {
            "pivot_row_groupby": ["indicator_id"],
            "pivot_column_groupby": ["committee_id"],
        }
        action["name"] = self.env._("Breakdown per Unit: %(name)s", name=self.name)
        return action

    def _get_consolidation_breakdown(self):
        """{indicator: {committee: (female, male, total, value)}} of units below."""
        self.ensure_one()
        breakdown = {}
        # no order, so no join of indicators and committees (_gather_child_texts)
        for indicator, committee, female, male, total, number in self.env[
            "vstbpn.report.value"
        ]._read_group(
            [("report_id", "in", self.consolidated_report_ids.ids)],
            ["indicator_id", "committee_id"],
            [
                "result_female:sum",
                "result_male:sum",
                "result_total:sum",
                "result_value:sum",
            ],
        ):
            breakdown.setdefault(indicator, {})[committee] = (
                female,
                male,
                total,
                number,
            )
        return breakdown
