from odoo import models

from odoo.addons.vstbpn_committee.tools import vn_today

from .vstbpn_campaign_summary import ACTIVITY_SUMS

DONE_INDEX = 1  # in the summary's rows: planned, done, cancelled, *sums
ACTUAL_TOTAL_INDEX = 3 + ACTIVITY_SUMS.index("actual_total")
ACTUAL_FEMALE_INDEX = 3 + ACTIVITY_SUMS.index("actual_female")
ACTUAL_MALE_INDEX = 3 + ACTIVITY_SUMS.index("actual_male")


class VstbpnCampaign(models.Model):
    """The campaign's documents: the results report in the layout of Decree
    30/2020/NĐ-CP and the XLSX summary, both from ``vstbpn.campaign.summary``."""

    _name = "vstbpn.campaign"
    _inherit = ["vstbpn.campaign", "vstbpn.report.document.mixin"]

    # THE PRINTED RESULTS REPORT

    def _vstbpn_document_date(self):
        return self.date_closed or vn_today(self.env)

    def _vstbpn_document_title_subject(self):
        return self.env._("Results of the %(name)s", name=self.name)

    def _vstbpn_print_totals(self, figures):
        """The dashboard's figures (``_vstbpn_dashboard_figures``) as printed."""
        return {
            name: self.vstbpn_format_number(value)
            for name, value in figures["fields"].items()
        }

    def _vstbpn_print_general(self, figures):
        """The first paragraph of the results report, figures in Vietnamese."""
        totals = self._vstbpn_print_totals(figures)
        return self.env._(
            "Theme: %(theme)s. From %(start)s to %(end)s, %(plans)s units planned "
            "their activities (%(approved)s plans approved) and held %(done)s "
            "activities for %(participants)s participants (%(women)s women, "
            "%(men)s men).",
            theme=self.theme or "-",
            start=self.vstbpn_format_place_date("", self.date_start),
            end=self.vstbpn_format_place_date("", self.date_end),
            plans=totals["plan_count"],
            approved=totals["plan_approved_count"],
            done=totals["done_activity_count"],
            participants=totals["participant_total"],
            women=totals["participant_female"],
            men=totals["participant_male"],
        )

    def _vstbpn_print_resources(self, figures):
        totals = self._vstbpn_print_totals(figures)
        return self.env._(
            "Cash: %(cash)s VND; in kind, an estimated %(in_kind)s VND. Online: "
            "%(posts)s posts, %(views)s views, %(shares)s shares.",
            cash=totals["cash_amount"],
            in_kind=totals["in_kind_value"],
            posts=totals["online_posts"],
            views=totals["online_views"],
            shares=totals["online_shares"],
        )

    def _vstbpn_print_units(self):
        """[(unit name, plan state, activities done, women, men, participants)]"""
        self.ensure_one()
        Summary = self.env["vstbpn.campaign.summary"]
        totals = {}
        for (committee_id, _format), row in Summary._by_committee_and_format(
            self
        ).items():
            unit = totals.setdefault(committee_id, [0, 0, 0, 0])
            unit[0] += row[DONE_INDEX]
            unit[1] += row[ACTUAL_FEMALE_INDEX]
            unit[2] += row[ACTUAL_MALE_INDEX]
            unit[3] += row[ACTUAL_TOTAL_INDEX]
        states = Summary._plan_states(self)
        labels = dict(
            self.env["vstbpn.campaign.plan"]
            ._fields["state"]
            ._description_selection(self.env)
        )
        return [
            (
                name,
                labels.get(states.get(committee_id), ""),
                *totals.get(committee_id, (0, 0, 0, 0)),
            )
            for committee_id, _code, name, _above in Summary._committees(self)
        ]

    def action_print_results(self):
        return self.env.ref(
            "vstbpn_campaign.vstbpn_campaign_results_report"
        ).report_action(self)

    # THE XLSX SUMMARY

    def _get_summary_xlsx(self):
        """(content, filename) of the summary by unit and format."""
        self.ensure_one()
        self.check_access("read")
        content = self.env["vstbpn.campaign.xlsx.summary"]._render(self)
        return content, f"{self.name}.xlsx".replace("/", "-")

    def action_download_summary(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": f"/vstbpn_campaign/campaign/{self.id}/xlsx",
            "target": "download",
        }
