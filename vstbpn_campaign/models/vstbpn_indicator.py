from datetime import datetime, time, timedelta

from odoo import api, fields, models

CAMPAIGN_SOURCES = [
    ("campaign_activities", "Action Month: activities done"),
    ("campaign_participants", "Action Month: participants"),
    ("campaign_partners", "Action Month: partners mobilised"),
    ("campaign_cash", "Action Month: cash mobilised"),
    ("campaign_in_kind", "Action Month: in-kind support mobilised"),
    ("campaign_posts", "Action Month: posts online"),
    ("campaign_views", "Action Month: people reached online"),
    ("campaign_shares", "Action Month: shares online"),
    ("campaign_held", "Action Month: organised"),
]
# The figure of each source in a unit's figures (``_get_campaign_figures``).
SOURCE_FIGURES = {
    "campaign_partners": "partners",
    "campaign_cash": "cash_amount",
    "campaign_in_kind": "in_kind_value",
    "campaign_posts": "online_posts",
    "campaign_views": "online_views",
    "campaign_shares": "online_shares",
}
ACTIVITY_FIGURES = (
    "actual_female",
    "actual_male",
    "actual_total",
    "cash_amount",
    "in_kind_value",
    "online_posts",
    "online_views",
    "online_shares",
)


class VstbpnIndicator(models.Model):
    """Indicators that fill themselves from the Action Month: the activities a
    unit held (by format, if the indicator names one), their participants by
    sex, the resources mobilised and the online reach."""

    _inherit = "vstbpn.indicator"

    source = fields.Selection(
        selection_add=CAMPAIGN_SOURCES,
        ondelete=dict.fromkeys((key for key, _label in CAMPAIGN_SOURCES), "set null"),
    )
    group = fields.Selection(
        selection_add=[("action_month", "Action Month")],
        ondelete={"action_month": "set default"},
    )
    campaign_format_id = fields.Many2one(
        "vstbpn.campaign.format",
        string="Only Activities of Format",
        ondelete="restrict",
        help="For the activities source: count only the activities of this format.",
    )

    def _is_campaign_source(self):
        self.ensure_one()
        return bool(self.source) and self.source.startswith("campaign_")

    def _campaign_figure(self, unit):
        """(female, male, total) of this indicator from a unit's figures; a
        single number goes in the total, yes/no as 1 or 0."""
        self.ensure_one()
        if self.source == "campaign_participants":
            return (unit["actual_female"], unit["actual_male"], unit["actual_total"])
        if self.source == "campaign_activities":
            counts = unit["activities"]
            if self.campaign_format_id:
                number = counts.get(self.campaign_format_id.id, 0)
            else:
                number = sum(counts.values())
            return (0, 0, number)
        if self.source == "campaign_held":
            return (0, 0, 1 if unit["activities"] else 0)
        return (0, 0, unit[SOURCE_FIGURES[self.source]])

    def _campaign_own_figures(self, unit):
        """The own figures of a line of this indicator from a unit's figures
        (keys of the value model's ``FIGURES``): by sex, or one number (for a
        yes/no, whether it is more than zero)."""
        self.ensure_one()
        female, male, total = self._campaign_figure(unit)
        if self.by_sex:
            return {
                "female": female,
                "male": male,
                "total": total,
                "number": 0,
                "yes": False,
            }
        is_yes_no = self.value_type == "boolean"
        return {
            "female": 0,
            "male": 0,
            "total": 0,
            "number": 0 if is_yes_no else total,
            "yes": is_yes_no and bool(total),
        }

    @api.model
    def _get_campaign_figures(self, committees, period):
        """{committee id: figures} of the units' own done activities that took
        place in the period (in its campaign, if it has one): activities by
        format, participants by sex, resources, reach, distinct partners.

        Two grouped reads, whatever the number of units. Read as the system:
        each unit's figures go into its own report only.
        """
        domain = self._get_campaign_activity_domain(committees, period)
        figures = {
            committee.id: dict.fromkeys(ACTIVITY_FIGURES, 0)
            | {"activities": {}, "partners": 0}
            for committee in committees
        }
        self._add_activity_figures(figures, domain)
        self._add_partner_counts(figures, committees, domain)
        return figures

    @api.model
    def _get_campaign_activity_domain(self, committees, period):
        """The units' own done activities that took place in the period."""
        domain = [
            ("committee_id", "in", committees.ids),
            ("state", "=", "done"),
            ("date_start", ">=", datetime.combine(period.date_from, time.min)),
            (
                "date_start",
                "<",
                datetime.combine(period.date_to + timedelta(days=1), time.min),
            ),
        ]
        if period.campaign_id:
            domain.append(("campaign_id", "child_of", period.campaign_id.id))
        return domain

    @api.model
    def _add_activity_figures(self, figures, domain):
        """Add the activities of ``domain`` to each unit's ``figures``: counted
        by format, their participants and resources summed."""
        Activity = self.env["vstbpn.campaign.activity"].sudo()
        for committee, format_, count, *sums in Activity._read_group(
            domain,
            ["committee_id", "format_id"],
            ["__count"] + [f"{name}:sum" for name in ACTIVITY_FIGURES],
        ):
            unit = figures[committee.id]
            unit["activities"][format_.id] = count
            for name, value in zip(ACTIVITY_FIGURES, sums, strict=True):
                unit[name] += value

    @api.model
    def _add_partner_counts(self, figures, committees, domain):
        """Set each unit's distinct partners of the activities of ``domain``."""
        partner_domain = [
            (f"activity_id.{leaf[0]}", *leaf[1:]) for leaf in domain[1:]
        ] + [("committee_id", "in", committees.ids)]
        for committee, partners in (
            self.env["vstbpn.campaign.activity.partner"]
            .sudo()
            ._read_group(
                partner_domain, ["committee_id"], ["partner_id:count_distinct"]
            )
        ):
            figures[committee.id]["partners"] = partners
