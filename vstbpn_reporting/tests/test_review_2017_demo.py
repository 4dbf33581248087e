from datetime import date

from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged

from odoo.addons.vstbpn_committee.documents.tests.document_common import (
    printed_lines,
)

DISTRICTS = ("qn", "an", "hn", "tp")
SECTIONS = (10, 20, 30, 40, 50, 60, 70)


@tagged("post_install", "-at_install")
class TestReview2017Demo(TransactionCase):
    """The demo's ten-year review of the Gender Equality Law (§1 of
    56/BVSTBPN, Bình Định, 2017): the districts' assessments, section by
    section, accepted by the province; the province's draft quoting each of
    them under its name, edited, addressed to the provincial People's
    Committee and signed by the head: numbered, registered and issued."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        ref = cls.env.ref
        # None without demo, or on a database upgraded from an earlier
        # release: the review's reports and steps are made at installation
        # only (an update replays no function); each test then has nothing to
        # read and returns, as the upgrade test counts skips as failures
        cls.report_bd = ref(
            "vstbpn_reporting.report_2017_review_bd_demo", raise_if_not_found=False
        )
        if not cls.report_bd:
            return
        cls.reports = {
            code: ref(f"vstbpn_reporting.report_2017_review_{code}_demo")
            for code in DISTRICTS
        }
        cls.sections = {
            seq: ref(f"vstbpn_reporting.template_review_gender_law_section_{seq}")
            for seq in SECTIONS
        }
        cls.officer_bd = ref("vstbpn_committee.user_bd_officer_demo")
        cls.officer_an = ref("vstbpn_committee.user_an_officer_demo")

    def _answer(self, report, seq):
        return report.answer_ids.filtered(
            lambda answer: answer.section_id == self.sections[seq]
        )

    def test_the_districts_assessed_each_section_and_were_accepted(self):
        if not self.report_bd:
            return
        province = self.env.ref("vstbpn_committee.committee_binh_dinh_demo")
        for code, report in self.reports.items():
            self.assertEqual(report.period_id, self.report_bd.period_id)
            self.assertEqual(report.parent_committee_id, province)
            self.assertEqual(report.state, "accepted", code)
            self.assertEqual(report.date_submitted.year, 2017)
            self.assertEqual(report.accepted_user_id, self.officer_bd)
            for seq in SECTIONS:
                self.assertGreater(
                    len(self._answer(report, seq).answer or ""), 100, (code, seq)
                )
        # Tuy Phước sent its assessment after the deadline of 15 August
        self.assertEqual(self.reports["tp"].date_submitted, date(2017, 8, 22))
        self.assertEqual(self.reports["tp"].submission_status, "late")
        self.assertEqual(self.reports["qn"].submission_status, "on_time")
        # the results quote the districts' own figures of 2017
        self.assertIn("2.080 lượt", self._answer(self.reports["qn"], 10).answer)

    def test_the_province_draft_quotes_each_district_under_its_section(self):
        if not self.report_bd:
            return
        for seq in SECTIONS:
            gathered = str(self._answer(self.report_bd, seq).answer)
            for code, report in self.reports.items():
                text = str(self._answer(report, seq).answer)
                quote = f"<p><strong>{report.committee_id.name}:</strong></p><div>"
                self.assertIn(quote + text, gathered, (code, seq))
                # under its own section, not another's
                other = str(self._answer(report, 70 if seq != 70 else 10).answer)
                self.assertNotIn(other, gathered)
        # the officer's edits, around the quotes
        results = self._answer(self.report_bd, 30).answer
        self.assertTrue(results.startswith("<p>Qua 10 năm thi hành Luật"))
        proposals = self._answer(self.report_bd, 70).answer
        self.assertIn("Ban VSTBPN tỉnh kiến nghị Ủy ban nhân dân tỉnh", proposals)
        self.assertLess(
            proposals.index("thị xã An Nhơn"), proposals.index("Ban VSTBPN tỉnh kiến")
        )

    def test_the_printed_draft_is_addressed_to_the_provincial_peoples_committee(self):
        if not self.report_bd:
            return
        province = self.report_bd.committee_id
        self.assertEqual(
            province.organization_partner_id,
            self.env.ref("vstbpn_committee.partner_ubnd_binh_dinh_demo"),
        )
        self.assertTrue(self.report_bd.send_to_people_committee)
        self.assertFalse(self.report_bd.send_to_committee_above)
        action = self.env.ref("vstbpn_reporting.vstbpn_report_document_report")
        html, _kind = (
            self.env["ir.actions.report"]
            .with_user(self.officer_bd)
            ._render_qweb_html(action.report_name, self.report_bd.ids)
        )
        lines = printed_lines(html.decode())
        addressed = lines.index("Kính gửi:")
        self.assertEqual(lines[addressed + 1], "Ủy ban nhân dân tỉnh Bình Định")
        self.assertIn(self.report_bd.period_id.name, lines)
        self.assertIn("Ban vì sự tiến bộ của phụ nữ thành phố Quy Nhơn:", lines)

    def test_the_head_signed_it_and_it_was_issued_to_ubnd_tinh(self):
        if not self.report_bd:
            return
        head = self.env.ref("vstbpn_committee.user_bd_head_demo")
        signoff = self.report_bd.signoff_id
        self.assertEqual((signoff.state, signoff.accepted_user_id), ("accepted", head))
        self.assertEqual(signoff.submitted_user_id, self.officer_bd)
        self.assertEqual(self.report_bd.state, "submitted")
        self.assertEqual(self.report_bd.date_submitted, date(2017, 8, 30))
        document = self.report_bd.register_document_id
        self.assertEqual((document.state, document.date), ("issued", date(2017, 8, 30)))
        self.assertEqual(self.report_bd.document_number, document.document_reference)
        self.assertRegex(document.document_reference, r"^\d+/BC-BVSTBPN$")
        self.assertEqual(
            document.addressee_partner_ids,
            self.env.ref("vstbpn_committee.partner_ubnd_binh_dinh_demo"),
        )
        # among the documents the province's officer sees sent
        sent = (
            self.env["vstbpn.document"]
            .with_user(self.officer_bd)
            .search(
                [("is_received", "=", False), ("report_id", "=", self.report_bd.id)]
            )
        )
        self.assertEqual(sent, document)
        # the signature printed from the approval, as it was issued
        lines = printed_lines(document.issued_file_id.raw.decode())
        for expected in (
            f"Số: {document.document_reference}",
            "Bình Định, ngày 30 tháng 8 năm 2017",
            "TM. BAN VÌ SỰ TIẾN BỘ CỦA PHỤ NỮ TỈNH BÌNH ĐỊNH",
            "TRƯỞNG BAN",
            "PHÓ CHỦ TỊCH UBND TỈNH",
            "Nguyễn Tuấn Thanh",
        ):
            self.assertIn(expected, lines)

    def test_the_signed_report_is_not_gathered_again(self):
        if not self.report_bd:
            return
        before = {seq: self._answer(self.report_bd, seq).answer for seq in SECTIONS}
        # a district's officer does not gather into the province's report,
        # nor into a sibling district's
        with self.assertRaises(AccessError):
            self.report_bd.with_user(self.officer_an).action_gather_narratives()
        with self.assertRaises(AccessError):
            self.reports["qn"].with_user(self.officer_an).action_gather_narratives()
        # nor does the province's officer, once the head signed it
        with self.assertRaises(UserError):
            self.report_bd.with_user(self.officer_bd).action_gather_narratives()
        after = {seq: self._answer(self.report_bd, seq).answer for seq in SECTIONS}
        self.assertEqual(after, before)
