from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.vstbpn_committee.tests import test_integrity_registry

from .common import VstbpnCampaignCase


@tagged("post_install", "-at_install")
class TestAccess(VstbpnCampaignCase):
    """A unit manages only its own plan and activities; the organiser reads
    all of its campaign's units; siblings see nothing of each other."""

    def test_siblings_see_nothing(self):
        activity = self._activity(
            partner_line_ids=[
                (0, 0, {"partner_id": self.partner.id, "cash_amount": 1000})
            ]
        )
        for model, record in (
            ("vstbpn.campaign.plan", self.plan_a),
            ("vstbpn.campaign.activity", activity),
            ("vstbpn.campaign.activity.partner", activity.partner_line_ids),
        ):
            with self.subTest(model=model):
                self.assertFalse(
                    self.env[model]
                    .with_user(self.officer_b)
                    .search([("id", "=", record.id)])
                )
                with self.assertRaises(AccessError):
                    record.with_user(self.officer_b).read(["committee_id"])
        self.assertEqual(
            self.env["vstbpn.campaign"].with_user(self.officer_b).search([]),
            self.campaign,
            "units read the campaign they take part in",
        )
        self.assertEqual(
            self.partner.with_user(self.officer_b).name,
            "Enterprise E",
            "partners are shared",
        )

    def test_organiser_reads_but_does_not_edit_the_units(self):
        activity = self._activity()
        Activity = self.env["vstbpn.campaign.activity"].with_user(self.officer_p)
        self.assertIn(activity, Activity.search([]))
        with self.assertRaises(AccessError):
            activity.with_user(self.officer_p).write({"actual_female": 3})
        with self.assertRaises(AccessError):
            self._activity(user=self.officer_p)
        with self.assertRaises(AccessError):
            self.plan_a.with_user(self.officer_p).objectives = "<p>Imposed</p>"
        figures = self.campaign.with_user(self.officer_p)._vstbpn_dashboard_figures()
        self.assertEqual(figures["fields"]["campaign_activity_count"], 1)

    def test_unit_sees_only_its_own_figures(self):
        self._done(self._activity(), 5, 5)
        self._done(self._activity(plan=self.plan_b, user=self.officer_b), 7, 7)
        campaign = self.campaign.with_user(self.officer_a)
        self.assertEqual(
            campaign._vstbpn_dashboard_figures()["fields"]["participant_total"], 10
        )
        self.assertEqual(
            self.campaign.with_user(self.officer_p)._vstbpn_dashboard_figures()[
                "fields"
            ]["participant_total"],
            24,
        )

    def test_no_activity_moves_to_another_unit(self):
        activity = self._activity()
        for plan in (self.plan_b, self.plan_p):
            with self.assertRaises(UserError):
                activity.with_user(self.officer_a).write({"plan_id": plan.id})
        with self.assertRaises(AccessError):
            self._activity(plan=self.plan_b)
        self.assertEqual(activity.committee_id, self.district_a)

    def test_members_read_only(self):
        activity = self._activity()
        self.assertEqual(activity.with_user(self.member_a).name, activity.name)
        with self.assertRaises(AccessError):
            activity.with_user(self.member_a).write({"name": "Renamed"})
        with self.assertRaises(AccessError):
            self.plan_a.with_user(self.member_a).action_submit()


@tagged("post_install", "-at_install")
class TestCampaignModelsKeepTheirRecords(
    test_integrity_registry.TestEveryModelKeepsItsRecords
):
    """The suite's registry-walking checks, on this addon's models and its demo:
    rules per group, siblings read nothing, no record moves, no derived
    field written."""

    # inherited from the committee's test class otherwise, which would run
    # this one with the committees' tests only
    test_module = "vstbpn_campaign"
    test_class = "TestCampaignModelsKeepTheirRecords"
    allow_inherited_tests_method = True

    def owned_models(self):
        # the membership model too, which the inherited first test expects
        return [
            name
            for name in super().owned_models()
            if name.startswith("vstbpn.campaign") or name == "vstbpn.committee.member"
        ]
