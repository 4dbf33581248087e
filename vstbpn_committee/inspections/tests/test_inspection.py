import base64
import logging
from datetime import date, timedelta

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from ...tests.common_operations import VstbpnOperationsCase

_logger = logging.getLogger(__name__)


@tagged("post_install", "-at_install")
class TestInspection(VstbpnOperationsCase):
    """The inspection of lower units: plan, visits, findings per area,
    recommendations followed up by the unit, conclusion."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # a plain member of the province's committee, on the team
        cls.member_p = cls._new_member_user("t_member_p", "Member of P", cls.province)

    def _confirmed(self, units=None, leader=None):
        plan = self._inspection_plan(
            self.province,
            units or (self.district_a | self.district_b),
            user=self.officer_p,
            leader=leader,
        )
        plan.with_user(self.officer_p).action_confirm()
        return plan

    def _assess_all(self, inspection, user=None, assessment="good"):
        inspection.finding_ids.with_user(user or self.officer_p).write(
            {"assessment": assessment}
        )

    def test_confirming_puts_the_visits_in_the_calendars(self):
        plan = self._confirmed()
        self.assertEqual(plan.state, "confirmed")
        visit = plan.inspection_ids.filtered(
            lambda i: i.committee_id == self.district_a
        )
        event = visit.event_id
        self.assertTrue(event)
        self.assertEqual(event.vstbpn_event_type, "inspection_visit")
        self.assertIn(self.officer_p.partner_id, event.partner_ids, "team")
        self.assertIn(self.officer_a.partner_id, event.partner_ids, "unit's officer")
        self.assertNotIn(self.officer_b.partner_id, event.partner_ids)
        # the unit's officer reads the visit though it is the province's event
        event.with_user(self.officer_a).read(["name", "start"])
        visit.with_user(self.officer_p).write(
            {"date_start": date(self.YEAR, 10, 2), "date_end": date(self.YEAR, 10, 3)}
        )
        self.assertEqual(event.start.date(), date(self.YEAR, 10, 2))

    def test_only_committees_below_the_inspector(self):
        # a district's officer cannot even reach its sibling
        with self.assertRaises(AccessError):
            self._inspection_plan(
                self.district_a,
                self.district_b,
                user=self.officer_a,
                leader=self.officer_a,
            )
        # whoever reaches both is told why
        with self.assertRaisesRegex(ValidationError, "not below"):
            self._inspection_plan(self.district_a, self.district_b)
        with self.assertRaisesRegex(ValidationError, "not below"):
            self._inspection_plan(self.province, self.province, user=self.officer_p)
        # two levels down is below too
        plan = self._inspection_plan(
            self.province, self.commune_a1, user=self.officer_p
        )
        self.assertEqual(plan.inspection_ids.committee_id, self.commune_a1)

    def test_visit_dates_outside_the_year_are_refused(self):
        plan = self._inspection_plan(
            self.province, self.district_a, user=self.officer_p
        )
        with self.assertRaises(ValidationError) as caught:
            plan.inspection_ids.with_user(self.officer_p).write(
                {"date_start": date(self.YEAR + 1, 1, 5)}
            )
        self.assertIn("outside the plan's year", str(caught.exception))
        plan.inspection_ids.invalidate_recordset()
        self.assertEqual(plan.inspection_ids.date_start, date(self.YEAR, 9, 10))

    def test_a_committee_is_inspected_once_per_plan(self):
        plan = self._inspection_plan(
            self.province, self.district_a, user=self.officer_p
        )
        with self.assertRaisesRegex(ValidationError, "already in this inspection plan"):
            self.Inspection.with_user(self.officer_p).create(
                {"plan_id": plan.id, "committee_id": self.district_a.id}
            )

    def test_confirmation_needs_a_leader_and_dated_visits(self):
        plan = self.InspectionPlan.with_user(self.officer_p).create(
            {
                "committee_id": self.province.id,
                "year": self.YEAR,
                "inspection_ids": [(0, 0, {"committee_id": self.district_a.id})],
            }
        )
        with self.assertRaisesRegex(UserError, "exactly one leader"):
            plan.with_user(self.officer_p).action_confirm()
        self.assertEqual(plan.state, "draft")

    def test_team_member_records_findings_and_the_leader_concludes(self):
        plan = self._confirmed(leader=self.member_p)
        visit = plan.inspection_ids.filtered(
            lambda i: i.committee_id == self.district_a
        ).with_user(self.member_p)
        self.assertTrue(visit.can_record)
        visit.action_start()
        self.assertEqual(visit.finding_ids.area_id, plan.area_ids)
        finding = visit.finding_ids[0]
        evidence = self.env["ir.attachment"].create(
            {
                "name": "bien-ban.pdf",
                "datas": base64.b64encode(b"%PDF-1.4"),
                "res_model": finding._name,
                "res_id": finding.id,
            }
        )
        finding.with_user(self.member_p).write(
            {
                "assessment": "weak",
                "notes": "<p>Chưa họp định kỳ</p>",
                "attachment_ids": [(4, evidence.id)],
                "programme_id": self.strategy.id,
            }
        )
        with self.assertRaisesRegex(UserError, "no assessment yet"):
            visit.action_conclude()
        (visit.finding_ids - finding).with_user(self.member_p).write(
            {"assessment": "satisfactory"}
        )
        with self.assertRaisesRegex(UserError, "Write the conclusion"):
            visit.action_conclude()
        visit.write(
            {
                "conclusion": "<p>Cần kiện toàn Ban</p>",
                "unit_difficulties": "<p>Thiếu kinh phí</p>",
                "recommendation_ids": [
                    (
                        0,
                        0,
                        {
                            "name": "Kiện toàn Ban và họp định kỳ",
                            "deadline": date.today() + timedelta(days=30),
                            "user_id": self.officer_a.id,
                        },
                    )
                ],
            }
        )
        visit.action_conclude()
        self.assertEqual(visit.state, "concluded")
        # a leader who is not an officer leaves the notice to the officers
        self.assertFalse(visit.document_id)
        issue_type = self.env.ref(
            "vstbpn_committee.mail_activity_type_issue_conclusion"
        )
        self.assertEqual(
            visit.sudo()
            .activity_ids.filtered(lambda a: a.activity_type_id == issue_type)
            .user_id,
            self.officer_p | self.manager_p,
        )
        recommendation = visit.recommendation_ids
        self.assertEqual(recommendation.sudo().activity_ids.user_id, self.officer_a)
        with self.assertRaisesRegex(UserError, "concluded"):
            visit.write({"conclusion": "<p>x</p>"})
        with self.assertRaises(UserError):
            finding.with_user(self.member_p).write({"assessment": "good"})
        with self.assertRaises(UserError):
            self.Inspection.env["vstbpn.inspection.finding"].with_user(
                self.officer_p
            ).create({"inspection_id": visit.id, "area_id": self.areas[0].id})
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "vstbpn_committee.vstbpn_inspection_conclusion_report", visit.ids
            )[0]
            .decode()
        )
        self.assertIn("Cần kiện toàn Ban", html)
        self.assertIn("/TB", html)

    def test_conclusion_is_issued_to_the_unit_as_a_notice(self):
        self.province.document_symbol = "BVSTBPN"
        plan = self._confirmed(units=self.district_a)
        visit = plan.inspection_ids.with_user(self.officer_p)
        visit.action_start()
        self._assess_all(visit)
        visit.write({"conclusion": "<p>Đạt yêu cầu</p>"})
        visit.action_conclude()
        document = visit.document_id
        self.assertEqual(document.document_reference, "01/TB-BVSTBPN")
        self.assertEqual(document.committee_id, self.province)
        self.assertEqual(document.addressee_committee_ids, self.district_a)
        self.assertIn("Đạt yêu cầu", document.body)
        self.assertEqual(visit.state, "followed_up", "nothing left to follow up")
        # the unit receives it; a sibling does not
        document.with_user(self.officer_a).check_access("read")
        with self.assertRaises(AccessError):
            document.with_user(self.officer_b).check_access("read")

    def test_the_unit_reads_about_itself_but_does_not_record(self):
        plan = self._confirmed()
        visit_a = plan.inspection_ids.filtered(
            lambda i: i.committee_id == self.district_a
        )
        visit_a.with_user(self.officer_p).action_start()
        visit_a.with_user(self.officer_a).read(["name", "state"])
        visit_a.finding_ids.with_user(self.officer_a).read(["assessment"])
        self.assertFalse(visit_a.with_user(self.officer_a).can_record)
        with self.assertRaises(AccessError):
            visit_a.finding_ids[0].with_user(self.officer_a).write(
                {"assessment": "good"}
            )
        with self.assertRaises(AccessError):
            visit_a.with_user(self.officer_a).action_start()
        # a sibling sees nothing of it
        with self.assertRaises(AccessError):
            visit_a.with_user(self.officer_b).read(["name"])
        self.assertFalse(
            self.env["vstbpn.inspection.finding"]
            .with_user(self.officer_b)
            .search([("inspection_id", "=", visit_a.id)])
        )
        # a team member not on this plan's team reads nothing below
        self.assertFalse(
            self.Inspection.with_user(self.member_p).search([("plan_id", "=", plan.id)])
        )

    def test_recommendations_followed_up_by_the_unit_and_accepted(self):
        plan = self._confirmed(units=self.district_a)
        visit = plan.inspection_ids.with_user(self.officer_p)
        visit.action_start()
        self._assess_all(visit)
        visit.write(
            {
                "conclusion": "<p>Đạt</p>",
                "recommendation_ids": [
                    (
                        0,
                        0,
                        {
                            "name": "Quá hạn",
                            "deadline": date.today() - timedelta(days=3),
                            "user_id": self.officer_a.id,
                        },
                    ),
                    (
                        0,
                        0,
                        {
                            "name": "Còn hạn",
                            "deadline": date.today() + timedelta(days=10),
                        },
                    ),
                ],
            }
        )
        visit.action_conclude()
        overdue, pending = visit.recommendation_ids.sorted("deadline")
        self.assertTrue(overdue.is_overdue)
        self.assertEqual(visit.overdue_count, 1)
        self.assertFalse(pending.is_overdue)
        # the unit's officer finds them under "to me"
        mine = self.env["vstbpn.inspection.recommendation"].with_user(self.officer_a)
        self.assertEqual(mine.search([("is_own_unit", "=", True)]), overdue | pending)
        self.assertEqual(mine.search([("is_overdue", "=", True)]), overdue)
        # the escalation goes to the inspecting committee
        self.env["vstbpn.inspection.recommendation"]._cron_remind_and_escalate()
        self.assertTrue(overdue.escalation_date)
        self.assertIn(
            self.officer_p,
            overdue.activity_ids.user_id,
            "the inspecting committee is told",
        )
        # the unit reports it done with a note and evidence
        with self.assertRaises(AccessError):
            overdue.with_user(self.officer_b).action_report_done("x")
        with self.assertRaises(UserError):
            overdue.with_user(self.officer_a).action_report_done(" ")
        action = overdue.with_user(self.officer_a).action_open_wizard()
        wizard = (
            self.env[action["res_model"]]
            .with_user(self.officer_a)
            .with_context(**action["context"])
            .create(
                {
                    "reason": "Đã kiện toàn Ban theo Quyết định 12/QĐ-UBND",
                    "attachment_ids": [
                        (
                            0,
                            0,
                            {"name": "qd.pdf", "datas": base64.b64encode(b"%PDF")},
                        )
                    ],
                }
            )
        )
        wizard.action_confirm()
        self.assertEqual(overdue.state, "done")
        self.assertEqual(overdue.attachment_ids.name, "qd.pdf")
        self.assertEqual(overdue.submission_status, "late")
        # the unit cannot accept its own report; the leader reopens, then accepts
        with self.assertRaises(AccessError):
            overdue.with_user(self.officer_a).action_accept()
        overdue.with_user(self.officer_p).action_reopen("Thiếu quyết định ký")
        self.assertEqual(overdue.state, "open")
        overdue.with_user(self.officer_a).action_report_done("Bổ sung quyết định")
        overdue.with_user(self.officer_p).action_accept()
        self.assertEqual(visit.state, "concluded", "one recommendation still open")
        pending.with_user(self.officer_a).action_report_done("Xong")
        pending.with_user(self.officer_p).action_accept()
        self.assertEqual(visit.state, "followed_up")

    def test_no_moving_an_inspection_nor_writing_its_workflow(self):
        plan = self._confirmed()
        visit = plan.inspection_ids[0].with_user(self.officer_p)
        for vals in (
            {"committee_id": self.commune_a1.id},
            {"state": "concluded"},
            {"date_concluded": date.today()},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                visit.write(vals)


@tagged("post_install", "-at_install")
class TestInspectionScale(VstbpnOperationsCase):
    """A national inspection plan opens in the same number of queries for 3
    provinces as for 30."""

    def _open_plan(self, plan):
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        plan.with_user(self.officer_p).web_read(
            {
                "name": {},
                "state": {},
                "inspection_count": {},
                "concluded_count": {},
                "leader_user_id": {"fields": {"display_name": {}}},
                "area_ids": {"fields": {"display_name": {}}},
                "inspection_ids": {
                    "fields": {
                        "committee_id": {"fields": {"display_name": {}}},
                        "date_start": {},
                        "date_end": {},
                        "overdue_count": {},
                        "assessed_count": {},
                        "state": {},
                    }
                },
                "team_ids": {
                    "fields": {
                        "role": {},
                        "partner_id": {"fields": {"display_name": {}}},
                        "user_id": {"fields": {"display_name": {}}},
                    }
                },
            }
        )
        self.env["vstbpn.inspection"].with_user(self.officer_p).web_search_read(
            [("plan_id", "=", plan.id)],
            {
                "committee_id": {"fields": {"display_name": {}}},
                "plan_id": {"fields": {"display_name": {}}},
                "date_start": {},
                "weak_count": {},
                "overdue_count": {},
                "color": {},
                "state": {},
            },
        )
        return self.cr.sql_log_count - start

    def _national_plan(self, count, prefix):
        provinces = self.Committee.create(
            [
                {
                    "name": f"Province {prefix}{index}",
                    "code": f"{prefix}{index}",
                    "level_id": self.level_province.id,
                    "parent_id": self.province.id,
                }
                for index in range(count)
            ]
        )
        plan = self._inspection_plan(self.province, provinces, user=self.officer_p)
        plan.with_user(self.officer_p).action_confirm()
        plan.inspection_ids.with_user(self.officer_p).action_start()
        return plan

    def test_query_count_does_not_grow_with_inspected_units(self):
        small = self._national_plan(3, "NS")
        self._open_plan(small)
        small_count = self._open_plan(small)
        large = self._national_plan(20, "NL")
        large_count = self._open_plan(large)
        _logger.info(
            "inspection plan, 3 then 20 units: %s then %s queries",
            small_count,
            large_count,
        )
        self.assertLessEqual(
            large_count, small_count + 2, f"{small_count} then {large_count} queries"
        )


@tagged("post_install", "-at_install")
class TestRecommendationEvidence(VstbpnOperationsCase):
    """Reporting a recommendation done writes as superuser after its checks:
    it takes only attachments the unit's officer may read, and copies those
    of another record rather than moving them away from it."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.province.write({"document_symbol": "BVSTBPN", "document_place": "Tỉnh P"})
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
        cls.recommendation = visit.recommendation_ids
        cls.directive = cls._issued_directive(cls.district_a)
        cls.sibling_plan = cls._plan(cls.district_b, user=cls.officer_b)
        cls.sibling_file = cls.env["ir.attachment"].create(
            {
                "name": "du-toan-B.pdf",
                "datas": base64.b64encode(b"%PDF"),
                "res_model": "vstbpn.work.plan",
                "res_id": cls.sibling_plan.id,
            }
        )

    @classmethod
    def _issued_directive(cls, addressee):
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
                    "subject": f"kiện toàn Ban {addressee.name}",
                    "addressee_committee_ids": [(6, 0, addressee.ids)],
                    "body": "<p>Kiện toàn Ban.</p>",
                    "signer_title": "Trưởng ban",
                    "signer_name": "Nguyễn Văn A",
                }
            )
        )
        document.action_issue()
        return document

    def test_a_directive_keeps_its_issued_copy(self):
        issued = self.directive.issued_file_id
        self.assertTrue(issued)
        issued.with_user(self.officer_a).check("read")
        self.recommendation.with_user(self.officer_a).action_report_done(
            "Đã kiện toàn", issued
        )
        issued.invalidate_recordset()
        self.assertEqual(
            (issued.res_model, issued.res_id), ("vstbpn.document", self.directive.id)
        )
        issued.with_user(self.officer_a).check("read")
        evidence = self.recommendation.attachment_ids
        self.assertEqual(len(evidence), 1)
        self.assertNotEqual(evidence, issued)
        self.assertEqual(evidence.checksum, issued.checksum)
        self.assertEqual(
            (evidence.res_model, evidence.res_id),
            (self.recommendation._name, self.recommendation.id),
        )

    def test_over_rpc_ids_of_unreadable_attachments_are_refused(self):
        """Ids sent over RPC: a file of a sibling unit's work plan is refused,
        and nothing changes."""
        unreadable = self.sibling_file
        with self.assertRaises(AccessError):
            self.recommendation.with_user(self.officer_a).action_report_done(
                "Đã kiện toàn", unreadable.ids
            )
        for bad in (["x"], [99_999_999]):
            with self.subTest(ids=bad), self.assertRaises(UserError):
                self.recommendation.with_user(self.officer_a).action_report_done(
                    "Đã kiện toàn", bad
                )
        self.assertEqual(self.recommendation.state, "open")
        self.assertFalse(self.recommendation.attachment_ids)
        self.assertEqual(unreadable.res_id, self.sibling_plan.id)
