from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .test_document_signature import VstbpnSignatureCase


@tagged("post_install", "-at_install")
class TestDocumentReplacement(VstbpnSignatureCase):
    """A signed document is never changed: a new document replaces it, and
    issuing that one cancels it, with its number kept."""

    def _signed(self):
        self._upload()
        document = self._issued_as_pdf()
        self.assertTrue(document.is_signed)
        return document

    def _replacement(self, document, user=None):
        action = document.with_user(user or self.officer_p).action_replace()
        return self.Document.browse(action["res_id"])

    def test_the_replacement_is_drafted_from_the_signed_document(self):
        signed = self._signed()
        copy = signed.issued_file_id.raw
        draft = self._replacement(signed)
        self.assertEqual(draft.state, "draft")
        self.assertEqual(draft.replaced_document_id, signed)
        self.assertEqual(draft.subject, signed.subject)
        self.assertEqual(draft.body, signed.body)
        self.assertEqual(draft.addressee_committee_ids, self.district_a)
        self.assertFalse(draft.document_number)
        self.assertFalse(draft.is_signed)
        self.assertEqual(signed.state, "issued", "until the new one is issued")
        self.assertEqual(signed.issued_file_id.raw, copy)
        self.assertEqual(self._replacement(signed), draft, "one draft at a time")

    def test_issuing_the_replacement_cancels_the_old_one_with_its_number(self):
        signed = self._signed()
        number = signed.document_reference
        draft = self._replacement(signed)
        draft.with_user(self.officer_p).body = "<p>- Thực hiện, sửa lại.</p>"
        draft.with_user(self.officer_p).action_issue()
        self.assertEqual(draft.state, "issued")
        self.assertNotEqual(draft.document_reference, number)
        self.assertEqual(signed.state, "cancelled")
        self.assertEqual(signed.document_reference, number)
        self.assertIn(draft.display_name, signed.cancel_reason)
        self.assertEqual(signed.replacement_ids, draft)
        self.assertTrue(signed._vstbpn_signature_verdict()["valid"], "kept as sent")

    def test_only_an_issued_document_is_replaced(self):
        draft = self._document(user=self.officer_p)
        with self.assertRaisesText(UserError, "chỉ văn bản đã ban hành"):
            self.vi(draft.with_user(self.officer_p)).action_replace()

    def test_a_sibling_or_a_unit_below_does_not_replace_it(self):
        signed = self._signed()
        for user in (self.officer_a, self.officer_b):
            with self.subTest(user=user.login), self.assertRaises(AccessError):
                signed.with_user(user).action_replace()
        self.assertFalse(signed.replacement_ids)

    def test_nobody_ties_a_draft_to_another_document_by_hand(self):
        signed = self._signed()
        draft = self._document(user=self.officer_p)
        with self.assertRaises(UserError):
            draft.with_user(self.officer_p).write({"replaced_document_id": signed.id})
        with self.assertRaises(UserError):
            self._document(user=self.officer_p, replaced_document_id=signed.id)
        self.assertFalse(signed.replacement_ids)

    def test_a_replacement_of_a_cancelled_document_is_refused(self):
        signed = self._signed()
        draft = self._replacement(signed)
        signed.with_user(self.officer_p).action_cancel("Ban hành nhầm")
        with self.assertRaisesText(UserError, "không còn ở trạng thái ban hành"):
            self.vi(draft.with_user(self.officer_p)).action_issue()
        self.assertEqual(draft.state, "draft")
        self.assertFalse(draft.document_number)
