from odoo import models
from odoo.exceptions import ValidationError
from odoo.tools import SQL

# The units' ratio lines sent without a denominator: a share reported before
# its indicator carried its counts (18.0.1.3.0 made NS-01, NS-03 and NS-10
# ratios). Submitting refuses this since; a report sent before did not.
SHARES_WITHOUT_COUNTS = """
    SELECT share.indicator_id, pair.denominator,
           array_agg(DISTINCT share.committee_id ORDER BY share.committee_id)
      FROM unnest(%(ratios)s::int[], %(denominators)s::int[])
               AS pair(ratio, denominator)
      JOIN vstbpn_report_value share ON share.indicator_id = pair.ratio
      LEFT JOIN vstbpn_report_value counts
             ON counts.report_id = share.report_id
            AND counts.indicator_id = pair.denominator
     WHERE share.report_id = ANY(%(children)s)
       AND share.result_value <> 0
       AND COALESCE(counts.result_value, 0) = 0
  GROUP BY share.indicator_id, pair.denominator
  ORDER BY share.indicator_id
"""


class VstbpnReport(models.Model):
    """A ratio is consolidated from the counts of the units below, Σ
    numerators / Σ denominators, never from the shares they sent: a unit
    whose share came without its counts is named, not silently left out."""

    _inherit = "vstbpn.report"

    def _vstbpn_on_return(self, reason):
        result = super()._vstbpn_on_return(reason)
        # a report sent before its template asked for a ratio's counts gets
        # their lines, so that the unit can type them
        self._prepare_lines()
        return result

    def _check_units_sent_ratio_counts(self, children, rules):
        """Refuse to consolidate a ratio while a unit below sent its share
        without the denominator it is divided by."""
        pairs = [
            (indicator, rule.denominator_id)
            for indicator, rule in rules.items()
            if rule.rule == "ratio"
        ]
        if not pairs or not children:
            return
        self.env["vstbpn.report.value"].flush_model(
            ["report_id", "indicator_id", "committee_id", "result_value"]
        )
        rows = self.env.execute_query(
            SQL(
                SHARES_WITHOUT_COUNTS,
                ratios=[ratio for ratio, _denominator in pairs],
                denominators=[denominator for _ratio, denominator in pairs],
                children=children.ids,
            )
        )
        if rows:
            raise ValidationError(self._shares_without_counts_message(*rows[0]))

    def _shares_without_counts_message(self, indicator, denominator, committees):
        Indicator = self.env["vstbpn.indicator"]
        return self.env._(
            "%(indicator)s: %(units)s sent the share without %(denominator)s "
            "(a report sent before the share carried its counts). The "
            "consolidated share is the sum of the numerators over the sum of "
            "the denominators, so it cannot be computed without them: return "
            "their reports so that they add %(denominator)s, then consolidate "
            "again.",
            indicator=Indicator.browse(indicator).display_name,
            units=", ".join(
                self.env["vstbpn.committee"].browse(committees).mapped("name")
            ),
            denominator=Indicator.browse(denominator).display_name,
        )
