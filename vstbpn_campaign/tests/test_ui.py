from datetime import datetime, timedelta

from odoo import Command, fields
from odoo.tests import HttpCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user


@tagged("post_install", "-at_install")
class TestUi(HttpCase):
    """A unit's officer records an activity's results in a real browser, at
    desk and at phone width (touch), and the organiser's dashboard renders."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        today = fields.Date.today()
        Committee = cls.env["vstbpn.committee"]
        province = Committee.create(
            {
                "name": "Tour Province",
                "code": "TOURC-P",
                "level_id": cls.env.ref("vstbpn_committee.level_province").id,
            }
        )
        ward = Committee.create(
            {
                "name": "Tour Ward",
                "code": "TOURC-W",
                "parent_id": province.id,
                "level_id": cls.env.ref("vstbpn_committee.level_commune").id,
            }
        )
        cls.officer = mail_new_test_user(
            cls.env,
            login="tour_ward_officer",
            groups="base.group_user,vstbpn_committee.group_officer",
            lang="en_US",
            vstbpn_committee_ids=[Command.set(ward.ids)],
        )
        cls.organiser = mail_new_test_user(
            cls.env,
            login="tour_province_officer",
            groups="base.group_user,vstbpn_committee.group_officer",
            lang="en_US",
            vstbpn_committee_ids=[Command.set(province.ids)],
        )
        # the campaign around today, so that the activity can be "today"
        cls.campaign = cls.env["vstbpn.campaign"].create(
            {
                "year": today.year,
                "committee_id": province.id,
                "date_start": today - timedelta(days=10),
                "date_end": today + timedelta(days=10),
            }
        )
        cls.campaign.action_open()
        plan = cls.campaign.plan_ids.filtered(lambda p: p.committee_id == ward)
        start = datetime.combine(today, datetime.min.time()) + timedelta(hours=2)
        cls.activity = cls.env["vstbpn.campaign.activity"].create(
            {
                "plan_id": plan.id,
                "name": "Tour Talk",
                "format_id": cls.env.ref("vstbpn_campaign.format_talk").id,
                "date_start": start,
                "date_end": start + timedelta(hours=2),
                "location": "Ward hall",
            }
        )

    def _record_results(self):
        self.start_tour(
            "/odoo/action-vstbpn_campaign.vstbpn_campaign_activity_action",
            "vstbpn_campaign_record_results_tour",
            login="tour_ward_officer",
        )
        self.assertEqual(self.activity.state, "done")
        self.assertEqual(
            (
                self.activity.actual_female,
                self.activity.actual_male,
                self.activity.actual_total,
            ),
            (12, 8, 20),
        )
        self.assertEqual(self.activity.result_note, "Went well")

    def test_record_results_at_desk(self):
        self._record_results()

    def test_record_results_on_a_phone(self):
        self.browser_size = "375x667"
        self.touch_enabled = True
        self._record_results()

    def test_dashboard_renders_on_a_phone(self):
        self.browser_size = "375x667"
        self.touch_enabled = True
        self.activity.write({"actual_female": 3, "actual_male": 2})
        self.activity.action_mark_done()
        self.start_tour(
            "/odoo/action-vstbpn_campaign.vstbpn_campaign_action",
            "vstbpn_campaign_dashboard_tour",
            login="tour_province_officer",
        )
