import math

from odoo import api, fields, models
from odoo.exceptions import ValidationError

OUTLIER_THRESHOLDS = (
    "outlier_jump_percent",
    "outlier_min_change",
    "outlier_peer_mads",
)


class VstbpnIndicator(models.Model):
    """How far a figure of the indicator may move before it is flagged: against
    the unit's previous period and against the units beside it."""

    _inherit = "vstbpn.indicator"

    outlier_check = fields.Boolean(
        string="Flag Outliers",
        default=True,
        help="Compare each figure with the unit's previous report of the same "
        "template and with the units under the same committee.",
    )
    outlier_jump_percent = fields.Float(
        string="Jump Threshold (%)",
        default=50.0,
        help="A figure that rises or falls by more than this share of the previous "
        "period's figure is flagged (when it also moves by the minimum change).",
    )
    outlier_min_change = fields.Float(
        string="Minimum Change",
        default=10.0,
        help="Smaller moves are never flagged, however large in percent: from 2 to "
        "4 meetings is +100 % but no outlier.",
    )
    outlier_peer_mads = fields.Float(
        string="Peer Threshold (MADs)",
        default=3.0,
        help="A figure further from the median of the units under the same "
        "committee than this many median absolute deviations is flagged. The "
        "figures compared are those of the units that have submitted and of the "
        "report checked; it takes at least three.",
    )

    @api.constrains(*OUTLIER_THRESHOLDS)
    def _check_outlier_thresholds(self):
        for indicator in self:
            for name in OUTLIER_THRESHOLDS:
                value = indicator[name]
                if not math.isfinite(value) or value < 0:
                    raise ValidationError(
                        self.env._(
                            "Indicator %(code)s: %(threshold)s cannot be below zero; "
                            "enter 0 or a positive number.",
                            code=indicator.code,
                            threshold=self._fields[name]._description_string(self.env),
                        )
                    )
