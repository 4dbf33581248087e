from odoo.tests import HttpCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user


@tagged("post_install", "-at_install")
class TestCommitteeUi(HttpCase):
    """The committee app in a real browser, in Vietnamese, for a district officer."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("vi_VN")
        Committee = cls.env["vstbpn.committee"]
        province = Committee.create(
            {
                "name": "Tour Province",
                "code": "TOUR-P",
                "level_id": cls.env.ref("vstbpn_committee.level_province").id,
            }
        )
        district_a, _district_b = Committee.create(
            [
                {
                    "name": f"Tour District {letter}",
                    "code": f"TOUR-{letter}",
                    "parent_id": province.id,
                    "level_id": cls.env.ref("vstbpn_committee.level_district").id,
                }
                for letter in "AB"
            ]
        )
        Committee.create(
            {
                "name": "Tour Commune A1",
                "code": "TOUR-A1",
                "parent_id": district_a.id,
                "level_id": cls.env.ref("vstbpn_committee.level_commune").id,
            }
        )
        cls.env["vstbpn.committee.member"].create(
            {
                "committee_id": district_a.id,
                "role": "head",
                "partner_id": cls.env["res.partner"].create({"name": "Tour Person"}).id,
            }
        )
        user = mail_new_test_user(
            cls.env,
            login="tour_officer",
            lang="vi_VN",
            groups="base.group_user,vstbpn_committee.group_officer",
        )
        user.vstbpn_committee_ids = district_a

    def test_officer_browses_committees_in_vietnamese(self):
        self.start_tour("/odoo", "vstbpn_committee_tour", login="tour_officer")
