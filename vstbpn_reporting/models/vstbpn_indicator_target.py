from odoo import api, fields, models
from odoo.exceptions import ValidationError
from odoo.tools import float_compare

DIRECTIONS = [
    ("at_least", "At Least"),
    ("at_most", "At Most"),
]
TARGET_STATUSES = [
    ("on_track", "On Track"),
    ("behind", "Behind"),
]
FIRST_YEAR, LAST_YEAR = 2000, 2100


class VstbpnIndicatorTarget(models.Model):
    """A target an indicator is to reach by a year: national, from the
    National Strategy on Gender Equality, or a committee's own, from its plan.

    A report compares its figure with the target of the nearest milestone on
    or after its year, a committee's own target taking precedence over the
    national one for the committee's whole subtree (``_get_targets_by_report``).
    """

    _name = "vstbpn.indicator.target"
    _description = "Indicator Target"
    _order = "indicator_id, year, adopting_committee_id, id"

    indicator_id = fields.Many2one(
        "vstbpn.indicator", required=True, index=True, ondelete="cascade"
    )
    year = fields.Integer(
        required=True, help="The milestone: the year by which the target is due."
    )
    target_value = fields.Float(string="Target", digits=(16, 2), required=True)
    direction = fields.Selection(
        DIRECTIONS,
        required=True,
        default="at_least",
        help="At least: the figure must reach the target. At most: it must not "
        "go above it.",
    )
    adopting_committee_id = fields.Many2one(
        "vstbpn.committee",
        string="Committee",
        index=True,
        ondelete="cascade",
        help="Empty for a national target; a committee's own target applies to "
        "its reports and those of every unit below it.",
    )
    source_document = fields.Char(
        help="The document that sets the target, such as Resolution 28/NQ-CP."
    )
    source_text = fields.Text(
        required=True, help="The text of the target as the document words it."
    )
    uom = fields.Char(related="indicator_id.uom")

    @api.depends("indicator_id", "year", "adopting_committee_id")
    def _compute_display_name(self):
        for target in self:
            scope = target.adopting_committee_id.name or self.env._("National")
            target.display_name = f"{target.indicator_id.code} {target.year} ({scope})"

    @api.constrains("year")
    def _check_year(self):
        for target in self:
            if not FIRST_YEAR <= target.year <= LAST_YEAR:
                raise ValidationError(
                    self.env._(
                        "The year of a target must be between %(first)s and "
                        "%(last)s: %(year)s was given.",
                        first=FIRST_YEAR,
                        last=LAST_YEAR,
                        year=target.year,
                    )
                )

    @api.constrains("indicator_id", "target_value")
    def _check_target_value(self):
        for target in self:
            indicator = target.indicator_id
            if not indicator._is_numeric():
                raise ValidationError(
                    self.env._(
                        "The indicator %(indicator)s has no figure to compare with "
                        "a target: choose a numeric indicator.",
                        indicator=indicator.display_name,
                    )
                )
            if target.target_value < 0 or (target.target_value > indicator.max_value):
                raise ValidationError(
                    self.env._(
                        "The target of %(indicator)s must be between 0 and %(max)s.",
                        indicator=indicator.display_name,
                        max=indicator._format_figure(indicator.max_value),
                    )
                )

    @api.constrains("indicator_id", "year", "adopting_committee_id")
    def _check_unique(self):
        for target in self:
            # a target the user cannot read is a duplicate all the same
            duplicate = self.sudo().search_count(
                [
                    ("id", "!=", target.id),
                    ("indicator_id", "=", target.indicator_id.id),
                    ("year", "=", target.year),
                    ("adopting_committee_id", "=", target.adopting_committee_id.id),
                ],
                limit=1,
            )
            if duplicate:
                raise ValidationError(
                    self.env._(
                        "%(indicator)s already has a target for %(year)s at this "
                        "scope: change that target instead.",
                        indicator=target.indicator_id.display_name,
                        year=target.year,
                    )
                )

    # RULES

    def _get_gap(self, value):
        """How far ``value`` is ahead of the target (negative: behind)."""
        self.ensure_one()
        if self.direction == "at_most":
            return self.target_value - value
        return value - self.target_value

    def _get_status(self, value):
        """'on_track' when ``value`` meets the target, 'behind' otherwise."""
        self.ensure_one()
        gap = float_compare(self._get_gap(value), 0.0, precision_digits=2)
        return "on_track" if gap >= 0 else "behind"

    @api.model
    def _get_scope_ids(self, committee):
        """The ids of ``committee`` and of the committees above it, from the
        root down: the scopes whose targets its reports compare with."""
        if not committee:
            return []
        return [int(i) for i in committee.sudo().parent_path.split("/")[:-1]]

    @api.model
    def _get_targets_by_report(self, reports, indicators):
        """{report: {indicator: target}} that ``reports`` compare with, for
        ``indicators``, read in one query whatever the number of reports.

        For each report, the deepest scope with a target on or after the
        report's year wins (its committee's own, then those of the committees
        above it, then the national one); within it, the nearest milestone on
        or after the year. The year is that of the period's end.
        """
        wanted = {
            report: (
                self._get_scope_ids(report.committee_id),
                report.period_id.date_to.year,
            )
            for report in reports
            if report.period_id.date_to
        }
        if not wanted:
            return {}
        scope_ids = set().union(*(scope for scope, _year in wanted.values()))
        candidates = self.search(
            [
                ("indicator_id", "in", indicators.ids),
                ("year", ">=", min(year for _scope, year in wanted.values())),
                "|",
                ("adopting_committee_id", "=", False),
                ("adopting_committee_id", "in", list(scope_ids)),
            ],
            order="year, id",
        )
        return {
            report: candidates._choose_for(scope, year)
            for report, (scope, year) in wanted.items()
        }

    def _choose_for(self, scope_ids, year):
        """{indicator: target} among these targets for a report of ``year``
        whose committee and those above it are ``scope_ids`` (root first);
        ``self`` is ordered by year."""
        depth = {committee_id: index for index, committee_id in enumerate(scope_ids)}
        national = -1
        chosen = {}
        for target in self:
            committee_id = target.adopting_committee_id.id
            if target.year < year or (committee_id and committee_id not in depth):
                continue
            rank = depth.get(committee_id, national)
            current = chosen.get(target.indicator_id)
            current_rank = (
                depth.get(current.adopting_committee_id.id, national)
                if current
                else None
            )
            if current is None or rank > current_rank:
                chosen[target.indicator_id] = target
        return chosen
