from odoo.tests import tagged

from .common import YEAR, VstbpnCampaignCase

# What the kanban of campaigns shows on each card.
CARD_FIELDS = [
    "plan_count",
    "plan_submitted_count",
    "done_activity_count",
    "campaign_activity_count",
    "participant_total",
]


@tagged("post_install", "-at_install")
class TestDashboardOfManyCampaigns(VstbpnCampaignCase):
    """The campaigns' kanban reads the figures of every card at once."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a national campaign above the province's, and district A's own
        national = cls.env["vstbpn.committee"].create(
            {
                "name": "Nation",
                "code": "C-N",
                "level_id": cls.env.ref("vstbpn_committee.level_national").id,
            }
        )
        cls.province.sudo()._vstbpn_trusted_write({"parent_id": national.id})
        cls.top = cls.env["vstbpn.campaign"].create(
            {"year": YEAR, "committee_id": national.id, "participant_mode": "next"}
        )
        cls.campaign.sudo()._vstbpn_trusted_write({"parent_id": cls.top.id})
        cls.top.action_open()

    def _cards(self, campaigns):
        self.env.invalidate_all()
        return campaigns.read(CARD_FIELDS)

    def test_cards_sum_the_campaigns_below(self):
        """Each card shows what its dashboard shows: the national campaign's
        figures include the province's."""
        self._done(self._activity(), 3, 2)
        self._done(self._activity(plan=self.plan_b, user=self.officer_b), 4, 1)
        self._activity(name="Still to come")
        campaigns = self.top | self.campaign
        for card, campaign in zip(self._cards(campaigns), campaigns, strict=True):
            figures = campaign._vstbpn_dashboard_figures()["fields"]
            for name in CARD_FIELDS:
                self.assertEqual(card[name], figures[name], f"{campaign.name}: {name}")
        self.assertEqual(self.top.participant_total, 10)
        self.assertEqual(self.top.campaign_activity_count, 3)
        self.assertEqual(self.top.plan_count, 2, "its own plans: itself, P")

    def test_cards_in_a_fixed_number_of_queries(self):
        """Two campaigns cost no more queries than one."""
        self._done(self._activity(), 3, 2)
        self.env.flush_all()
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        self.top.read(CARD_FIELDS)
        one = self.cr.sql_log_count - start
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        (self.top | self.campaign).read(CARD_FIELDS)
        self.assertLessEqual(self.cr.sql_log_count - start, one)
