from odoo.exceptions import AccessError, UserError
from odoo.tests import tagged

from .common import VstbpnReportingCase


@tagged("post_install", "-at_install")
class TestReportNarratives(VstbpnReportingCase):
    """The ten-year review: the districts write their assessment section by
    section; the province gathers them into its own draft, each quoted under
    the district's name, and edits it into its report to the People's
    Committee."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.period = cls._open_period(
            name="Tổng kết 10 năm",
            template_id=cls.env.ref("vstbpn_reporting.template_review_gender_law").id,
            include_requester=True,
        )
        cls.report_p = cls._report(cls.period, cls.province)
        cls.report_a = cls._report(cls.period, cls.district_a)
        cls.report_b = cls._report(cls.period, cls.district_b)

    def _write(self, report, section_name, text, user):
        answer = report.answer_ids.filtered(lambda a: a.section_id.name == section_name)
        answer.with_user(user).answer = f"<p>{text}</p>"
        return answer

    def _answer(self, report, section_name):
        return report.answer_ids.filtered(
            lambda a: a.section_id.name == section_name
        ).answer

    def test_the_units_narratives_are_gathered_under_their_names(self):
        self._write(
            self.report_a, "Lessons learnt", "Phối hợp liên ngành.", self.officer_a
        )
        self._write(
            self.report_b, "Lessons learnt", "Vai trò Hội phụ nữ.", self.officer_b
        )
        self._write(self.report_b, "Proposals", "Bổ sung kinh phí.", self.officer_b)
        self.report_a.with_user(self.officer_a).action_submit()
        self.report_b.with_user(self.officer_b).action_submit()
        # the province has already written its own proposals: kept
        self._write(self.report_p, "Proposals", "Đề xuất của tỉnh.", self.officer_p)

        self.report_p.with_user(self.officer_p).action_gather_narratives()

        lessons = self._answer(self.report_p, "Lessons learnt")
        self.assertIn("<strong>District A:</strong>", lessons)
        self.assertIn("<div><p>Phối hợp liên ngành.</p></div>", lessons)
        self.assertLess(lessons.index("District A"), lessons.index("District B"))
        self.assertEqual(
            self._answer(self.report_p, "Proposals"), "<p>Đề xuất của tỉnh.</p>"
        )
        self.assertFalse(self._answer(self.report_p, "Results by area"))
        self.assertIn("Lessons learnt", self.report_p.message_ids[:1].body)

    def test_a_draft_of_a_unit_is_not_gathered_nor_gathering_done_by_a_unit(self):
        self._write(self.report_a, "Lessons learnt", "Chưa gửi.", self.officer_a)
        with self.assertRaisesText(UserError, "chưa gửi"):
            self.vi(self.report_p.with_user(self.officer_p)).action_gather_narratives()
        self.report_a.with_user(self.officer_a).action_submit()
        # a district cannot write the province's report
        with self.assertRaises(AccessError):
            self.report_p.with_user(self.officer_a).action_gather_narratives()
        self.assertFalse(self._answer(self.report_p, "Lessons learnt"))
