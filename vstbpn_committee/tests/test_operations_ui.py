from datetime import date

from odoo.tests import HttpCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user


class OperationsUiCase(HttpCase):
    """A province with two districts, a member in district A; users work in
    Vietnamese."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("vi_VN")
        Committee = cls.env["vstbpn.committee"]
        cls.province = Committee.create(
            {
                "name": "Tour Meeting Province",
                "code": "TOURM-P",
                "level_id": cls.env.ref("vstbpn_committee.level_province").id,
            }
        )
        cls.district_a, cls.district_b = Committee.create(
            [
                {
                    "name": f"Tour Meeting District {letter}",
                    "code": f"TOURM-{letter}",
                    "document_symbol": "TOURM",
                    "parent_id": cls.province.id,
                    "level_id": cls.env.ref("vstbpn_committee.level_district").id,
                }
                for letter in "AB"
            ]
        )
        cls.member_partner = cls.env["res.partner"].create({"name": "Tour Member"})
        cls.env["vstbpn.committee.member"].create(
            {
                "committee_id": cls.district_a.id,
                "role": "head",
                "partner_id": cls.member_partner.id,
            }
        )

    def _user(self, login, group, committee=None):
        user = mail_new_test_user(
            self.env,
            login=login,
            lang="vi_VN",
            groups=f"base.group_user,vstbpn_committee.group_{group}",
        )
        if committee:
            user.vstbpn_committee_ids = committee
        return user


@tagged("post_install", "-at_install")
class TestMeetingUi(OperationsUiCase):
    """A committee's meeting in a real browser, in Vietnamese."""

    def test_officer_plans_a_meeting_records_attendance_and_issues_minutes(self):
        self._user("tour_meeting_officer", "officer", self.district_a)
        self.start_tour("/odoo", "vstbpn_meeting_tour", login="tour_meeting_officer")
        meeting = self.env["calendar.event"].search([("name", "=", "Họp quý của tour")])
        self.assertEqual(meeting.vstbpn_committee_id, self.district_a)
        self.assertEqual(meeting.vstbpn_minutes_state, "issued")
        attendee = meeting.attendee_ids.filtered(
            lambda a: a.partner_id == self.member_partner
        )
        self.assertTrue(attendee.vstbpn_attended)
        self.assertIn("Tháng hành động", meeting.vstbpn_minutes)
        self.assertEqual(meeting.vstbpn_document_id.document_reference, "01/BB-TOURM")


@tagged("post_install", "-at_install")
class TestInspectionPhoneUi(OperationsUiCase):
    """The team leader records findings on a phone-width screen."""

    browser_size = "375x667"
    touch_enabled = True

    def test_team_leader_records_findings_on_a_phone(self):
        leader = self._user("tour_team_leader", "member")
        areas = self.env["vstbpn.inspection.area"].create(
            [
                {"name": "Tour Area One", "code": "tour-1", "sequence": 1},
                {"name": "Tour Area Two", "code": "tour-2", "sequence": 2},
            ]
        )
        plan = self.env["vstbpn.inspection.plan"].create(
            {
                "committee_id": self.province.id,
                "year": date.today().year,
                "area_ids": [(6, 0, areas.ids)],
                "team_ids": [
                    (
                        0,
                        0,
                        {
                            "role": "leader",
                            "partner_id": leader.partner_id.id,
                            "user_id": leader.id,
                        },
                    )
                ],
                "inspection_ids": [
                    (
                        0,
                        0,
                        {
                            "committee_id": self.district_a.id,
                            "date_start": date.today(),
                        },
                    )
                ],
            }
        )
        plan.action_confirm()
        inspection = plan.inspection_ids
        inspection.action_start()
        self.start_tour(
            f"/odoo/action-vstbpn_committee.vstbpn_inspection_action/{inspection.id}",
            "vstbpn_inspection_findings_tour",
            login="tour_team_leader",
        )
        findings = {f.area_id.name: f.assessment for f in inspection.finding_ids}
        self.assertEqual(findings, {"Tour Area One": "weak", "Tour Area Two": "good"})
        weak = inspection.finding_ids.filtered(lambda f: f.assessment == "weak")
        self.assertIn("Chưa họp định kỳ", weak.notes)
