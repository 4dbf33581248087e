from odoo import api, fields, models

from odoo.addons.vstbpn_committee.tools import form_action

from .vstbpn_campaign_activity import ACTIVITY_STATES
from .vstbpn_campaign_activity_partner import PARTNER_ROLES

# (field of the campaign, figure summed over its done activities)
DONE_FIGURES = {
    "participant_female": "actual_female",
    "participant_male": "actual_male",
    "participant_total": "actual_total",
    "cash_amount": "cash_amount",
    "in_kind_value": "in_kind_value",
    "online_posts": "online_posts",
    "online_views": "online_views",
    "online_shares": "online_shares",
}


class VstbpnCampaign(models.Model):
    """The organiser's dashboard: live figures of the campaign (and of the
    campaigns below it), read in a handful of grouped queries whatever the
    number of units, and laid out to be read at a glance on a phone."""

    _inherit = "vstbpn.campaign"

    plan_count = fields.Integer(string="Plans", compute="_compute_dashboard")
    plan_submitted_count = fields.Integer(
        string="Plans Submitted", compute="_compute_dashboard"
    )
    plan_approved_count = fields.Integer(
        string="Plans Approved", compute="_compute_dashboard"
    )
    plan_missing_count = fields.Integer(
        string="Plans Missing",
        compute="_compute_dashboard",
        help="Not submitted although the deadline has passed.",
    )
    campaign_activity_count = fields.Integer(
        string="Activities Planned",
        compute="_compute_dashboard",
        help="Planned or done; cancelled ones are not counted.",
    )
    done_activity_count = fields.Integer(
        string="Activities Done", compute="_compute_dashboard"
    )
    cancelled_activity_count = fields.Integer(
        string="Activities Cancelled", compute="_compute_dashboard"
    )
    participant_female = fields.Integer(string="Women", compute="_compute_dashboard")
    participant_male = fields.Integer(string="Men", compute="_compute_dashboard")
    participant_total = fields.Integer(
        string="Participants", compute="_compute_dashboard"
    )
    cash_amount = fields.Float(
        string="Cash Mobilised (VND)", digits=(16, 0), compute="_compute_dashboard"
    )
    in_kind_value = fields.Float(
        string="In Kind Mobilised (VND)", digits=(16, 0), compute="_compute_dashboard"
    )
    online_posts = fields.Integer(string="Posts", compute="_compute_dashboard")
    online_views = fields.Integer(string="Views", compute="_compute_dashboard")
    online_shares = fields.Integer(string="Shares", compute="_compute_dashboard")
    dashboard_html = fields.Html(
        string="By Format and Source",
        compute="_compute_dashboard_html",
        sanitize=False,
    )

    @api.depends_context("uid")
    def _compute_dashboard(self):
        """The figures of every campaign shown (the kanban of campaigns) in two
        grouped reads, whatever their number: activities by campaign and
        state, each campaign summing those of its subtree, and plans."""
        Summary = self.env["vstbpn.campaign.summary"]
        activities = Summary._by_campaign_and_state(self)
        plans = Summary._plans_by_status(self)
        # the tree of these campaigns and of those the activities belong to
        tree = self._origin | self.browse([owner.id for owner, _state in activities])
        path_of = {campaign.id: campaign.parent_path for campaign in tree.sudo()}
        for campaign in self:
            prefix = path_of.get(campaign.id)
            rows = [
                (state, figures)
                for (owner, state), figures in activities.items()
                if prefix and path_of[owner.id].startswith(prefix)
            ]
            values = campaign._vstbpn_dashboard_values(rows, plans.get(campaign, {}))
            for name, value in values.items():
                campaign[name] = value

    @api.depends_context("uid")
    def _compute_dashboard_html(self):
        for campaign in self:
            figures = campaign._vstbpn_dashboard_figures()
            campaign.dashboard_html = self.env["ir.qweb"]._render(
                "vstbpn_campaign.campaign_dashboard_tables",
                {
                    "formats": figures["formats"],
                    "roles": figures["roles"],
                    "fmt": self.env[
                        "vstbpn.official.document.mixin"
                    ].vstbpn_format_number,
                },
            )

    def _vstbpn_dashboard_figures(self):
        """{"fields": {field: value}, "formats": [row], "roles": [row]}: three
        grouped reads (activities by format and state, partners by role,
        plans by status)."""
        self.ensure_one()
        Summary = self.env["vstbpn.campaign.summary"]
        by_format = Summary._by_format_and_state(self)
        by_role = Summary._by_role(self)
        plans = Summary._plans_by_status(self).get(self, {})
        formats = {}
        for (format_, state), figures in by_format.items():
            row = formats.setdefault(
                format_, {"format": format_, "planned": 0, "done": 0, "total": 0}
            )
            if state != "cancelled":
                row["planned"] += figures["count"]
            if state == "done":
                row["done"] += figures["count"]
                row["total"] += figures["actual_total"]
        roles = dict(PARTNER_ROLES)
        return {
            "fields": self._vstbpn_dashboard_values(
                [(state, figures) for (_format, state), figures in by_format.items()],
                plans,
            ),
            "formats": sorted(formats.values(), key=lambda row: row["format"].sequence),
            "roles": [
                {"role": roles[role], "cash": cash, "in_kind": in_kind, "count": count}
                for role, (cash, in_kind, count) in by_role.items()
            ],
        }

    def _vstbpn_dashboard_values(self, activities, plans):
        """{field: value} of the dashboard from the activities' figures
        [(state, {"count": n, field: sum})] and the plans {(state, timeliness):
        count}."""
        values = dict.fromkeys(DONE_FIGURES, 0)
        counts = dict.fromkeys((state for state, _label in ACTIVITY_STATES), 0)
        for state, figures in activities:
            counts[state] += figures["count"]
            if state == "done":
                for name, source in DONE_FIGURES.items():
                    values[name] += figures[source]
        values.update(
            plan_count=sum(plans.values()),
            plan_submitted_count=sum(
                count for (state, _s), count in plans.items() if state != "draft"
            ),
            plan_approved_count=sum(
                count for (state, _s), count in plans.items() if state == "approved"
            ),
            plan_missing_count=sum(
                count
                for (_state, status), count in plans.items()
                if status == "missing"
            ),
            campaign_activity_count=counts["planned"] + counts["done"],
            done_activity_count=counts["done"],
            cancelled_activity_count=counts["cancelled"],
        )
        return values

    # ACTIONS

    def action_open_form(self):
        """From the dashboard back to the campaign's own form."""
        self.ensure_one()
        return form_action(self)

    def action_open_dashboard(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.name,
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [
                (
                    self.env.ref(
                        "vstbpn_campaign.vstbpn_campaign_view_form_dashboard"
                    ).id,
                    "form",
                )
            ],
        }
