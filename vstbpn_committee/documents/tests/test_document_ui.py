from odoo.tests import HttpCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user


@tagged("post_install", "-at_install")
class TestDocumentUi(HttpCase):
    """In a real browser, in Vietnamese: a provincial officer writes and issues
    an official letter to a district, whose officer acknowledges it; and the
    printed document's address, which only they may open."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env["res.lang"]._activate_lang("vi_VN")
        Committee = cls.env["vstbpn.committee"]
        level = cls.env.ref("vstbpn_committee.level_province")
        cls.province = Committee.create(
            {
                "name": "Tour Doc Province",
                "code": "TOUR-DOC-P",
                "level_id": level.id,
                "document_symbol": "TOUR",
                "document_place": "Tour",
            }
        )
        cls.district_a, cls.district_b = Committee.create(
            [
                {
                    "name": f"Tour Doc District {letter}",
                    "code": f"TOUR-DOC-{letter}",
                    "parent_id": cls.province.id,
                    "level_id": cls.env.ref("vstbpn_committee.level_district").id,
                }
                for letter in "AB"
            ]
        )
        cls.issuer = cls._officer("tour_doc_province", cls.province)
        cls.addressee = cls._officer("tour_doc_district_a", cls.district_a)
        cls.sibling = cls._officer("tour_doc_district_b", cls.district_b)

    @classmethod
    def _officer(cls, login, committee):
        user = mail_new_test_user(
            cls.env,
            login=login,
            lang="vi_VN",
            groups="base.group_user,vstbpn_committee.group_officer",
        )
        user.vstbpn_committee_ids = committee
        return user

    def test_officer_issues_and_the_addressee_acknowledges(self):
        self.start_tour("/odoo", "vstbpn_document_issue_tour", login=self.issuer.login)
        document = self.env["vstbpn.document"].search(
            [("committee_id", "=", self.province.id)]
        )
        self.assertEqual(document.document_reference, "01/TOUR")
        self.assertEqual(document.recipient_ids.committee_id, self.district_a)
        self.start_tour(
            "/odoo", "vstbpn_document_acknowledge_tour", login=self.addressee.login
        )
        self.assertEqual(document.recipient_ids.acknowledged_user_id, self.addressee)

        # the printed document, through the report route
        report = "vstbpn_committee.vstbpn_document_report_document"
        url = f"/report/pdf/{report}/{document.id}"
        self.authenticate(self.addressee.login, self.addressee.login)
        response = self.url_open(url)
        self.assertEqual(response.status_code, 200)
        self.assertIn("01/TOUR", response.text)
        self.authenticate(self.sibling.login, self.sibling.login)
        response = self.url_open(url)
        self.assertEqual(response.status_code, 403)
        self.assertNotIn("01/TOUR", response.text)
