from datetime import date

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from .document_common import VstbpnDocumentCase


@tagged("post_install", "-at_install")
class TestDocumentIncoming(VstbpnDocumentCase):
    """The book of incoming documents: a committee registers what it receives
    from outside its tree with the issuer's number and date, each gets the
    year's next "số đến", and an answer issued by the committee closes it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Incoming = cls.env["vstbpn.document.incoming"]
        cls.ubnd = cls.env["res.partner"].create(
            {"name": "Ủy ban nhân dân tỉnh P", "is_company": True}
        )

    def _incoming(self, user, committee, received="2017-03-30", **values):
        return self.vi(self.Incoming.with_user(user)).create(
            {
                "committee_id": committee.id,
                "issuer_partner_id": self.ubnd.id,
                "external_reference": "1350/UBND-VX",
                "date": "2017-03-27",
                "date_received": received,
                "subject": "Tổng kết 10 năm thi hành Luật Bình đẳng giới",
                **values,
            }
        )

    def test_each_committee_numbers_its_book_from_one_each_year(self):
        first = self._incoming(self.officer_p, self.province)
        second = self._incoming(self.officer_p, self.province, received="2017-04-02")
        other_unit = self._incoming(self.officer_a, self.district_a)
        next_year = self._incoming(
            self.officer_p, self.province, received="2018-01-03", date="2017-12-29"
        )
        self.assertEqual(
            [first.register_number, second.register_number, next_year.register_number],
            [1, 2, 1],
        )
        self.assertEqual(other_unit.register_number, 1)
        self.assertEqual((first.register_year, next_year.register_year), (2017, 2018))
        self.assertEqual(first.state, "registered")
        self.assertEqual(first.display_name, "01 · 1350/UBND-VX")

    def test_bad_dates_and_numbers_are_refused_in_vietnamese(self):
        with self.assertRaisesText(ValidationError, "không thể được nhận trước"):
            self._incoming(
                self.vi(self.officer_p), self.province, received="2017-03-20"
            )
        incoming = self._incoming(self.officer_p, self.province)
        with self.assertRaisesText(UserError, "sổ năm 2017"):
            self.vi(incoming.with_user(self.officer_p)).date_received = "2018-01-02"
        # the number is the book's, never typed
        with self.assertRaises(UserError):
            incoming.with_user(self.officer_p).write({"register_number": 7})
        with self.assertRaises(UserError):
            incoming.with_user(self.officer_p).write({"state": "answered"})
        incoming.invalidate_recordset()
        self.assertEqual((incoming.register_number, incoming.state), (1, "registered"))

    def test_a_sibling_neither_reads_nor_registers_for_another_unit(self):
        incoming = self._incoming(self.officer_a, self.district_a)
        with self.assertRaises(AccessError):
            incoming.with_user(self.officer_b).read(["subject"])
        with self.assertRaises(AccessError):
            self._incoming(self.officer_b, self.district_a)
        # the province reads its subtree's book
        incoming.with_user(self.officer_p).read(["subject"])
        # a member reads, but registers nothing
        with self.assertRaises(AccessError):
            self._incoming(self.member_a, self.district_a)

    def test_the_answer_is_addressed_to_the_issuer_and_closes_it_once_issued(self):
        incoming = self._incoming(self.officer_p, self.province)
        action = incoming.with_user(self.officer_p).action_answer()
        answer = self.Document.browse(action["res_id"])
        self.assertEqual(answer.reply_to_incoming_id, incoming)
        self.assertEqual(answer.addressee_partner_ids, self.ubnd)
        self.assertEqual(answer.committee_id, self.province)
        self.assertIn("1350/UBND-VX", answer.subject)
        self.assertEqual(incoming.state, "registered")
        answer.with_user(self.officer_p).write(
            {
                "body": "<p>Ban VSTBPN tỉnh báo cáo kết quả tổng kết.</p>",
                "signer_title": "Trưởng ban",
                "signer_name": "Nguyễn Văn A",
            }
        )
        answer.with_user(self.officer_p).action_issue()
        self.assertEqual(incoming.state, "answered")
        self.assertEqual(incoming.answer_document_id, answer)
        self.assertIn(answer.display_name, incoming.message_ids[:1].body)
        # answering again opens the answer rather than drafting another
        again = incoming.with_user(self.officer_p).action_answer()
        self.assertEqual(again["res_id"], answer.id)

    def test_an_answer_cannot_be_pinned_to_another_units_document(self):
        incoming = self._incoming(self.officer_a, self.district_a)
        with self.assertRaises(AccessError):
            self._document(
                user=self.officer_b,
                committee_id=self.district_b.id,
                addressee_committee_ids=[(6, 0, [])],
                addressee_partner_ids=[(6, 0, self.ubnd.ids)],
                reply_to_incoming_id=incoming.id,
            )
        answer = self._document(
            user=self.officer_a,
            committee_id=self.district_a.id,
            addressee_committee_ids=[(6, 0, [])],
            addressee_partner_ids=[(6, 0, self.ubnd.ids)],
            reply_to_incoming_id=incoming.id,
        )
        other = self._incoming(self.officer_a, self.district_a, received="2017-04-01")
        with self.assertRaises(UserError):
            answer.with_user(self.officer_a).write({"reply_to_incoming_id": other.id})

    def test_the_demo_book_of_binh_dinh(self):
        decision = self.env.ref("vstbpn_committee.incoming_bd_515_2016_demo")
        letter = self.env.ref("vstbpn_committee.incoming_bd_ubnd_review_2017_demo")
        self.assertEqual((decision.register_year, decision.register_number), (2016, 1))
        self.assertEqual((letter.register_year, letter.register_number), (2017, 1))
        self.assertEqual(letter.deadline, date(2017, 9, 30))
