from odoo.exceptions import UserError
from odoo.tests import tagged

from .common import YEAR, VstbpnCampaignCase

# AccessError and ValidationError are UserErrors: any refusal
REFUSED = UserError


@tagged("post_install", "-at_install")
class TestCampaignIntegrityOverRpc(VstbpnCampaignCase):
    """What a unit's officer could send over JSON-RPC to the campaign tree,
    which the registry test (one record's own committee) does not reach."""

    def test_no_campaign_placed_under_a_closed_one(self):
        """Once the province's Action Month is closed, its figures (which
        include those of the campaigns below it) are final: district A cannot
        put a campaign of its own under it, nor move one there."""
        self.campaign.with_user(self.officer_p).action_close()
        children = self.campaign.child_ids
        Campaign = self.env["vstbpn.campaign"].with_user(self.officer_a)
        with self.assertRaises(REFUSED):
            Campaign.create(
                {
                    "year": YEAR,
                    "committee_id": self.district_a.id,
                    "parent_id": self.campaign.id,
                }
            )
        own = Campaign.create({"year": YEAR, "committee_id": self.district_a.id})
        with self.assertRaises(REFUSED):
            own.write({"parent_id": self.campaign.id})
        self.campaign.invalidate_recordset()
        self.assertEqual(self.campaign.child_ids, children)
        self.assertFalse(own.parent_id)
