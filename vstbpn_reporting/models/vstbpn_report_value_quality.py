from odoo import api, fields, models
from odoo.tools import SQL
from odoo.tools.sql import create_index

from odoo.addons.vstbpn_committee.tools import sql_array

from .vstbpn_report_value import VstbpnReportValue as BaseReportValue

# Each report's previous one: the unit's latest earlier report of the same
# template, submitted or accepted. A CTE of the outlier check, read also by
# the report entry's "previous period" figure (PREVIOUS_FIGURES).
PREVIOUS_REPORT = """previous_report AS (
        SELECT DISTINCT ON (r.id) r.id AS report_id, prev.id AS previous_id
          FROM vstbpn_report r
          JOIN vstbpn_report_period cp ON cp.id = r.period_id
          JOIN vstbpn_report prev
            ON prev.committee_id = r.committee_id
           AND prev.template_id = r.template_id
           AND prev.id <> r.id
           AND prev.state IN ('submitted', 'accepted')
          JOIN vstbpn_report_period pp
            ON pp.id = prev.period_id
           AND pp.date_from < cp.date_from AND pp.date_to < cp.date_to
         WHERE r.id = ANY(%(report_ids)s)
      ORDER BY r.id, pp.date_to DESC, prev.id DESC
    )"""

OUTLIER_KINDS = [
    ("jump", "Jump from the Previous Period"),
    ("peer", "Far from the Peers"),
    ("both", "Jump and Far from the Peers"),
]
OUTLIER_FIELDS = (
    "outlier_kind",
    "outlier_previous",
    "outlier_peer_median",
    "outlier_peer_deviation",
)
# Fewer units than this make no median to compare with.
MIN_PEERS = 3
# Figures carry 2 decimals: what float arithmetic adds below this is noise.
EPSILON = 1e-6
# One statement finds the flags of the figures of many reports (one more
# writes them, vstbpn_report_value_writer.py). A figure is compared with
#  - the same indicator on the unit's latest earlier report of the same
#    template, submitted or accepted: a jump beyond the indicator's share of
#    it, and by at least its minimum change;
#  - the same indicator on the reports of the period under the same
#    committee above, those submitted or accepted and those being checked (a
#    figure belongs to the spread it is compared with): further from their
#    median than the indicator's number of median absolute deviations (MAD),
#    and by at least the minimum change. When more than half of them report
#    the same figure the MAD is zero; their mean absolute deviation stands in.
# Zeros are neither flagged nor compared with: in a report they mostly mean
# "not filled in yet", which the validation rules check.
# Only the values whose flags change are returned.
FIND_OUTLIER_FLAGS = (
    """
    WITH checked AS (
        SELECT id, outlier_jump_percent::float8 AS jump,
               outlier_min_change::float8 AS min_change,
               outlier_peer_mads::float8 AS mads
          FROM vstbpn_indicator
         WHERE outlier_check
           AND value_type IN ('integer', 'decimal', 'percentage')
    ),
    """
    + PREVIOUS_REPORT
    + """,
    previous AS (
        SELECT pr.report_id, pv.indicator_id, pv.result_value::float8 AS y
          FROM previous_report pr
          JOIN vstbpn_report_value pv ON pv.report_id = pr.previous_id
         WHERE pv.result_value <> 0
    ),
    peer_groups AS (
        SELECT DISTINCT period_id, parent_committee_id
          FROM vstbpn_report
         WHERE id = ANY(%(report_ids)s) AND parent_committee_id IS NOT NULL
    ),
    peers AS (
        SELECT pv.period_id, pv.parent_committee_id, pv.indicator_id,
               pv.result_value::float8 AS x
          FROM peer_groups g
          JOIN vstbpn_report_value pv
            ON pv.period_id = g.period_id
           AND pv.parent_committee_id = g.parent_committee_id
          JOIN checked i ON i.id = pv.indicator_id
         WHERE (pv.report_state IN ('submitted', 'accepted')
                OR pv.report_id = ANY(%(report_ids)s))
           AND pv.result_value <> 0
    ),
    medians AS (
        SELECT period_id, parent_committee_id, indicator_id, COUNT(*) AS n,
               percentile_cont(0.5) WITHIN GROUP (ORDER BY x) AS median
          FROM peers
      GROUP BY period_id, parent_committee_id, indicator_id
    ),
    spreads AS (
        SELECT m.period_id, m.parent_committee_id, m.indicator_id, m.n, m.median,
               CASE WHEN percentile_cont(0.5) WITHIN GROUP (
                             ORDER BY ABS(p.x - m.median)) > 0
                    THEN percentile_cont(0.5) WITHIN GROUP (
                             ORDER BY ABS(p.x - m.median))
                    ELSE AVG(ABS(p.x - m.median)) END AS spread
          FROM peers p
          JOIN medians m USING (period_id, parent_committee_id, indicator_id)
      GROUP BY m.period_id, m.parent_committee_id, m.indicator_id, m.n, m.median
    ),
    measures AS (
        SELECT v.id, v.result_value::float8 AS x, v.outlier_kind AS old_kind,
               i.id IS NOT NULL AND v.result_value <> 0 AS checked,
               i.jump, i.min_change, i.mads,
               pr.y AS previous, s.n, s.median, s.spread
          FROM vstbpn_report_value v
          LEFT JOIN checked i ON i.id = v.indicator_id
          LEFT JOIN previous pr
            ON pr.report_id = v.report_id AND pr.indicator_id = v.indicator_id
          LEFT JOIN spreads s
            ON s.period_id = v.period_id
           AND s.parent_committee_id = v.parent_committee_id
           AND s.indicator_id = v.indicator_id
         WHERE v.report_id = ANY(%(report_ids)s)
    ),
    flags AS (
        SELECT id, old_kind, previous, median,
               CASE WHEN spread > 0 THEN ABS(x - median) / spread END AS deviation,
               COALESCE(checked AND previous IS NOT NULL
                   AND ABS(x - previous) >= min_change
                   AND ABS(x - previous) > jump / 100 * ABS(previous) + %(epsilon)s,
                   FALSE) AS is_jump,
               COALESCE(checked AND n >= %(min_peers)s AND spread > 0
                   AND ABS(x - median) >= min_change
                   AND ABS(x - median) > mads * spread + %(epsilon)s,
                   FALSE) AS is_peer
          FROM measures
    ),
    outcome AS (
        SELECT id,
               CASE WHEN is_jump AND is_peer THEN 'both'
                    WHEN is_jump THEN 'jump'
                    WHEN is_peer THEN 'peer' END AS kind,
               previous, median, deviation
          FROM flags
         WHERE is_jump OR is_peer OR old_kind IS NOT NULL
    ),
    flagged AS (
        SELECT id, kind,
               CASE WHEN kind IS NOT NULL THEN previous END AS previous,
               CASE WHEN kind IS NOT NULL THEN median END AS median,
               CASE WHEN kind IS NOT NULL THEN deviation END AS deviation
          FROM outcome
    )
    SELECT f.id, f.kind, f.previous, f.median, f.deviation
      FROM flagged f
      JOIN vstbpn_report_value v ON v.id = f.id
     WHERE (v.outlier_kind, v.outlier_previous::float8,
            v.outlier_peer_median::float8, v.outlier_peer_deviation::float8)
           IS DISTINCT FROM (f.kind, f.previous, f.median, f.deviation)
"""
)


