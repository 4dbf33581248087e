from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestDemoCompany(TransactionCase):
    def test_demo_company_is_the_provinces_office(self):
        """The top bar and Odoo's letterheads name the province's office."""
        company = self.env.ref("base.main_company")
        self.assertEqual(
            company.name, "Văn phòng Ban VSTBPN tỉnh Bình Định"
        )
        self.assertEqual(company.partner_id.city, "Quy Nhơn")
        self.assertEqual(company.country_id, self.env.ref("base.vn"))
        self.assertNotIn("YourCompany", company.partner_id.contact_address)
