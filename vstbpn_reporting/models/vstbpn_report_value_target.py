from odoo import api, fields, models
from odoo.tools import float_is_zero

from .vstbpn_indicator_target import DIRECTIONS, TARGET_STATUSES


class VstbpnReportValue(models.Model):
    """A report line's figure against the target for the report's year.

    Computed, not stored: a target added or changed shows on every report at
    once. The targets are read in one query for all the lines computed
    together, whatever their reports (``_get_targets_by_report``).
    """

    _inherit = "vstbpn.report.value"

    target_id = fields.Many2one(
        "vstbpn.indicator.target", string="Target Set", compute="_compute_target"
    )
    target_value = fields.Float(
        string="Target", digits=(16, 2), compute="_compute_target"
    )
    target_direction = fields.Selection(
        DIRECTIONS, string="Target Direction", compute="_compute_target"
    )
    target_year = fields.Integer(compute="_compute_target")
    target_gap = fields.Float(
        string="Gap",
        digits=(16, 2),
        compute="_compute_target",
        help="How far the reported figure is ahead of the target (negative: "
        "behind): figure minus target for an 'at least' target, target minus "
        "figure for an 'at most' one.",
    )
    target_status = fields.Selection(
        TARGET_STATUSES, string="Target Status", compute="_compute_target"
    )

    @api.depends(
        "report_id.committee_id",
        "report_id.period_id.date_to",
        "indicator_id",
        "result_value",
    )
    def _compute_target(self):
        Target = self.env["vstbpn.indicator.target"]
        targets = Target._get_targets_by_report(self.report_id, self.indicator_id)
        for value in self:
            by_indicator = targets.get(value.report_id, {})
            value._set_target(by_indicator.get(value.indicator_id, Target))

    def _set_target(self, target):
        """Show ``target`` (an empty recordset for none) and, when the line
        has a figure, how it compares."""
        figure = self.result_value
        # as for outliers, a zero mostly means "not filled in yet": the line
        # shows its target, but is called neither on track nor behind
        compared = bool(target) and not float_is_zero(figure, precision_digits=2)
        self.update(
            {
                "target_id": target,
                "target_value": target.target_value,
                "target_direction": target.direction,
                "target_year": target.year,
                "target_gap": target._get_gap(figure) if compared else 0.0,
                "target_status": target._get_status(figure) if compared else False,
            }
        )
