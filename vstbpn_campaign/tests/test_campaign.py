from datetime import date

from odoo.exceptions import UserError, ValidationError
from odoo.tests import tagged

from .common import YEAR, VstbpnCampaignCase


@tagged("post_install", "-at_install")
class TestCampaign(VstbpnCampaignCase):
    """A campaign: its defaults, its opening, closing and next year's copy."""

    def test_defaults_follow_the_directive(self):
        campaign = self.campaign
        self.assertEqual(campaign.date_start, date(YEAR, 11, 15))
        self.assertEqual(campaign.date_end, date(YEAR, 12, 15))
        self.assertIn("Prevention of Gender-based Violence 2017", campaign.name)
        self.assertEqual(
            campaign.participant_ids,
            self.district_a | self.district_b | self.commune_a1,
            "every committee below, any depth",
        )
        renamed = self.env["vstbpn.campaign"].new({"year": 2021})
        self.assertIn("Response to Gender-based Violence 2021", renamed.name)

    def test_opening_gives_every_unit_its_plan_and_a_to_do(self):
        plans = self.campaign.plan_ids
        self.assertEqual(
            plans.committee_id,
            self.province | self.district_a | self.district_b | self.commune_a1,
            "the organiser plans its own activities too",
        )
        self.assertTrue(all(plan.state == "draft" for plan in plans))
        todo = self.env["mail.activity"].search(
            [
                ("res_model", "=", "vstbpn.campaign.plan"),
                ("res_id", "=", self.plan_a.id),
            ]
        )
        self.assertEqual(todo.user_id, self.officer_a)
        self.assertEqual(
            todo.date_deadline,
            # the day it was opened, in Viet Nam
            max(self.campaign.plan_deadline, self.today()),
        )
        with self.assertRaises(UserError):
            self.campaign.with_user(self.officer_p).action_open()

    def test_opened_campaign_keeps_its_participants(self):
        with self.assertRaises(UserError):
            self.campaign.with_user(self.officer_p).participant_mode = "next"

    def test_participants_stay_below_the_organiser(self):
        other = self.env["vstbpn.committee"].create(
            {
                "name": "Elsewhere",
                "code": "C-X",
                "level_id": self.env.ref("vstbpn_committee.level_province").id,
            }
        )
        with self.assertRaises(ValidationError):
            self.env["vstbpn.campaign"].create(
                {
                    "year": YEAR + 1,
                    "committee_id": self.province.id,
                    "participant_mode": "manual",
                    "participant_ids": [(6, 0, other.ids)],
                }
            )

    def test_one_level_takes_part_and_the_organiser_plans_too(self):
        campaign = self.env["vstbpn.campaign"].create(
            {
                "year": YEAR + 1,
                "committee_id": self.province.id,
                "participant_mode": "level",
                "participant_level_id": self.commune_a1.level_id.id,
            }
        )
        self.assertEqual(campaign.participant_ids, self.commune_a1)
        campaign.with_user(self.officer_p).action_open()
        self.assertEqual(
            campaign.plan_ids.committee_id, self.province | self.commune_a1
        )

    def test_one_campaign_per_committee_and_year(self):
        with self.refused(ValidationError, "Province P already organises"):
            self.env["vstbpn.campaign"].with_user(self.officer_p).create(
                {"year": YEAR, "committee_id": self.province.id}
            )

    def test_a_unit_cannot_organise_for_its_parent(self):
        with self.assertRaises(UserError):
            self.env["vstbpn.campaign"].with_user(self.officer_a).create(
                {"year": YEAR + 1, "committee_id": self.province.id}
            )

    def test_prepare_next_year(self):
        self.campaign.guidance = "<p>Plan with the member agencies.</p>"
        self.campaign.report_note = "<p>Well done.</p>"
        action = self.campaign.with_user(self.officer_p).action_prepare_next_year()
        copy = self.env["vstbpn.campaign"].browse(action["res_id"])
        self.assertEqual(copy.year, YEAR + 1)
        self.assertEqual(copy.state, "draft")
        self.assertEqual(copy.date_start, date(YEAR + 1, 11, 15))
        self.assertEqual(copy.plan_deadline, date(YEAR + 1, 11, 10))
        self.assertEqual(copy.participant_ids, self.campaign.participant_ids)
        self.assertIn("member agencies", copy.guidance)
        self.assertFalse(copy.theme, "the theme comes from next year's guidance")
        self.assertFalse(copy.plan_ids)
        self.assertFalse(copy.report_note, "this year's assessment stays with it")

    def test_campaign_under_the_national_one(self):
        national = self.env["vstbpn.committee"].create(
            {
                "name": "Nation",
                "code": "C-N",
                "level_id": self.env.ref("vstbpn_committee.level_national").id,
            }
        )
        self.province.sudo()._vstbpn_trusted_write({"parent_id": national.id})
        top = self.env["vstbpn.campaign"].create(
            {"year": YEAR, "committee_id": national.id, "participant_mode": "next"}
        )
        self.campaign.sudo()._vstbpn_trusted_write({"parent_id": top.id})
        top.action_open()
        activity = self._activity()
        self._done(activity, 3, 2)
        self.assertEqual(
            top._vstbpn_dashboard_figures()["fields"]["participant_total"], 5
        )
        with self.assertRaises(ValidationError):
            self.env["vstbpn.campaign"].create(
                {
                    "year": YEAR + 1,
                    "committee_id": self.district_b.id,
                    "parent_id": top.id,
                }
            )

    def test_closing_locks_and_reopening_unlocks(self):
        activity = self._activity()
        self.campaign.with_user(self.officer_p).action_close()
        with self.refused(UserError, "is closed"):
            activity.with_user(self.officer_a).write({"actual_female": 4})
        self.campaign.with_user(self.officer_p).action_reopen()
        activity.with_user(self.officer_a).write({"actual_female": 4})
        self.assertEqual(activity.actual_total, 4)

    def test_only_draft_campaigns_are_deleted(self):
        with self.assertRaises(UserError):
            self.campaign.unlink()


