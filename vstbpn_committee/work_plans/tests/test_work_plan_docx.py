import io

from docx import Document

from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from ...tests.common_operations import VstbpnOperationsCase
from ...tests.docx_common import edited_in_word, exported_docx, following, imported_docx

OBJECTIVES = "Nâng cao nhận thức về bình đẳng giới cho cán bộ, đảng viên."
HEADING = "I. MỤC ĐÍCH, YÊU CẦU"


@tagged("post_install", "-at_install")
class TestWorkPlanDocx(VstbpnOperationsCase):
    """A district drafts its work plan in Word: the plan goes out as printed,
    and its objectives (section I, the text the officer writes) come back;
    the tasks and the budget are records, printed but not read back."""

    def setUp(self):
        super().setUp()
        self.plan = self._plan(self.district_a, self.officer_a)
        self.plan.objectives = f"<p>{OBJECTIVES}</p>"

    def _export(self, plan, user):
        return exported_docx(self, plan, user)

    def _import(self, plan, user, content, name="ke-hoach-sua.docx"):
        return imported_docx(self, plan, user, content, name)

    def test_the_draft_plan_goes_to_word_as_printed(self):
        document = Document(io.BytesIO(self._export(self.plan, self.officer_a)))
        texts = [p.text.strip() for p in document.paragraphs]
        self.assertIn("KẾ HOẠCH", texts)
        self.assertEqual(following(document, HEADING).text, OBJECTIVES)
        self.assertIn("II. NHIỆM VỤ", texts)
        cells = {cell.text for table in document.tables for cell in table._cells}
        self.assertIn("Tổ chức Tháng hành động", cells)
        self.assertIn("- Tập huấn", cells)

    def test_the_objectives_edited_in_word_come_back_but_not_the_tasks(self):
        def edit(document):
            following(document, HEADING).text = "Mục đích mới: 100% xã có Ban."
            following(document, HEADING).insert_paragraph_before("Yêu cầu: đúng hạn.")
            for table in document.tables:
                for cell in table._cells:
                    if cell.text == "Tổ chức Tháng hành động":
                        cell.text = "Việc đã đổi"

        content = edited_in_word(self._export(self.plan, self.officer_a), edit)
        self._import(self.plan, self.officer_a, content)
        self.assertEqual(
            self.plan.objectives,
            "<p>Yêu cầu: đúng hạn.</p><p>Mục đích mới: 100% xã có Ban.</p>",
        )
        self.assertEqual(self.plan.task_ids.name, "Tổ chức Tháng hành động")
        self.assertEqual(self.plan.amount_total, 65_000_000)
        self.assertIn("ke-hoach-sua.docx", self.plan.message_ids[:1].body)

    def test_refusals_leave_the_plan_as_it_was(self):
        content = self._export(self.plan, self.officer_a)

        def drop_heading(document):
            heading = next(p for p in document.paragraphs if p.text.strip() == HEADING)
            heading.text = "Mục tiêu"

        with self.assertRaisesText(UserError, HEADING):
            self._import(
                self.plan, self.officer_a, edited_in_word(content, drop_heading)
            )
        with self.assertRaisesText(UserError, "không phải là tài liệu Word"):
            self._import(self.plan, self.officer_a, b"PK\x03\x04 not a word file")
        # a sibling district neither reads nor replaces the plan
        with self.assertRaises(AccessError):
            self._import(self.plan, self.officer_b, content)
        with self.assertRaises(AccessError):
            self.plan.with_user(self.officer_b).action_open_docx_import()
        # submitted, the plan waits for approval as it was sent
        self.plan.with_user(self.officer_a).action_submit()
        self.assertFalse(self.plan.with_user(self.officer_a).can_edit)
        with self.assertRaises(UserError):
            self._import(self.plan, self.officer_a, content)
        with self.assertRaises(UserError):
            self.plan.with_user(self.officer_a).action_export_docx()
        self.assertEqual(self.plan.objectives, f"<p>{OBJECTIVES}</p>")
