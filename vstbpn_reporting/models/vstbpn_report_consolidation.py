from odoo import fields, models
from odoo.exceptions import UserError, ValidationError

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


class VstbpnReport(models.Model):
    """Consolidation of a committee's report from the reports right below it.

    The figures of the units below are combined in the database with grouped
    reads (one query for the numbers, one for the texts, whatever the number of
    units); only the report's own indicator lines are then handled one by one.
    """

    _inherit = "vstbpn.report"

    def action_consolidate(self):
        return self._consolidate(include_submitted=False)

    def action_consolidate_with_submitted(self):
        return self._consolidate(include_submitted=True)

    def _consolidate(self, include_submitted=False):
        self.check_access("write")
        for report in self:
            report._check_editable()
            children = report._get_reports_to_consolidate(include_submitted)
            figures = report._consolidated_figures(children)
            report._write_consolidated(figures)
            report.write(
                {
                    "is_consolidated": True,
                    "consolidation_date": fields.Datetime.now(),
                    "consolidated_report_ids": [fields.Command.set(children.ids)],
                    "missing_committee_ids": [
                        fields.Command.set(report._get_missing_units(children).ids)
                    ],
                    "late_committee_ids": [
                        fields.Command.set(
                            children.filtered(
                                lambda r: r.submission_status == "late"
                            ).committee_id.ids
                        )
                    ],
                }
            )
            report.message_post(
                body=self.env._(
                    "Consolidated from %(count)s reports of the units below.",
                    count=len(children),
                )
            )
        return True

    def _write_consolidated(self, figures):
        """Store the consolidated figures of all the report's lines in one UPDATE.

        The figures are computed, not typed, so the input checks of write() do
        not apply; one batched update instead of a write() per line keeps the
        consolidation close to the cost of the grouped read itself.
        """
        self.ensure_one()
        values = self.value_ids
        vals_list = [CONSOLIDATED_DEFAULTS | figures[v.indicator_id] for v in values]
        values.flush_recordset(list(CONSOLIDATED_DEFAULTS))
        values._write_multi(vals_list)
        values.invalidate_recordset(list(CONSOLIDATED_DEFAULTS))
        values.modified(list(CONSOLIDATED_DEFAULTS))

    def action_cancel_consolidation(self):
        self._check_editable()
        self.write({"is_consolidated": False})
        return True

    def _get_reports_to_consolidate(self, include_submitted):
        self.ensure_one()
        states = ["accepted", "submitted"] if include_submitted else ["accepted"]
        return self.search(
            [
                ("period_id", "=", self.period_id.id),
                ("parent_committee_id", "=", self.committee_id.id),
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

    def _get_missing_units(self, children):
        """Units right below that should report but are not in the consolidation."""
        self.ensure_one()
        expected = self.period_id.target_committee_ids.filtered(
            lambda c: c.parent_id == self.committee_id
        )
        expected |= self.search(
            [
                ("period_id", "=", self.period_id.id),
                ("parent_committee_id", "=", self.committee_id.id),
            ]
        ).committee_id
        return expected - children.committee_id

    # COMPUTATION

    def _aggregate_child_values(self, children):
        """Per indicator: sums, minima, maxima, count and yes count over the units."""
        aggregates = ["__count", "result_yes:sum"] + [
            f"{field[2]}:{func}"
            for field in FIGURES.values()
            for func in ("sum", "min", "max")
        ]
        result = {}
        for indicator, count, yes, *figures in self.env[
            "vstbpn.report.value"
        ]._read_group(
            [("report_id", "in", children.ids)], ["indicator_id"], aggregates
        ):
            entry = {"count": count, "yes": yes or 0}
            for index, key in enumerate(FIGURES):
                for offset, func in enumerate(("sum", "min", "max")):
                    entry[(key, func)] = figures[index * 3 + offset] or 0.0
            result[indicator] = entry
        return result

    def _gather_child_texts(self, children):
        """Per text indicator, the units' texts preceded by each unit's name."""
        texts = {}
        for indicator, committee, parts in self.env["vstbpn.report.value"]._read_group(
            [
                ("report_id", "in", children.ids),
                ("indicator_id.value_type", "=", "text"),
                ("result_text", "!=", False),
            ],
            ["indicator_id", "committee_id"],
            ["result_text:array_agg"],
        ):
            texts.setdefault(indicator, []).extend(
                f"{committee.name}: {t}" for t in parts
            )
        return texts

    def _consolidated_figures(self, children):
        """The consolidated_* values to write on each of this report's lines."""
        self.ensure_one()
        aggregates = self._aggregate_child_values(children)
        texts = self._gather_child_texts(children)
        figures = {}
        ratios = self.value_ids.filtered(lambda v: v.consolidation_rule == "ratio")
        for value in self.value_ids - ratios:
            figures[value.indicator_id] = self._combine(
                value,
                aggregates.get(value.indicator_id),
                texts.get(value.indicator_id, []),
            )
        for value in ratios:
            figures[value.indicator_id] = self._combine_ratio(value, figures)
        return figures

    def _combine(self, value, aggregate, texts):
        """Own figures of the report combined with the units' figures by the rule."""
        rule = value.consolidation_rule
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
