from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import VstbpnReportingCase


@tagged("post_install", "-at_install")
class TestReportSignoff(VstbpnReportingCase):
    """District A signs its reports before they leave (trình ký): the report
    to its People's Committee is submitted only by the signer's approval,
    numbered in A's series and registered with A's documents sent."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.people_committee = cls.env["res.partner"].create(
            {"name": "Ủy ban nhân dân thành phố Quy Nhơn", "is_company": True}
        )
        cls.district_a.write(
            {
                "document_symbol": "BVSTBPN",
                "organization_partner_id": cls.people_committee.id,
                "signoff_required": True,
            }
        )
        cls.head_user_a = cls._new_user("t_head_a", "officer", cls.district_a)
        cls.head_a = cls._signatory(
            cls.district_a, cls.head_user_a, "Trần Thị Thu Hà", "head"
        )
        cls._open_period_with_reports()
        cls.report_a.send_to_people_committee = True

    def _request(self, report):
        report.with_user(self.officer_a).action_request_signoff(self.head_a.id)
        return report.signoff_id

    def test_a_report_to_the_people_committee_is_signed_numbered_and_registered(self):
        signoff = self._request(self.report_a)
        self.assertEqual(signoff.state, "submitted")
        # the signer's approval submits it, as the signer
        signoff.with_user(self.head_user_a).action_sign()
        self.assertEqual(self.report_a.state, "submitted")
        self.assertEqual(self.report_a.submitted_user_id, self.head_user_a)
        document = self.report_a.register_document_id
        self.assertEqual(document.state, "issued")
        self.assertEqual(
            document.document_type_id,
            self.env.ref("vstbpn_committee.document_type_report"),
        )
        self.assertRegex(document.document_reference, r"^\d+/BC-BVSTBPN$")
        self.assertEqual(self.report_a.document_number, document.document_reference)
        self.assertIn(self.people_committee, document.addressee_partner_ids)
        self.assertEqual(
            (document.signer_title, document.signer_name),
            ("TRƯỞNG BAN", "Trần Thị Thu Hà"),
        )
        # in A's register of documents sent, seen by A's officer
        sent = (
            self.env["vstbpn.document"]
            .with_user(self.officer_a)
            .search(
                [("committee_id", "=", self.district_a.id), ("is_received", "=", False)]
            )
        )
        self.assertIn(document, sent)
        html, _kind = self.env["ir.actions.report"]._render_qweb_html(
            "vstbpn_reporting.vstbpn_report_document_report", self.report_a.ids
        )
        html = html.decode()
        for expected in (
            f"Số: {document.document_reference}",
            "Ủy ban nhân dân thành phố Quy Nhơn",
            "Trần Thị Thu Hà",
        ):
            self.assertIn(expected, html)

    def test_the_next_signed_report_takes_the_next_number(self):
        self._request(self.report_a).with_user(self.head_user_a).action_sign()
        first = self.report_a.register_document_id
        self.report_a.with_user(self.officer_p).action_return("Bổ sung số liệu")
        self._request(self.report_a).with_user(self.head_user_a).action_sign()
        second = self.report_a.register_document_id
        self.assertNotEqual(first, second)
        number = int(first.document_reference.split("/")[0])
        self.assertEqual(second.document_reference, f"{number + 1:02d}/BC-BVSTBPN")

    def test_the_officer_cannot_submit_nor_register_it_alone(self):
        with self.assertRaisesText(AccessError, "ký duyệt"):
            self.vi(self.report_a.with_user(self.officer_a)).action_submit()
        signoff = self._request(self.report_a)
        with self.assertRaises(AccessError):
            signoff.with_user(self.officer_a).action_sign()
        # what ties the report to its registered document is not the officer's
        document = (
            self.env["vstbpn.document"]
            .with_user(self.officer_a)
            .create(
                {
                    "committee_id": self.district_a.id,
                    "document_type_id": self.env.ref(
                        "vstbpn_committee.document_type_report"
                    ).id,
                    "subject": "x",
                    "to_all_units_below": True,
                }
            )
        )
        with self.assertRaises(UserError):
            self.report_a.with_user(self.officer_a).register_document_id = document
        with self.assertRaises(UserError):
            document.with_user(self.officer_a).report_id = self.report_a
        # a sibling's officer neither submits it nor signs for it
        with self.assertRaises(AccessError):
            self.report_a.with_user(self.officer_b).action_request_signoff(
                self.head_a.id
            )
        self.assertEqual(self.report_a.state, "draft")

    def test_a_unit_without_sign_off_submits_as_before(self):
        self.report_b.with_user(self.officer_b).action_submit()
        self.assertEqual(self.report_b.state, "submitted")
        self.assertFalse(self.report_b.register_document_id)