@tagged("post_install", "-at_install")
class TestLaunchGuidance(VstbpnCampaignCase):
    """Opening a campaign issues its launch guidance to the participating
    units as an official document."""

    def _new_campaign(self):
        return (
            self.env["vstbpn.campaign"]
            .with_user(self.officer_p)
            .create(
                {
                    "year": YEAR + 1,
                    "committee_id": self.province.id,
                    "participant_mode": "next",
                    "theme": "Theme of the year",
                    "guidance": "<p>Plan with the member agencies.</p>",
                }
            )
        )

    def test_guidance_issued_to_the_units(self):
        self.province.document_symbol = "BVSTBPN"
        head = self.env["res.partner"].create({"name": "Head H"})
        self.env["vstbpn.committee.member"].create(
            {
                "committee_id": self.province.id,
                "partner_id": head.id,
                "role": "head",
                "date_start": date(2017, 1, 1),
            }
        )
        campaign = self._new_campaign()
        campaign.action_open()
        document = campaign.guidance_document_id
        self.assertEqual(document.state, "issued")
        self.assertEqual(document.document_type_id.abbreviation, "HD")
        self.assertEqual(
            document.addressee_committee_ids, self.district_a | self.district_b
        )
        self.assertEqual(document.signer_name, "Head H")
        self.assertIn("member agencies", document.body)
        # the 2018 plans' deadline has passed: a document issued today is
        # never due before its own date
        self.assertFalse(document.deadline)
        self.assertEqual(
            campaign._vstbpn_guidance_deadline(), False, "past campaign: no deadline"
        )
        self.assertEqual(
            document.recipient_ids.committee_id, self.district_a | self.district_b
        )

    def test_guidance_without_a_head_stays_a_draft(self):
        campaign = self._new_campaign()
        campaign.action_open()
        self.assertEqual(campaign.state, "open", "the units have their plans anyway")
        self.assertEqual(campaign.guidance_document_id.state, "draft")
        self.assertIn(
            "could not be issued",
            campaign.message_ids[:3].mapped("body")[0]
            + "".join(campaign.message_ids.mapped("body")),
        )

    def test_no_guidance_no_document(self):
        self.assertFalse(self.campaign.guidance_document_id)