def is_explained(text):
    return bool((text or "").strip())


class VstbpnReportValue(models.Model):
    """Outlier flags on the figures of a report, and the unit's explanation.

    The flags are the system's (``_flag_outliers``, on submission and when
    the committee above reviews the period); the unit may explain a flagged
    figure while its report is a draft, and the reviewer reads the
    explanation next to the figure.
    """

    _inherit = "vstbpn.report.value"
    _vstbpn_derived_fields = (*BaseReportValue._vstbpn_derived_fields, *OUTLIER_FIELDS)

    outlier_kind = fields.Selection(
        OUTLIER_KINDS, string="Outlier", readonly=True, copy=False
    )
    outlier_previous = fields.Float(
        string="Previous Period", digits=(16, 2), readonly=True, copy=False
    )
    outlier_peer_median = fields.Float(
        string="Median of the Peers", digits=(16, 2), readonly=True, copy=False
    )
    outlier_peer_deviation = fields.Float(
        string="Distance from the Peers (MADs)",
        digits=(16, 1),
        readonly=True,
        copy=False,
        help="How many median absolute deviations the figure lies from the median "
        "of the units under the same committee.",
    )
    outlier_reason = fields.Char(compute="_compute_outlier_reason")
    outlier_explanation = fields.Text(
        string="Explanation",
        copy=False,
        help="Why a flagged figure is right: the committee above reads it next to "
        "the figure.",
    )

    def init(self):
        result = super().init()
        # the quality view counts flagged figures per report: only a few are
        create_index(
            self.env.cr,
            "vstbpn_report_value_outlier_index",
            self._table,
            ["report_id"],
            where="outlier_kind IS NOT NULL",
        )
        return result

    @api.depends_context("lang")
    @api.depends("result_value", *OUTLIER_FIELDS)
    def _compute_outlier_reason(self):
        for value in self:
            reasons = []
            if value.outlier_kind in ("jump", "both"):
                reasons.append(value._jump_reason())
            if value.outlier_kind in ("peer", "both"):
                reasons.append(value._peer_reason())
            value.outlier_reason = "; ".join(reasons)

    def _jump_reason(self):
        indicator = self.indicator_id
        figure = indicator._format_figure(self.result_value)
        previous = indicator._format_figure(self.outlier_previous)
        if not self.outlier_previous:
            return self.env._(
                "%(figure)s against %(previous)s in the previous period",
                figure=figure,
                previous=previous,
            )
        change = 100.0 * (self.result_value - self.outlier_previous)
        change /= abs(self.outlier_previous)
        sign = "+" if change > 0 else "−"
        change = sign + indicator._format_figure(round(abs(change))) + " %"
        return self.env._(
            "%(figure)s against %(previous)s in the previous period (%(change)s)",
            figure=figure,
            previous=previous,
            change=change,
        )

    def _peer_reason(self):
        indicator = self.indicator_id
        return self.env._(
            "%(figure)s while the median of the units under the same committee is "
            "%(median)s: %(deviations)s median absolute deviations away",
            figure=indicator._format_figure(self.result_value),
            median=indicator._format_figure(self.outlier_peer_median),
            deviations=indicator._format_figure(round(self.outlier_peer_deviation, 1)),
        )

    def _describe_outlier(self):
        """One line for messages and return reasons."""
        self.ensure_one()
        line = f"- {self.indicator_id.display_name}: {self.outlier_reason}"
        if is_explained(self.outlier_explanation):
            line += " " + self.env._(
                "Explanation: %(explanation)s", explanation=self.outlier_explanation
            )
        return line

    @api.model
    def _flag_outliers(self, reports):
        """Flag the outlying figures of ``reports`` in two statements (one
        finds the flags that change, one writes them), whatever their number.
        Runs as superuser: the flags are the system's, the caller has checked
        that the user may see the reports."""
        if not reports:
            return
        self.flush_model(
            [
                "report_id",
                "period_id",
                "parent_committee_id",
                "indicator_id",
                "report_state",
                "result_value",
                *OUTLIER_FIELDS,
            ]
        )
        self.env["vstbpn.report"].flush_model(
            ["committee_id", "template_id", "period_id", "state"]
        )
        self.env["vstbpn.report.period"].flush_model(["date_from", "date_to"])
        self.env["vstbpn.indicator"].flush_model(
            ["value_type", "outlier_check", "outlier_jump_percent"]
            + ["outlier_min_change", "outlier_peer_mads"]
        )
        self.env.cr.execute(
            SQL(
                FIND_OUTLIER_FLAGS,
                report_ids=sql_array(reports.ids, "int4"),
                min_peers=MIN_PEERS,
                epsilon=EPSILON,
            )
        )
        self._write_outlier_flags({id_: flag for id_, *flag in self.env.cr.fetchall()})
