from odoo import api, models
from odoo.tools import SQL

# The figures summed over activities, in the order of the summary's columns.
ACTIVITY_SUMS = (
    "planned_female",
    "planned_male",
    "planned_total",
    "actual_female",
    "actual_male",
    "actual_total",
    "cash_amount",
    "in_kind_value",
    "online_posts",
    "online_views",
    "online_shares",
    "partner_count",
)


class VstbpnCampaignSummary(models.AbstractModel):
    """The figures of a campaign, read once for every document that shows them:
    the organiser's dashboard, the printed results report and the XLSX summary.

    A campaign's figures include those of the campaigns below it (a national
    campaign and the provinces' own). Every read goes through the user's record
    rules: the organiser sees its units, a unit only itself.
    """

    _name = "vstbpn.campaign.summary"
    _description = "Action Month Figures"

    @api.model
    def _activity_domain(self, campaign):
        return [("campaign_id", "child_of", campaign.id)]

    @api.model
    def _by_format_and_state(self, campaign):
        """{(format, state): {"count": n, field: sum}} over the activities."""
        aggregates = ["__count"] + [f"{name}:sum" for name in ACTIVITY_SUMS]
        return {
            (format_, state): dict(zip(["count", *ACTIVITY_SUMS], figures, strict=True))
            for format_, state, *figures in self.env[
                "vstbpn.campaign.activity"
            ]._read_group(
                self._activity_domain(campaign), ["format_id", "state"], aggregates
            )
        }

    @api.model
    def _by_role(self, campaign):
        """{role: (cash, in kind value, partners)} of what partners gave to
        activities that took place."""
        return {
            role: (cash, in_kind, partners)
            for role, cash, in_kind, partners in self.env[
                "vstbpn.campaign.activity.partner"
            ]._read_group(
                [
                    ("campaign_id", "child_of", campaign.id),
                    ("activity_id.state", "=", "done"),
                ],
                ["role"],
                ["cash_amount:sum", "in_kind_value:sum", "partner_id:count_distinct"],
            )
        }

    @api.model
    def _by_campaign_and_state(self, campaigns):
        """{(campaign, state): {"count": n, field: sum}} over the activities of
        these campaigns and of those below them, by the campaign of each."""
        aggregates = ["__count"] + [f"{name}:sum" for name in ACTIVITY_SUMS]
        return {
            (campaign, state): dict(
                zip(["count", *ACTIVITY_SUMS], figures, strict=True)
            )
            for campaign, state, *figures in self.env[
                "vstbpn.campaign.activity"
            ]._read_group(
                [("campaign_id", "child_of", campaigns.ids)],
                ["campaign_id", "state"],
                aggregates,
            )
        }

    @api.model
    def _plans_by_status(self, campaigns):
        """{campaign: {(state, timeliness): count}} of the campaigns' own plans."""
        plans = {}
        for campaign, state, status, count in self.env[
            "vstbpn.campaign.plan"
        ]._read_group(
            [("campaign_id", "in", campaigns.ids)],
            ["campaign_id", "state", "submission_status"],
            ["__count"],
        ):
            plans.setdefault(campaign, {})[state, status] = count
        return plans

    # THE SUMMARY BY COMMITTEE AND FORMAT (XLSX, printed report)

    @api.model
    def _committees(self, campaign):
        """The units with a plan in the campaign or one below, as the user may
        read them, in the tree's order: [(id, code, name, name above)]."""
        plans = self.env["vstbpn.campaign.plan"]._search(
            [("campaign_id", "child_of", campaign.id)]
        )
        self.env["vstbpn.committee"].flush_model(["code", "name", "complete_name"])
        return self.env.execute_query(
            SQL(
                """
                SELECT c.id, c.code, c.name, COALESCE(p.name, '')
                  FROM vstbpn_committee c
                  LEFT JOIN vstbpn_committee p ON p.id = c.parent_id
                 WHERE c.id IN (%s)
              ORDER BY c.complete_name, c.id
                """,
                plans.select(SQL.identifier("vstbpn_campaign_plan", "committee_id")),
            )
        )

    @api.model
    def _plan_states(self, campaign):
        """{committee id: plan state} of the units' plans."""
        Plan = self.env["vstbpn.campaign.plan"]
        Plan.flush_model(["committee_id", "state"])
        query = Plan._search([("campaign_id", "child_of", campaign.id)])
        return dict(
            self.env.execute_query(
                query.select(
                    SQL.identifier(Plan._table, "committee_id"),
                    SQL.identifier(Plan._table, "state"),
                )
            )
        )

    @api.model
    def _by_committee_and_format(self, campaign, committee_ids=None):
        """{(committee id, format id): (planned, done, cancelled, *sums)}
        in one grouped query, as plain numbers: at national scale (3,000+
        units, 30,000+ activities) records for each group would cost more than
        the figures themselves."""
        Activity = self.env["vstbpn.campaign.activity"]
        Activity.flush_model(["committee_id", "format_id", "state", *ACTIVITY_SUMS])
        domain = self._activity_domain(campaign)
        if committee_ids is not None:
            domain.append(("committee_id", "in", committee_ids))
        query = Activity._search(domain)

        def column(name):
            return SQL.identifier(Activity._table, name)

        state = column("state")
        query.groupby = SQL("%s, %s", column("committee_id"), column("format_id"))
        rows = self.env.execute_query(
            query.select(
                column("committee_id"),
                column("format_id"),
                SQL("COUNT(*) FILTER (WHERE %s != 'cancelled')", state),
                SQL("COUNT(*) FILTER (WHERE %s = 'done')", state),
                SQL("COUNT(*) FILTER (WHERE %s = 'cancelled')", state),
                *(
                    SQL(
                        "COALESCE(SUM(%s) FILTER (WHERE %s %s), 0)::float8",
                        column(name),
                        state,
                        SQL(
                            "!= 'cancelled'"
                            if name.startswith("planned")
                            else "= 'done'"
                        ),
                    )
                    for name in ACTIVITY_SUMS
                ),
            )
        )
        return {(row[0], row[1]): row[2:] for row in rows}
