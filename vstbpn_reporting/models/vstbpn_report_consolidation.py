from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import SQL

# (own input field, consolidated field, reported field) for each numeric figure.
FIGURES = {
    "female": ("female", "consolidated_female", "result_female"),
    "male": ("male", "consolidated_male", "result_male"),
    "total": ("total", "consolidated_total", "result_total"),
    "number": ("value_number", "consolidated_number", "result_number"),
}
CONSOLIDATED_DEFAULTS = {
    "consolidated_female": 0.0,
    "consolidated_male": 0.0,
    "consolidated_total": 0.0,
    "consolidated_number": 0.0,
    "consolidated_yes": 0,
    "consolidated_text": None,
}


RESULT_FIELDS = [
    "result_female",
    "result_male",
    "result_total",
    "result_number",
    "result_yes",
    "result_text",
    "result_value",
]


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
        self._check_editable()
        depth = {r: r.committee_id.sudo().parent_path.count("/") for r in self}
        for level in sorted(set(depth.values()), reverse=True):
            reports = self.filtered(lambda r, lv=level: depth[r] == lv)
            reports._consolidate_level(include_submitted)
        return True

    def _consolidate_level(self, include_submitted):
        children = self._get_reports_to_consolidate(include_submitted)
        values = self.env["vstbpn.report.value"].search([("report_id", "in", self.ids)])
        rules = set(values.indicator_id.mapped("consolidation_rule"))
        aggregates = self._aggregate_child_values(children, rules)
        texts = self._gather_child_texts(children, values)
        lines = []
        vals_list = []
        for report, report_values in values.grouped("report_id").items():
            key = (report.period_id.id, report.committee_id.id)
            figures = report._consolidated_figures(
                report_values, aggregates, texts, key
            )
            lines += report_values.ids
            vals_list += [figures[value.indicator_id] for value in report_values]
        self._write_consolidated(values.browse(lines), vals_list)
        self.write(
            {
                "is_consolidated": True,
                "consolidation_date": fields.Datetime.now(),
                "consolidation_includes_submitted": include_submitted,
            }
        )
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

    def _write_consolidated(self, values, vals_list):
        """Store the consolidated and reported figures of many lines in one
        UPDATE.

        The figures are computed, not typed, so the input checks of write() do
        not apply, and the reported figures (``result_*``) are written with
        them rather than recomputed line by line: at national scale a write()
        or a recompute per line would cost far more than the grouped read.
        """
        rows = []
        for value, vals in zip(values, vals_list, strict=True):
            row = CONSOLIDATED_DEFAULTS | vals
            row.update(
                is_consolidated=True,
                result_female=row["consolidated_female"],
                result_male=row["consolidated_male"],
                result_total=row["consolidated_total"],
                result_number=row["consolidated_number"],
                result_yes=row["consolidated_yes"],
                result_text=row["consolidated_text"],
                result_value=value.indicator_id._reported_value(
                    row["consolidated_total"],
                    row["consolidated_number"],
                    row["consolidated_yes"],
                ),
            )
            rows.append(row)
        if not rows:
            return
        fnames = list(rows[0])
        values.flush_recordset(fnames)
        self._update_lines(values, fnames, rows)
        values.invalidate_recordset([*fnames, "write_uid", "write_date"])
        # what depends on the reported figures must know; the figures
        # themselves are consistent and need no recompute
        values.modified(RESULT_FIELDS)

    def _update_lines(self, values, fnames, rows):
        """One UPDATE ... FROM unnest(arrays) for all the lines, whatever their
        number (the ORM's batched update splits them into chunks of 100)."""
        Value = self.env["vstbpn.report.value"]
        columns = [SQL.identifier(fname) for fname in fnames]
        arrays = [
            SQL(
                "%s::%s[]",
                [row[fname] for row in rows],
                SQL(Value._fields[fname].column_type[1]),
            )
            for fname in fnames
        ]
        self.env.cr.execute(
            SQL(
                """
                UPDATE vstbpn_report_value AS v
                   SET %(assignments)s, write_uid = %(uid)s, write_date = %(now)s
                  FROM unnest(%(ids)s::int4[], %(arrays)s) AS x(id, %(columns)s)
                 WHERE v.id = x.id
                """,
                assignments=SQL(", ").join(
                    SQL("%s = x.%s", column, column) for column in columns
                ),
                uid=self.env.uid,
                now=self.env.cr.now(),
                ids=values.ids,
                arrays=SQL(", ").join(arrays),
                columns=SQL(", ").join(columns),
            )
        )

    def action_cancel_consolidation(self):
        self._check_editable()
        self.write({"is_consolidated": False})
        self.value_ids.write({"is_consolidated": False})
        return True

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
        """Per (period, committee above, indicator): sums (and the minima and
        maxima the ``rules`` need), count and yes count over the units."""
        # min and max only where a rule asks: each is a scan's worth of work
        functions = ["sum"] + [func for func in ("min", "max") if func in rules]
        aggregates = ["__count", "result_yes:sum"] + [
            f"{field[2]}:{func}" for field in FIGURES.values() for func in functions
        ]
        result = {}
        for period, parent, indicator, count, yes, *figures in self.env[
            "vstbpn.report.value"
        ]._read_group(
            [("report_id", "in", children.ids)],
            ["period_id", "parent_committee_id", "indicator_id"],
            aggregates,
        ):
            entry = {"count": count, "yes": yes or 0}
            for index, key in enumerate(FIGURES):
                for offset, func in enumerate(functions):
                    entry[(key, func)] = figures[index * len(functions) + offset] or 0.0
            result[(period.id, parent.id, indicator)] = entry
        return result

    def _gather_child_texts(self, children, values):
        """Per (period, committee above, text indicator): the units' texts, each
        preceded by the unit's name."""
        texts = {}
        if "text" not in values.indicator_id.mapped("value_type"):
            return texts
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
            texts.setdefault((period.id, parent.id, indicator), []).extend(
                f"{committee.name}: {text}" for text in parts
            )
        return texts

    def _consolidated_figures(self, values, aggregates, texts, key):
        """The consolidated_* values to write on each of this report's lines."""
        self.ensure_one()
        figures = {}
        ratios = values.filtered(lambda v: v.indicator_id.consolidation_rule == "ratio")
        for value in values - ratios:
            indicator = value.indicator_id
            figures[indicator] = self._combine(
                value,
                aggregates.get((*key, indicator)),
                texts.get((*key, indicator), []),
            )
        for value in ratios:
            figures[value.indicator_id] = self._combine_ratio(value, figures)
        return figures

    def _combine(self, value, aggregate, texts):
        """Own figures of the report combined with the units' figures by the rule."""
        rule = value.indicator_id.consolidation_rule
        aggregate = aggregate or {"count": 0, "yes": 0}
        if rule == "text":
            own = (
                [f"{self.committee_id.name}: {value.value_text}"]
                if value.value_text
                else []
            )
            return {"consolidated_text": "\n".join(own + texts)}
        if rule == "count_yes":
            yes = aggregate["yes"] + (1 if value.value_bool else 0)
            return {"consolidated_yes": yes, "consolidated_number": yes}
        return {
            FIGURES[key][1]: self._combine_figure(
                rule, value[FIGURES[key][0]], aggregate, key
            )
            for key in FIGURES
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

    def _combine_ratio(self, value, figures):
        """A ratio from the consolidated numerator and denominator, never averaged."""
        indicator = value.indicator_id
        numerator = figures.get(indicator.numerator_id)
        denominator = figures.get(indicator.denominator_id)
        if numerator is None or denominator is None:
            raise ValidationError(value._ratio_denominator_message(indicator))
        keys = ("female", "male", "total") if indicator.by_sex else ("number",)
        main_key = keys[-1]
        main = FIGURES[main_key][1]
        if not denominator.get(main):
            if numerator.get(main):
                raise ValidationError(value._ratio_denominator_message(indicator))
            return dict.fromkeys((field[1] for field in FIGURES.values()), 0.0)
        factor = 100.0 if indicator.value_type == "percentage" else 1.0
        result = dict.fromkeys((field[1] for field in FIGURES.values()), 0.0)
        for key in keys:
            field = FIGURES[key][1]
            den = denominator.get(field) or 0.0
            result[field] = (
                round(factor * (numerator.get(field) or 0.0) / den, 2) if den else 0.0
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
