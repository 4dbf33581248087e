from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .document_common import VstbpnDocumentCase


@tagged("post_install", "-at_install")
class TestDocumentSecurity(VstbpnDocumentCase):
    """Every way a sibling unit's user could reach the documents of district
    B, their acknowledgements and their number series: reading, searching,
    name search, grouping, exporting, printing. None works; the unit's own
    officer and the province above get them."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.commune_b1 = cls.Committee.create(
            {
                "name": "Commune B1",
                "code": "T-B1",
                "level_id": cls.level_commune.id,
                "parent_id": cls.district_b.id,
            }
        )
        cls.document_b = cls.Document.create(
            {
                "committee_id": cls.district_b.id,
                "date": "2026-04-01",
                "subject": "sibling secret",
                "addressee_committee_ids": [(6, 0, cls.commune_b1.ids)],
                "body": "<p>Nội dung</p>",
                "signer_name": "Người ký B",
            }
        )
        cls.document_b.action_issue()
        cls.recipient_b = cls.document_b.recipient_ids
        cls.counter_b = cls.Counter.search([("committee_id", "=", cls.district_b.id)])
        # users who may export at all: what they export is what is checked
        export = cls.env.ref("base.group_allow_export")
        (cls.officer_a | cls.member_a | cls.officer_b).groups_id = [(4, export.id)]

    def records(self):
        """Model and records of district B for each new model."""
        return {
            "vstbpn.document": self.document_b,
            "vstbpn.document.recipient": self.recipient_b,
            "vstbpn.document.counter": self.counter_b,
        }

    def test_the_records_exist(self):
        for name, records in self.records().items():
            with self.subTest(model=name):
                self.assertEqual(len(records), 1)

    def test_sibling_reads_nothing(self):
        for name, records in self.records().items():
            for user in (self.officer_a, self.member_a):
                with self.subTest(model=name, user=user.login):
                    self.assert_hidden(records, user)

    def test_own_unit_and_the_committee_above_read_them(self):
        officer_b = self.officer_b
        for name, records in self.records().items():
            for user in (officer_b, self.officer_p):
                with self.subTest(model=name, user=user.login):
                    Model = self.env[name].with_user(user)
                    self.assertIn(records, Model.search([]))
                    records.with_user(user).read(["display_name"])

    def assert_hidden(self, records, user):
        Model = self.env[records._name].with_user(user)
        with self.assertRaises(AccessError):
            records.with_user(user).read(["display_name"])
        with self.assertRaises(AccessError):
            records.with_user(user).export_data(["display_name"])
        self.assertNotIn(records, Model.search([]))
        self.assertFalse(Model.search([("id", "in", records.ids)]))
        found = [record_id for record_id, _name in Model.name_search("")]
        self.assertNotIn(records.id, found)
        self.assertNotIn(
            records.id,
            [record_id for record_id, _n in Model.name_search(records.display_name)],
        )
        groups = Model.read_group([], ["committee_id"], ["committee_id"])
        self.assertNotIn(
            self.district_b.id,
            [group["committee_id"][0] for group in groups if group["committee_id"]],
        )
        counted = Model._read_group([("id", "in", records.ids)], [], ["__count"])
        self.assertEqual(counted, [(0,)])
        web = Model.web_search_read([("id", "in", records.ids)], {"display_name": {}})
        self.assertEqual(web["length"], 0)

    def test_sibling_cannot_print_the_document(self):
        for user in (self.officer_a, self.member_a):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                self._render(self.document_b, user=user)
        html = self._render(self.document_b, user=self.officer_b)
        self.assertIn("sibling secret", html)
        addressee = self._new_user("t_officer_b1", "officer", self.commune_b1)
        self.assertIn("sibling secret", self._render(self.document_b, user=addressee))

    def test_sibling_cannot_write_acknowledge_cancel_or_create(self):
        with self.assertRaises(AccessError):
            self.document_b.with_user(self.officer_a).action_cancel("Hủy")
        with self.assertRaises(AccessError):
            self.recipient_b.with_user(self.officer_a).action_acknowledge()
        with self.assertRaises(AccessError):
            self.Document.with_user(self.officer_a).create(
                {
                    "committee_id": self.district_b.id,
                    "subject": "in the sibling",
                    "date": "2026-04-02",
                }
            )
        with self.assertRaises(UserError):
            self.counter_b.with_user(self.officer_b).write({"last_number": 0})
        self.assertEqual(self.document_b.state, "issued")
        self.assertFalse(self.recipient_b.date_acknowledged)

    def test_the_issued_copy_stays_with_the_document(self):
        attachment = self.document_b.issued_file_id
        self.assertTrue(attachment)
        with self.assertRaises(AccessError):
            attachment.with_user(self.officer_a).read(["raw"])
        attachment.with_user(self.officer_b).read(["raw"])

    def test_document_types_are_read_by_everyone_and_managed_by_admins(self):
        Type = self.env["vstbpn.document.type"]
        for user in (self.officer_a, self.member_a):
            self.assertIn(self.type_plan, Type.with_user(user).search([]))
            with self.assertRaises(AccessError):
                self.type_plan.with_user(user).write({"abbreviation": "XX"})
        self.assertEqual(self.type_plan.abbreviation, "KH")
