import io

from docx import Document

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from odoo.addons.vstbpn_committee.tests.docx_common import (
    edited_in_word,
    exported_docx,
    following,
    imported_docx,
    paragraph,
)

from .common import VstbpnReportingCase

RESULTS = "Tổ chức 12 lớp tập huấn cho cán bộ nữ; ưu tiên đồng bào dân tộc thiểu số."


@tagged("post_install", "-at_install")
class TestReportDocx(VstbpnReportingCase):
    """A district writes its narrative in Word: the draft report goes out as
    printed, and what the officer wrote under each section's heading comes
    back into the report's answers; the figures stay those entered on it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls._open_period_with_reports()
        cls.value_meetings = cls._value(cls.report_a, cls.ind_meetings)
        cls.value_meetings.value_number = 5
        answers = cls.report_a.answer_ids.sorted("sequence")
        answers[0].answer = f"<p>{RESULTS}</p>"
        answers[1].answer = "<p>Bổ sung kinh phí.</p>"

    def _answers(self, report):
        return [answer.answer for answer in report.answer_ids.sorted("sequence")]

    def _export(self, report, user):
        return exported_docx(self, report, user)

    def _import(self, report, user, content, name="bao-cao-sua.docx"):
        return imported_docx(self, report, user, content, name)

    def test_the_draft_goes_to_word_as_printed_with_its_vietnamese_letters(self):
        document = Document(io.BytesIO(self._export(self.report_a, self.officer_a)))
        texts = [p.text.strip() for p in document.paragraphs]
        self.assertIn("BÁO CÁO", texts)
        self.assertIn("Semi-annual 2017", texts)
        # the narrative, section by section under its heading
        self.assertEqual(following(document, "1. Results").text, RESULTS)
        self.assertEqual(following(document, "2. Proposals").text, "Bổ sung kinh phí.")
        self.assertLess(texts.index("1. Results"), texts.index("2. Proposals"))
        self.assertTrue(all(run.bold for run in paragraph(document, "1. Results").runs))
        # the header of Decree 30 and the indicator table
        header = document.tables[0].rows[0].cells[1].text
        self.assertIn("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", header)
        self.assertIn("Độc lập - Tự do - Hạnh phúc", header)
        table = self._indicator_table(document)
        # printed in the document's language, Vietnamese
        printed_name = self.ind_meetings.with_context(lang="vi_VN").name
        row = next(r for r in table.rows if r.cells[2].text == printed_name)
        self.assertEqual(row.cells[6].text, "5")
        self.assertIn("Nơi nhận:", document.tables[-1].rows[0].cells[0].text)

    def _indicator_table(self, document):
        indicators = self.report_a.value_ids.indicator_id.with_context(lang="vi_VN")
        names = set(indicators.mapped("name"))
        return next(
            table
            for table in document.tables
            if any(row.cells[2].text in names for row in table.rows[1:])
        )

    def test_the_narrative_edited_in_word_comes_back_but_not_the_figures(self):
        def edit(document):
            following(document, "1. Results").text = "Đã tổ chức 15 lớp tập huấn."
            heading = next(
                p for p in document.paragraphs if p.text.strip().startswith("3. ")
            )
            heading.insert_paragraph_before("Đề nghị tỉnh hỗ trợ tài liệu.")
            table = self._indicator_table(document)
            for row in table.rows:
                if row.cells[2].text == self.ind_meetings.name:
                    row.cells[6].text = "999"

        content = edited_in_word(self._export(self.report_a, self.officer_a), edit)
        self._import(self.report_a, self.officer_a, content)
        results, proposals = self._answers(self.report_a)
        self.assertEqual(results, "<p>Đã tổ chức 15 lớp tập huấn.</p>")
        self.assertIn("<p>Bổ sung kinh phí.</p>", proposals)
        self.assertIn("<p>Đề nghị tỉnh hỗ trợ tài liệu.</p>", proposals)
        # no heading, table nor signature slipped into the answers
        self.assertNotIn("Chỉ tiêu", proposals)
        self.assertNotIn("Nơi nhận", proposals)
        self.assertEqual(self.value_meetings.value_number, 5)
        self.assertIn("bao-cao-sua.docx", self.report_a.message_ids[:1].body)
        self.assertEqual(self.report_a.state, "draft")

    def test_a_file_that_does_not_follow_the_report_is_refused_whole(self):
        before = self._answers(self.report_a)

        def rename(document):
            following(document, "1. Results").text = "Đã sửa."
            paragraph(document, "2. Proposals").text = "2. Kiến nghị khác"

        content = edited_in_word(self._export(self.report_a, self.officer_a), rename)
        with self.assertRaisesText(UserError, "“Proposals”"):
            self._import(self.report_a, self.officer_a, content)
        with self.assertRaisesText(UserError, "không phải là tài liệu Word"):
            self._import(self.report_a, self.officer_a, b"%PDF-1.4 not a word file")
        self.assertEqual(self._answers(self.report_a), before)

    def test_only_the_units_officer_and_only_a_draft(self):
        content = self._export(self.report_a, self.officer_a)
        before = self._answers(self.report_a)
        # a sibling district and the province above may read or review the
        # report, never replace its text
        for user in (self.officer_b, self.officer_p):
            with self.assertRaises(AccessError):
                self._import(self.report_a, user, content)
            with self.assertRaises(AccessError):
                self.report_a.with_user(user).action_open_docx_import()
        self.assertFalse(self.report_a.with_user(self.officer_p).can_edit)
        with self.assertRaises(AccessError):
            self.report_a.with_user(self.officer_b).action_export_docx()
        # once submitted, the report is the one sent: no export, no upload
        self.report_a.with_user(self.officer_a).action_submit()
        with self.assertRaisesText(UserError, "đã được gửi"):
            self._import(self.report_a, self.officer_a, content)
        with self.assertRaisesText(UserError, "đã được gửi"):
            self.vi(self.report_a.with_user(self.officer_a)).action_export_docx()
        self.assertEqual(self._answers(self.report_a), before)
