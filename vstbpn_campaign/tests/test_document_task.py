from datetime import date

from odoo.tests import tagged

from .common import VstbpnCampaignCase


@tagged("post_install", "-at_install")
class TestCampaignPlanFulfilsTask(VstbpnCampaignCase):
    """A directive asks the districts for their Action Month plan: the plan
    approved closes the unit's line."""

    def test_plan_approved_closes_the_line(self):
        document = self._issue_directive_2017(
            "Tháng hành động",
            "<p>Xây dựng kế hoạch trước 15/11.</p>",
            {
                "name": "Kế hoạch Tháng hành động",
                "kind": "campaign_plan",
                "deadline": date(2017, 11, 14),
                "campaign_id": self.campaign.id,
            },
        )
        self.plan_a.with_user(self.officer_a).action_submit()
        self.plan_a.with_user(self.officer_p).action_approve()
        line_a = document.task_line_ids.filtered(
            lambda line: line.committee_id == self.district_a
        )
        self.assertEqual(line_a.state, "done")
        self.assertEqual(line_a.fulfilment_ref, self.plan_a)
        self.assertEqual(line_a.date_done, self.plan_a.date_approved)
        line_b = document.task_line_ids - line_a
        self.assertEqual(line_b.state, "open")
