import base64
from datetime import date

from odoo.exceptions import UserError
from odoo.tests import tagged

from ...tests.common_operations import VstbpnOperationsCase
from ...tests.reason_wizard_common import ReasonWizardSteps


@tagged("post_install", "-at_install")
class TestReasonWizard(ReasonWizardSteps, VstbpnOperationsCase):
    """One reason wizard for the committee's actions taken with a reason:
    return a work plan, reopen a recommendation or report it done with
    evidence, cancel a document. It calls only the methods a model
    whitelists, as the user, on records the user may reach."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.province.write({"document_symbol": "BVSTBPN", "document_place": "Tỉnh P"})
        cls.work_plan = cls._plan(cls.district_a, user=cls.officer_a)
        cls.work_plan.with_user(cls.officer_a).action_submit()
        cls.recommendation = cls._concluded_recommendation()
        cls.document = cls._issued_document()

    @classmethod
    def _concluded_recommendation(cls):
        plan = cls._inspection_plan(cls.province, cls.district_a, user=cls.officer_p)
        plan.with_user(cls.officer_p).action_confirm()
        visit = plan.inspection_ids.with_user(cls.officer_p)
        visit.action_start()
        visit.finding_ids.write({"assessment": "good"})
        visit.write(
            {
                "conclusion": "<p>Đạt</p>",
                "recommendation_ids": [
                    (0, 0, {"name": "Kiện toàn Ban", "deadline": date(2026, 12, 1)})
                ],
            }
        )
        visit.action_conclude()
        return visit.recommendation_ids.with_env(cls.env)

    @classmethod
    def _issued_document(cls):
        document = (
            cls.env["vstbpn.document"]
            .with_user(cls.officer_p)
            .create(
                {
                    "committee_id": cls.province.id,
                    "document_type_id": cls.env.ref(
                        "vstbpn_committee.document_type_letter"
                    ).id,
                    "date": "2026-03-02",
                    "subject": "kiện toàn Ban",
                    "addressee_committee_ids": [(6, 0, cls.district_a.ids)],
                    "body": "<p>Kiện toàn Ban.</p>",
                    "signer_title": "Trưởng ban",
                    "signer_name": "Nguyễn Văn A",
                }
            )
        )
        document.action_issue()
        return document.with_env(cls.env)

    # each model's action, with its reason, through the wizard

    def test_work_plan_returned_with_the_reason_on_record(self):
        wizard = self._opened(
            self.work_plan, self.manager_p, "action_open_return_wizard"
        )
        self.assertFalse(wizard.explanation)
        wizard.action_confirm()
        plan = self.work_plan
        self.assertEqual(plan.state, "returned")
        self.assertEqual(plan.return_reason, "Thiếu dự toán")
        self.assertEqual(plan.returned_user_id, self.manager_p)
        self.assertEqual(plan.date_returned, self.today())
        self.assertFalse(plan.date_submitted)
        self.assertIn("Thiếu dự toán", self._last_note(plan))
        # submitting again clears the return
        plan.with_user(self.officer_a).action_submit()
        self.assertFalse(plan.return_reason or plan.returned_user_id)

    def test_recommendation_reported_done_with_evidence_then_reopened(self):
        evidence = [(0, 0, {"name": "qd.pdf", "datas": base64.b64encode(b"%PDF")})]
        done = self._opened(
            self.recommendation.with_context(vstbpn_mode="done"),
            self.officer_a,
            "action_open_wizard",
            reason="Đã kiện toàn",
            attachment_ids=evidence,
        )
        self.assertTrue(done.takes_evidence)
        done.action_confirm()
        recommendation = self.recommendation
        self.assertEqual(recommendation.state, "done")
        self.assertEqual(recommendation.done_note, "Đã kiện toàn")
        self.assertEqual(recommendation.attachment_ids.name, "qd.pdf")
        self.assertEqual(recommendation.date_submitted, self.today())
        self.assertTrue(recommendation.with_user(self.officer_p).can_review)
        reopen = self._opened(
            recommendation.with_context(vstbpn_mode="reopen"),
            self.officer_p,
            "action_open_wizard",
            reason="Thiếu quyết định ký",
        )
        self.assertFalse(reopen.takes_evidence)
        reopen.action_confirm()
        self.assertEqual(recommendation.state, "open")
        self.assertEqual(recommendation.return_reason, "Thiếu quyết định ký")
        self.assertEqual(recommendation.returned_user_id, self.officer_p)
        self.assertIn("Thiếu quyết định ký", self._last_note(recommendation))

    def test_document_cancelled_with_the_reason_on_record(self):
        wizard = self._opened(
            self.document, self.officer_p, "action_open_cancel_wizard"
        )
        self.assertIn("keeps its number", wizard.explanation)
        wizard.action_confirm()
        self.assertEqual(self.document.state, "cancelled")
        self.assertEqual(self.document.cancel_reason, "Thiếu dự toán")
        self.assertIn("Thiếu dự toán", self._last_note(self.document))

    # what the wizard refuses

    def test_an_empty_reason_is_refused_in_the_users_language(self):
        cases = (
            (self.work_plan, "action_return", self.manager_p),
            (self.recommendation, "action_report_done", self.officer_a),
            (self.document, "action_cancel", self.officer_p),
        )
        for records, action_name, user in cases:
            with self.subTest(model=records._name):
                self._assert_empty_reason_refused(records, action_name, user)
        self.assertEqual(self.work_plan.state, "submitted")
        self.assertEqual(self.recommendation.state, "open")
        self.assertEqual(self.document.state, "issued")

    def test_a_method_that_is_not_whitelisted_is_refused(self):
        cases = (
            (self.work_plan, "action_approve", self.manager_p),
            (self.work_plan, "unlink", self.manager_p),
            (self.work_plan, "_vstbpn_trusted_write", self.manager_p),
            (self.recommendation, "action_accept", self.officer_p),
            (self.document, "action_issue", self.officer_p),
            (self.province, "unlink", self.officer_p),
        )
        for records, action_name, user in cases:
            with self.subTest(model=records._name, action=action_name):
                self._assert_refused(records, action_name, user)
        self.assertEqual(self.work_plan.state, "submitted")
        self.assertEqual(self.recommendation.state, "open")
        self.assertTrue(self.province.exists())

    def test_a_sibling_unit_cannot_act_on_another_units_record(self):
        cases = (
            (self.work_plan, "action_return"),
            (self.recommendation, "action_report_done"),
            (self.document, "action_cancel"),
        )
        for records, action_name in cases:
            with self.subTest(model=records._name):
                self._assert_refused(records, action_name, self.officer_b)
        self.assertEqual(self.work_plan.state, "submitted")
        self.assertEqual(self.recommendation.state, "open")
        self.assertEqual(self.document.state, "issued")

    def test_the_unit_cannot_return_its_own_work_plan(self):
        self._assert_refused(self.work_plan, "action_return", self.officer_a)
        self.assertEqual(self.work_plan.state, "submitted")

    def test_malformed_records_are_refused(self):
        Wizard = self.env["vstbpn.reason.wizard"].with_user(self.manager_p)
        for res_model, res_ids in (
            ("vstbpn.work.plan", "x"),
            ("vstbpn.work.plan", []),
            ("vstbpn.work.plan", False),
            ("vstbpn.work.plan", [True]),
            ("no.such.model", [1]),
        ):
            with self.subTest(res_model=res_model, res_ids=res_ids):
                wizard = Wizard.create(
                    {
                        "res_model": res_model,
                        "res_ids": res_ids,
                        "action_name": "action_return",
                        "reason": "x",
                    }
                )
                with self.assertRaises(UserError):
                    wizard.action_confirm()

    # who reviews, who edits

    def test_can_review_and_can_edit_for_the_reviewer_and_the_unit(self):
        plan = self._plan(self.district_a, user=self.officer_a, year=self.YEAR + 1)
        self.assertTrue(plan.with_user(self.officer_a).can_edit)
        self.assertFalse(plan.with_user(self.officer_a).can_review)
        self.assertFalse(plan.with_user(self.officer_b).can_edit)
        self.assertTrue(plan.with_user(self.manager_p).can_review)
        self.assertFalse(plan.with_user(self.manager_p).can_edit)
        plan.with_user(self.officer_a).action_submit()
        self.assertFalse(plan.with_user(self.officer_a).can_edit)
        self.assertTrue(plan.with_user(self.manager_p).can_approve)
        plan.with_user(self.manager_p).action_return("Bổ sung")
        self.assertTrue(plan.with_user(self.officer_a).can_edit, "returned: editable")
        # the recommendation: the inspecting side reviews, the unit does not
        recommendation = self.recommendation
        self.assertTrue(recommendation.with_user(self.officer_p).can_review)
        self.assertFalse(recommendation.with_user(self.officer_a).can_review)
        self.assertFalse(recommendation.with_user(self.officer_a).can_edit)
        self.assertFalse(
            recommendation.with_user(self.officer_p).can_edit,
            "the inspection is concluded",
        )
