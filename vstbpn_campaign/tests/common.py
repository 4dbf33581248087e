from contextlib import contextmanager
from datetime import date, datetime

from odoo import Command
from odoo.tests import TransactionCase

from odoo.addons.mail.tests.common import mail_new_test_user

OFFICER = "base.group_user,vstbpn_committee.group_officer"
MEMBER = "base.group_user,vstbpn_committee.group_member"
YEAR = 2017


class VstbpnCampaignCase(TransactionCase):
    """A province P above two sibling districts A and B, and a commune A1
    below A; an officer per committee (``user_p``, ``user_a``, ``user_b``),
    a member of A (``member_a``). The province's Action Month of 2017 is
    opened: every unit has its plan."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        Committee = cls.env["vstbpn.committee"]
        level = cls.env.ref
        cls.province = Committee.create(
            {
                "name": "Province P",
                "code": "C-P",
                "level_id": level("vstbpn_committee.level_province").id,
            }
        )
        cls.district_a, cls.district_b = Committee.create(
            [
                {
                    "name": f"District {letter}",
                    "code": f"C-P-{letter}",
                    "level_id": level("vstbpn_committee.level_district").id,
                    "parent_id": cls.province.id,
                }
                for letter in "AB"
            ]
        )
        cls.commune_a1 = Committee.create(
            {
                "name": "Commune A1",
                "code": "C-P-A1",
                "level_id": level("vstbpn_committee.level_commune").id,
                "parent_id": cls.district_a.id,
            }
        )
        cls.user_p = cls._new_user("c_province", cls.province)
        cls.user_a = cls._new_user("c_district_a", cls.district_a)
        cls.user_b = cls._new_user("c_district_b", cls.district_b)
        cls.member_a = cls._new_user("c_member_a", cls.district_a, MEMBER)
        cls.launch = level("vstbpn_campaign.format_launch")
        cls.talk = level("vstbpn_campaign.format_talk")
        cls.social = level("vstbpn_campaign.format_social_media")
        cls.partner = cls.env["res.partner"].create(
            {"name": "Enterprise E", "is_company": True}
        )
        cls.campaign = (
            cls.env["vstbpn.campaign"]
            .with_user(cls.user_p)
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
    def _new_user(cls, login, committee, groups=OFFICER):
        return mail_new_test_user(
            cls.env,
            login=login,
            groups=groups,
            lang="en_US",
            tz="Asia/Ho_Chi_Minh",
            vstbpn_committee_ids=[Command.set(committee.ids)],
        )

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
            .with_user(user or self.user_a)
            .create(vals)
        )

    def _done(self, activity, female, male, **values):
        activity.write({"actual_female": female, "actual_male": male, **values})
        activity.action_mark_done()
        return activity

    @contextmanager
    def refused(self, exception, pattern):
        """Like assertRaisesRegex, in a savepoint as assertRaises is: what
        the refused call left in the cache is dropped with it."""
        with self.assertRaises(exception) as caught:
            yield caught
        self.assertRegex(str(caught.exception), pattern)


DAY_IN_CAMPAIGN = date(YEAR, 11, 20)
