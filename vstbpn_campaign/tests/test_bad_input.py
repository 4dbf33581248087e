from datetime import date

from odoo.exceptions import ValidationError
from odoo.tests import HttpCase, tagged

from .common import YEAR, VstbpnCampaignCase


@tagged("post_install", "-at_install")
class TestCampaignBadInput(VstbpnCampaignCase):
    """What a unit's officer could send over JSON-RPC to a campaign and its
    activities: deadlines against the month, malformed x2many commands;
    refused in Vietnamese, and nothing is saved."""

    def test_deadlines_within_or_after_the_month(self):
        Campaign = self.env["vstbpn.campaign"].with_user(self.officer_a)
        Campaign = Campaign.with_context(lang="vi_VN")
        values = {"year": YEAR + 1, "committee_id": self.district_a.id}
        count = Campaign.search_count([])
        bad = [
            ({"plan_deadline": date(YEAR + 1, 12, 16)}, "kế hoạch"),
            ({"report_deadline": date(YEAR + 1, 11, 14)}, "kết quả"),
        ]
        for vals, words in bad:
            with self.subTest(vals=vals), self.assertRaises(ValidationError) as caught:
                Campaign.create(dict(values, **vals))
            self.assertIn(words, str(caught.exception))
        self.assertEqual(Campaign.search_count([]), count)
        campaign = Campaign.create(values)
        before = (campaign.plan_deadline, campaign.report_deadline)
        for vals, _words in bad:
            with self.subTest(write=vals), self.assertRaises(ValidationError):
                campaign.write(vals)
        campaign.invalidate_recordset()
        self.assertEqual((campaign.plan_deadline, campaign.report_deadline), before)
        # a results deadline within the month, plans due on its last day: fine
        campaign.write(
            {
                "plan_deadline": date(YEAR + 1, 12, 15),
                "report_deadline": date(YEAR + 1, 12, 1),
            }
        )

    def test_malformed_topics_are_refused(self):
        activity = self._activity().with_context(lang="vi_VN")
        topic = self.env["vstbpn.campaign.topic"].search([], limit=1)
        activity.write({"topic_ids": [(6, 0, topic.ids)]})
        for value in (
            topic.id,
            [(6, 0, ["abc"])],
            [(4, "x")],
            [(0, 0, "x")],
            [(6, 0, [topic.id + 0.5])],
            [(4, 99_999_999)],
        ):
            with (
                self.subTest(value=value),
                self.assertRaises(ValidationError) as caught,
            ):
                activity.write({"topic_ids": value})
            self.assertIn("Chủ đề", str(caught.exception))
            activity.invalidate_recordset()
            self.assertEqual(activity.topic_ids, topic)


@tagged("post_install", "-at_install")
class TestCampaignRouteParameters(HttpCase):
    def test_unknown_campaign_id(self):
        self.env.ref("base.user_admin").lang = "vi_VN"
        self.authenticate("admin", "admin")
        for campaign_id in (0, 99_999_999):
            with self.subTest(campaign_id=campaign_id):
                response = self.url_open(
                    f"/vstbpn_campaign/campaign/{campaign_id}/xlsx"
                )
                self.assertEqual(response.status_code, 400)
                self.assertIn("Không có", response.text)
