from datetime import timedelta

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .document_common import printed_lines
from .signoff_common import VstbpnSignoffCase


@tagged("post_install", "-at_install")
class TestSignoff(VstbpnSignoffCase):
    """Trình ký: an officer drafts and submits, a checker may check, the
    signer signs (and the document is numbered and issued, as the signer)
    or returns it with a reason. Nobody else issues."""

    def _draft(self):
        return self._document(
            self.officer_p, signer_name=None, signer_title=None, date=str(self.today())
        )

    def test_a_draft_signed_by_the_head_is_issued_with_the_head_signature(self):
        document = self._draft()
        signoff = self._submitted(document)
        self.assertEqual(signoff.state, "submitted")
        self.assertEqual(document.signoff_state, "submitted")
        self.assertEqual(self._asked(signoff), self.head_user, "the signer is asked")
        # waiting: nobody changes it
        with self.assertRaisesText(UserError, "đang chờ ký"):
            self.vi(document.with_user(self.officer_p)).subject = "khác"
        signoff.with_user(self.head_user).action_sign()
        self.assertEqual(signoff.state, "accepted")
        self.assertTrue(signoff.is_used)
        self.assertEqual(document.state, "issued")
        self.assertEqual(document.issued_user_id, self.head_user)
        self.assertTrue(document.document_number)
        self.assertEqual(
            (document.signer_authority, document.signer_title, document.signer_name),
            ("TM.", "TRƯỞNG BAN", "Trương Thị Mai"),
        )
        lines = printed_lines(self._render(document))
        self.assertIn("TM. BAN VÌ SỰ TIẾN BỘ CỦA PHỤ NỮ TỈNH P", lines)
        self.assertIn("TRƯỞNG BAN", lines)
        self.assertIn("Trương Thị Mai", lines)

    def test_a_deputy_signs_kt_truong_ban(self):
        document = self._draft()
        signoff = self._submitted(document, self.deputy)
        # the head is not the one asked: only the signatory signs
        with self.assertRaisesText(AccessError, "Chỉ"):
            self.vi(signoff.with_user(self.head_user)).action_sign()
        signoff.with_user(self.deputy_user).action_sign()
        self.assertEqual(document.state, "issued")
        lines = printed_lines(self._render(document))
        self.assertIn("KT. TRƯỞNG BAN", lines)
        self.assertIn("PHÓ TRƯỞNG BAN", lines)
        self.assertIn("Lê Văn Hùng", lines)
        self.assertNotIn("Nguyễn Văn A", lines)

    def test_an_officer_cannot_issue_nor_sign(self):
        document = self._draft()
        with self.assertRaisesText(AccessError, "ký duyệt"):
            self.vi(document.with_user(self.officer_p)).action_issue()
        # a manager, an administrator's group below, is refused alike
        with self.assertRaises(AccessError):
            document.with_user(self.manager_p).action_issue()
        signoff = self._submitted(document)
        with self.assertRaises(AccessError):
            signoff.with_user(self.officer_p).action_sign()
        # the signer's approval alone issues: not a write, nor a second call
        with self.assertRaises(UserError):
            signoff.with_user(self.officer_p).write({"state": "accepted"})
        with self.assertRaises(UserError):
            document.with_user(self.officer_p).write({"signoff_id": False})
        self.assertEqual((document.state, signoff.state), ("draft", "submitted"))
        signoff.with_user(self.head_user).action_sign()
        with self.assertRaises(UserError):
            signoff.with_user(self.head_user).action_sign()

    def test_the_signer_returns_with_a_reason_and_the_draft_is_editable_again(self):
        document = self._draft()
        signoff = self._submitted(document)
        with self.assertRaisesText(UserError, "lý do"):
            self.vi(signoff.with_user(self.head_user)).action_return(" ")
        signoff.with_user(self.head_user).action_return("Thiếu số liệu quý III")
        self.assertEqual((signoff.state, document.state), ("returned", "draft"))
        self.assertEqual(signoff.return_reason, "Thiếu số liệu quý III")
        self.assertEqual(self._asked(signoff), self.officer_p)
        document.with_user(self.officer_p).subject = "triển khai, đã bổ sung số liệu"
        again = self._submitted(document)
        self.assertNotEqual(again, signoff)
        again.with_user(self.head_user).action_sign()
        self.assertEqual(document.state, "issued")
        self.assertEqual(document.signoff_count, 2)

    def test_a_checker_checks_before_the_signer(self):
        checker = self._new_user("t_checker_p", "officer", self.province)
        document = self._draft()
        signoff = self._submitted(document, reviewer=checker)
        self.assertEqual(signoff.state, "checking")
        with self.assertRaises(UserError):
            signoff.with_user(self.head_user).action_sign()
        with self.assertRaises(AccessError):
            signoff.with_user(self.officer_p).action_check()
        signoff.with_user(checker).action_check()
        self.assertEqual(
            (signoff.state, signoff.checked_user_id), ("submitted", checker)
        )
        self.assertEqual(self._asked(signoff), self.head_user)
        with self.assertRaises(AccessError):
            signoff.with_user(checker).action_sign()
        signoff.with_user(self.head_user).action_sign()
        self.assertEqual(document.state, "issued")

    def test_the_officer_withdraws_a_waiting_draft(self):
        document = self._draft()
        signoff = self._submitted(document)
        with self.assertRaisesText(UserError, "lý do"):
            self.vi(signoff.with_user(self.officer_p)).action_withdraw("")
        with self.assertRaises(AccessError):
            signoff.with_user(self.officer_b).action_withdraw("không")
        signoff.with_user(self.officer_p).action_withdraw("Sửa nội dung")
        self.assertEqual(signoff.state, "withdrawn")
        document.with_user(self.officer_p).subject = "đã sửa"
        with self.assertRaises(UserError):
            signoff.with_user(self.head_user).action_sign()

    def test_siblings_and_members_stay_out(self):
        document = self._draft()
        signoff = self._submitted(document)
        with self.assertRaises(AccessError):
            signoff.with_user(self.officer_b).read(["name"])
        with self.assertRaises(AccessError):
            self.head.with_user(self.officer_b).read(["title"])
        district_draft = self._document(
            self.officer_a,
            committee_id=self.district_a.id,
            addressee_committee_ids=False,
            to_all_units_below=True,
        )
        # P's signatory signs for P only
        with self.assertRaisesText(UserError, "người ký"):
            self.vi(district_draft.with_user(self.officer_a)).action_request_signoff(
                self.head.id
            )
        with self.assertRaises(AccessError):
            document.with_user(self.officer_b).action_request_signoff(self.head.id)
        # (an AccessError is a UserError)
        with self.assertRaises(UserError):
            self.Signoff.with_user(self.officer_p).create(
                {
                    "committee_id": self.province.id,
                    "res_model": "vstbpn.document",
                    "res_id": document.id,
                    "name": "x",
                    "signatory_id": self.head.id,
                }
            )

    def test_only_administrators_name_signers_and_require_signatures(self):
        member = self.head.member_id
        with self.assertRaisesText(AccessError, "quản trị"):
            self.vi(self.env["vstbpn.signatory"].with_user(self.officer_p)).create(
                {
                    "committee_id": self.province.id,
                    "member_id": member.id,
                    "user_id": self.officer_p.id,
                }
            )
        with self.assertRaises(AccessError):
            self.head.with_user(self.head_user).title = "CHỦ TỊCH"
        with self.assertRaisesText(AccessError, "quản trị"):
            self.vi(self.province.with_user(self.officer_p)).signoff_required = False
        # a signer must be an officer of the committee
        with self.assertRaisesText(Exception, "cán bộ"):
            self.vi(self.env["vstbpn.signatory"]).create(
                {
                    "committee_id": self.province.id,
                    "member_id": member.id,
                    "user_id": self.officer_a.id,
                }
            )

    def test_a_committee_that_does_not_sign_off_issues_as_before(self):
        self.province.signoff_required = False
        document = self._document(self.officer_p)
        document.with_user(self.officer_p).action_issue()
        self.assertEqual(document.state, "issued")
        self.assertEqual(document.signer_name, "Nguyễn Văn A")

    def test_where_sign_off_is_optional_a_draft_without_signer_goes_to_the_head(self):
        self.province.signoff_required = False
        drafted = self.today() - timedelta(days=3)
        document = self._document(
            self.officer_p, signer_name=None, signer_title=None, date=str(drafted)
        )
        with self.assertRaisesText(UserError, "chưa có người ký"):
            self.vi(document.with_user(self.officer_p)).action_issue()
        signoff = self._submitted(document)
        signoff.with_user(self.head_user).action_sign()
        self.assertEqual(document.state, "issued")
        self.assertEqual(
            (document.signer_authority, document.signer_name), ("TM.", "Trương Thị Mai")
        )
        self.assertEqual(document.date, self.today(), "dated the day it is signed")
