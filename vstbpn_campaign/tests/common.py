from datetime import date, datetime

from odoo.addons.vstbpn_committee.tests.common import VstbpnCommitteeCase

YEAR = 2017


class VstbpnCampaignCase(VstbpnCommitteeCase):
    """The test tree of ``VstbpnCommitteeCase`` without its managers. The
    province's Action Month of 2017 is opened: every unit has its plan."""

    WITH_MANAGERS = False

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        cls.launch = ref("vstbpn_campaign.format_launch")
        cls.talk = ref("vstbpn_campaign.format_talk")
        cls.social = ref("vstbpn_campaign.format_social_media")
        cls.partner = cls.env["res.partner"].create(
            {"name": "Enterprise E", "is_company": True}
        )
        cls.campaign = (
            cls.env["vstbpn.campaign"]
            .with_user(cls.officer_p)
            .create(
                {
                    "year": YEAR,
                    "committee_id": cls.province.id,
                    "theme": "Chung tay chấm dứt bạo lực đối với phụ nữ và trẻ em gái",
                }
            )
        )
        cls.campaign.action_open()
        cls.campaign = cls.campaign.with_user(cls.env.user)
        cls.plan_a = cls._plan(cls.district_a)
        cls.plan_b = cls._plan(cls.district_b)
        cls.plan_p = cls._plan(cls.province)

    @classmethod
    def _plan(cls, committee, campaign=None):
        return cls.env["vstbpn.campaign.plan"].search(
            [
                ("campaign_id", "=", (campaign or cls.campaign).id),
                ("committee_id", "=", committee.id),
            ]
        )

    def _activity(self, plan=None, user=None, **values):
        """An activity of district A's plan (created by its officer), on 20
        November at 9:00 in Viet Nam."""
        vals = {
            "plan_id": (plan or self.plan_a).id,
            "name": "Talk on gender equality",
            "format_id": self.talk.id,
            "date_start": datetime(YEAR, 11, 20, 2, 0),
            "date_end": datetime(YEAR, 11, 20, 5, 0),
            "location": "Ward hall",
            "planned_female": 30,
            "planned_male": 20,
        }
        vals.update(values)
        return (
            self.env["vstbpn.campaign.activity"]
            .with_user(user or self.officer_a)
            .create(vals)
        )

    def _done(self, activity, female, male, **values):
        activity.write({"actual_female": female, "actual_male": male, **values})
        activity.action_mark_done()
        return activity


DAY_IN_CAMPAIGN = date(YEAR, 11, 20)
