import io
import logging
from datetime import date, timedelta

from openpyxl import load_workbook

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged

from ...tests.common_operations import VstbpnOperationsCase

_logger = logging.getLogger(__name__)


@tagged("post_install", "-at_install")
class TestWorkPlan(VstbpnOperationsCase):
    """The annual work plan: one per committee and year, draft → submitted →
    approved or returned, read-only once approved, revised by a new version."""

    def test_budget_totals_by_category_and_source(self):
        plan = self._plan(self.district_a, self.officer_a)
        self.assertEqual(plan.amount_total, 65_000_000)
        self.assertEqual(plan.amount_state_budget, 50_000_000)
        self.assertEqual(plan.amount_other_sources, 15_000_000)
        data = plan._vstbpn_budget_data()
        totals = {group["category"]: group["total"] for group in data["categories"]}
        self.assertEqual(
            totals,
            {self.cat_training: 50_000_000, self.cat_communication: 15_000_000},
        )
        self.assertEqual(
            [(s["code"], s["total"]) for s in data["sources"]],
            [("state_budget", 50_000_000), ("contribution", 15_000_000)],
        )

    def test_unit_submits_and_the_manager_above_approves(self):
        plan = self._plan(self.district_a, self.officer_a)
        plan.with_user(self.officer_a).action_submit()
        self.assertEqual(plan.state, "submitted")
        self.assertEqual(plan.submitted_user_id, self.officer_a)
        # an officer above reads it but cannot approve; the unit cannot either
        self.assertFalse(plan.with_user(self.officer_p).can_approve)
        with self.assertRaises(AccessError):
            plan.with_user(self.officer_p).action_approve()
        with self.assertRaises(AccessError):
            plan.with_user(self.manager_a).action_approve()
        self.assertTrue(plan.with_user(self.manager_p).can_approve)
        plan.with_user(self.manager_p).action_approve()
        self.assertEqual(plan.state, "approved")
        self.assertEqual(plan.approved_user_id, self.manager_p)
        self.assertIn(
            "Approved", " ".join(plan.message_ids.mapped("body")), "chatter step"
        )

    def test_top_of_the_tree_is_approved_by_its_own_manager(self):
        plan = self._plan(self.province, self.officer_p)
        plan.with_user(self.officer_p).action_submit()
        with self.assertRaises(AccessError):
            plan.with_user(self.officer_p).action_approve()
        plan.with_user(self.manager_p).action_approve()
        self.assertEqual(plan.state, "approved")

    def test_return_needs_a_reason_and_the_unit_corrects(self):
        plan = self._plan(self.district_a, self.officer_a)
        plan.with_user(self.officer_a).action_submit()
        with self.assertRaises(UserError):
            plan.with_user(self.manager_p).action_return("  ")
        plan.with_user(self.manager_p).action_return("Thiếu dự toán tập huấn")
        self.assertEqual(plan.state, "returned")
        self.assertEqual(plan.return_reason, "Thiếu dự toán tập huấn")
        # the unit corrects its returned plan and submits again
        plan.with_user(self.officer_a).write({"objectives": "<p>Sửa</p>"})
        plan.with_user(self.officer_a).action_submit()
        self.assertEqual(plan.state, "submitted")

    def test_approved_plan_is_read_only(self):
        plan = self._plan(self.district_a, self.officer_a)
        plan.with_user(self.officer_a).action_submit()
        plan.with_user(self.manager_p).action_approve()
        with self.assertRaisesRegex(UserError, "revision"):
            plan.with_user(self.officer_a).write({"objectives": "<p>x</p>"})
        with self.assertRaises(UserError):
            plan.budget_line_ids[0].with_user(self.officer_a).write({"quantity": 3})
        with self.assertRaises(UserError):
            self.Line.with_user(self.officer_a).create(
                {
                    "plan_id": plan.id,
                    "category_id": self.cat_training.id,
                    "name": "Thêm",
                    "unit_cost": 1,
                }
            )
        with self.assertRaises(UserError):
            plan.with_user(self.officer_a).unlink()
        self.assertEqual(plan.amount_total, 65_000_000)
        # carrying it out: the tasks' progress is recorded on the approved plan
        task = plan.task_ids
        task.with_user(self.officer_a).write(
            {"state": "in_progress", "progress_note": "Đã họp"}
        )
        task.with_user(self.officer_a).action_done()
        self.assertEqual(task.date_done, self.today())

    def test_printing_an_approved_plan_issues_it_as_a_document(self):
        self.district_a.document_symbol = "BVSTBPN"
        self.Member.create(
            {
                "committee_id": self.district_a.id,
                "partner_id": self.bob.id,
                "role": "head",
                "date_start": "2020-01-01",
            }
        )
        plan = self._plan(self.district_a, self.officer_a)
        report = self.env["ir.actions.report"]
        # a draft prints with room for the number, and is not issued
        plan.with_user(self.officer_a).action_print()
        self.assertFalse(plan.document_id)
        plan.with_user(self.officer_a).action_submit()
        plan.with_user(self.manager_p).action_approve()
        # the committee above prints it without numbering it in the unit's series
        plan.with_user(self.officer_p).action_print()
        self.assertFalse(plan.document_id)
        action = plan.with_user(self.officer_a).action_print()
        self.assertEqual(
            action["report_name"], "vstbpn_committee.vstbpn_work_plan_document"
        )
        document = plan.document_id
        self.assertEqual(document.document_reference, "01/KH-BVSTBPN")
        self.assertEqual(document.document_type_id.abbreviation, "KH")
        self.assertEqual(document.signer_name, "Bob")
        self.assertIn("Tập huấn", document.body)
        plan.with_user(self.officer_a).action_print()
        self.assertEqual(plan.document_id, document, "issued once")
        html = report._render_qweb_html(
            "vstbpn_committee.vstbpn_work_plan_report", plan.ids
        )[0].decode()
        self.assertIn("01/KH-BVSTBPN", html)
        self.assertIn("50.000.000", html, "VND with Vietnamese separators")

    def test_the_committee_above_reads_but_does_not_edit(self):
        plan = self._plan(self.district_a, self.officer_a)
        plan.with_user(self.officer_p).check_access("read")
        with self.assertRaises(AccessError):
            plan.with_user(self.officer_p).write({"objectives": "<p>x</p>"})
        with self.assertRaises(AccessError):
            plan.task_ids.with_user(self.officer_p).write({"name": "x"})

    def test_siblings_read_nothing(self):
        plan = self._plan(self.district_a, self.officer_a)
        self.assertFalse(self.Plan.with_user(self.officer_b).search([]) & plan)
        with self.assertRaises(AccessError):
            plan.with_user(self.officer_b).read(["name"])
        with self.assertRaises(AccessError):
            plan.budget_line_ids.with_user(self.officer_b).read(["amount"])
        overview = self.env["vstbpn.work.plan.overview"].with_user(self.officer_b)
        self.assertFalse(overview.search([("unit_id", "=", self.district_a.id)]))

    def test_second_plan_for_the_same_year_is_refused(self):
        self._plan(self.district_a, self.officer_a)
        with self.assertRaisesRegex(ValidationError, "already has a work plan"):
            self._plan(self.district_a, self.officer_a)
        self.assertEqual(
            self.Plan.search_count([("committee_id", "=", self.district_a.id)]), 1
        )
        self._plan(self.district_a, self.officer_a, year=self.YEAR + 1)

    def test_negative_and_absurd_figures_are_refused(self):
        plan = self._plan(self.district_a, self.officer_a, lines=[])
        Line = self.Line.with_user(self.officer_a)
        base = {"plan_id": plan.id, "category_id": self.cat_training.id, "name": "x"}
        for bad in (
            {"quantity": -1, "unit_cost": 10},
            {"quantity": 1, "unit_cost": -5},
            {"quantity": 1, "unit_cost": 5e12},
            {"quantity": 5e6, "unit_cost": 1},
            {"quantity": float("nan"), "unit_cost": 1},
        ):
            with self.subTest(values=bad), self.assertRaises(ValidationError):
                Line.create(dict(base, **bad))
        plan.invalidate_recordset()
        self.assertFalse(plan.budget_line_ids)

    def test_task_dates_outside_the_year_are_refused(self):
        plan = self._plan(self.district_a, self.officer_a, tasks=[])
        with self.assertRaises(ValidationError) as caught:
            self.Task.with_user(self.officer_a).create(
                {
                    "plan_id": plan.id,
                    "name": "Sai năm",
                    "date_deadline": date(self.YEAR + 1, 1, 10),
                }
            )
        self.assertIn("outside the plan's year", str(caught.exception))
        plan.invalidate_recordset()
        self.assertFalse(plan.task_ids)

    def test_submitting_without_tasks_is_refused(self):
        plan = self._plan(self.district_a, self.officer_a, tasks=[])
        with self.assertRaisesRegex(UserError, "no tasks"):
            plan.with_user(self.officer_a).action_submit()

    def test_no_moving_a_plan_nor_writing_its_workflow(self):
        plan = self._plan(self.district_a, self.officer_a)
        for vals in (
            {"committee_id": self.district_b.id},
            {"state": "approved"},
            {"version": 5},
            {"amount_total": 1},
            {"is_current": False},
            {"document_id": self.env["vstbpn.document"].search([], limit=1).id},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                plan.with_user(self.officer_a).write(vals)
        with self.assertRaises(UserError):
            self.Plan.with_user(self.officer_a).create(
                {"committee_id": self.district_a.id, "year": 2030, "state": "approved"}
            )
        with self.assertRaises(AccessError):
            self._plan(self.district_b, self.officer_a)

    def test_revision_keeps_the_approved_version(self):
        plan = self._plan(self.district_a, self.officer_a)
        plan.with_user(self.officer_a).action_submit()
        plan.with_user(self.manager_p).action_approve()
        action = plan.with_user(self.officer_a).action_revise()
        revision = self.Plan.browse(action["res_id"])
        self.assertEqual(revision.version, 2)
        self.assertEqual(revision.revision_of_id, plan)
        self.assertEqual(revision.state, "draft")
        self.assertFalse(revision.is_current)
        self.assertTrue(plan.is_current, "the approved version stays in force")
        with self.assertRaisesRegex(UserError, "already has a revision"):
            plan.with_user(self.officer_a).action_revise()
        revision.budget_line_ids[0].with_user(self.officer_a).write({"quantity": 4})
        self.assertEqual(plan.amount_total, 65_000_000, "the approved one unchanged")
        revision.with_user(self.officer_a).action_submit()
        revision.with_user(self.manager_p).action_approve()
        self.assertEqual(plan.state, "superseded")
        self.assertFalse(plan.is_current)
        self.assertTrue(revision.is_current)
        self.assertEqual(revision.amount_total, 115_000_000)
        with self.assertRaises(UserError):
            plan.with_user(self.officer_a).write({"objectives": "<p>x</p>"})

    def test_tasks_with_a_user_get_an_activity_and_reminders(self):
        deadline = self.today() + timedelta(days=7)
        plan = self._plan(
            self.district_a,
            self.officer_a,
            year=deadline.year,
            tasks=[
                {
                    "name": "Có người phụ trách",
                    "user_id": self.officer_a.id,
                    "date_deadline": deadline,
                },
                {"name": "Không có ai", "date_deadline": deadline},
            ],
        )
        plan.with_user(self.officer_a).action_submit()
        plan.with_user(self.manager_p).action_approve()
        with_user = plan.task_ids.filtered("user_id")
        without = plan.task_ids - with_user
        self.assertEqual(with_user.activity_ids.user_id, self.officer_a)
        self.assertFalse(without.activity_ids)
        Task = self.Task
        Task._cron_remind_and_escalate()
        self.assertEqual(len(with_user.activity_ids), 2, "reminder 7 days before")
        self.assertEqual(with_user.last_reminder_date, self.today())
        Task._cron_remind_and_escalate()
        self.assertEqual(len(with_user.activity_ids), 2, "never twice a day")
        with_user.action_done()
        self.assertEqual(with_user.submission_status, "on_time")

    def test_units_plan_states_for_the_committee_above(self):
        plan_a = self._plan(self.district_a, self.officer_a)
        plan_a.with_user(self.officer_a).action_submit()
        Overview = self.env["vstbpn.work.plan.overview"].with_user(self.officer_p)
        rows = Overview.search([("year", "=", self.YEAR)])
        states = {row.unit_id: row.state for row in rows}
        self.assertEqual(states[self.district_a], "submitted")
        self.assertEqual(states[self.district_b], "missing")
        self.assertEqual(states[self.commune_a1], "missing")
        self.assertEqual(states[self.province], "missing")
        self.assertNotIn(self.env.ref("vstbpn_committee.committee_qn_demo"), states)
        # budgets of the subtree by category
        groups = self.Line.with_user(self.officer_p)._read_group(
            [("plan_is_current", "=", True), ("year", "=", self.YEAR)],
            ["category_id"],
            ["amount:sum"],
        )
        self.assertEqual(
            dict(groups),
            {self.cat_training: 50_000_000, self.cat_communication: 15_000_000},
        )


@tagged("post_install", "-at_install")
class TestWorkPlanXlsx(VstbpnOperationsCase):
    def sheet(self, content):
        return load_workbook(io.BytesIO(content)).worksheets[0]

    def test_budget_estimate_for_the_finance_office(self):
        plan = self._plan(self.district_a, self.officer_a)
        content, filename = (
            self.env["vstbpn.work.plan.budget.xlsx"]
            .with_user(self.officer_a)
            ._get_xlsx(plan)
        )
        self.assertTrue(filename.endswith(".xlsx"))
        sheet = self.sheet(content)
        rows = [[cell.value for cell in row] for row in sheet.iter_rows(min_row=6)]
        category_rows = [row for row in rows if row[0] in ("I", "II")]
        self.assertEqual(
            [(row[1], row[5]) for row in category_rows],
            [
                (self.cat_communication.name, 15_000_000),
                (self.cat_training.name, 50_000_000),
            ],
        )
        total_rows = [row for row in rows if row[1] == "Total"]
        self.assertEqual([row[5] for row in total_rows], [65_000_000, 65_000_000])
        amount_cell = next(
            cell
            for row in sheet.iter_rows(min_row=6)
            for cell in row
            if cell.value == 50_000_000
        )
        self.assertEqual(amount_cell.number_format, "#,##0")
        sources = {row[1]: row[5] for row in rows if row[1] and row[5] and not row[0]}
        self.assertEqual(sources["State budget of the level"], 50_000_000)
        self.assertEqual(sources["Voluntary contributions and aid"], 15_000_000)

    def test_budget_estimate_download_respects_access(self):
        plan = self._plan(self.district_a, self.officer_a)
        with self.assertRaises(AccessError):
            self.env["vstbpn.work.plan.budget.xlsx"].with_user(
                self.officer_b
            )._get_xlsx(plan.with_user(self.officer_b))

    def test_subtree_export_lists_every_unit(self):
        self._plan(self.district_a, self.officer_a)
        content, _filename = (
            self.env["vstbpn.work.plan.overview.xlsx"]
            .with_user(self.officer_p)
            ._get_xlsx(self.YEAR)
        )
        sheet = self.sheet(content)
        header = [cell.value for cell in sheet[4]]
        self.assertIn(self.cat_training.name, header)
        names = [row[1].value for row in sheet.iter_rows(min_row=5) if row[1].value]
        self.assertTrue(any("District A" in name for name in names))
        self.assertTrue(any("District B" in name for name in names))
        self.assertFalse(any("Quy Nhơn" in name for name in names))
        total_row = next(
            row for row in sheet.iter_rows(min_row=5) if row[1].value == "Total"
        )
        self.assertEqual(total_row[-1].value, 65_000_000)


@tagged("post_install", "-at_install")
class TestWorkPlanScale(VstbpnOperationsCase):
    """The province's view of its communes' plans reads in the same number of
    queries whatever the number of communes."""

    def _add_units(self, count, prefix):
        units = self.Committee.create(
            [
                {
                    "name": f"Commune {prefix}{index}",
                    "code": f"{prefix}{index}",
                    "level_id": self.level_commune.id,
                    "parent_id": self.district_b.id,
                }
                for index in range(count)
            ]
        )
        # every second unit has a submitted plan
        for unit in units[::2]:
            self._plan(unit).action_submit()
        return units

    def _open_views(self):
        """What the province's screens and export read."""
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        Overview = self.env["vstbpn.work.plan.overview"].with_user(self.officer_p)
        Overview.web_search_read(
            [("year", "=", self.YEAR)],
            {
                "unit_id": {"fields": {"display_name": {}}},
                "parent_unit_id": {"fields": {"display_name": {}}},
                "state": {},
                "amount_total": {},
                "plan_id": {"fields": {}},
            },
            limit=80,
        )
        Overview.web_read_group(
            [("year", "=", self.YEAR)], ["__count"], ["parent_unit_id", "state"]
        )
        self.Line.with_user(self.officer_p).web_read_group(
            [("plan_is_current", "=", True)],
            ["amount:sum"],
            ["committee_id", "category_id"],
        )
        self.env["vstbpn.work.plan.overview.xlsx"].with_user(self.officer_p)._get_xlsx(
            self.YEAR
        )
        return self.cr.sql_log_count - start

    def test_query_count_does_not_grow_with_units(self):
        self._add_units(4, "S")
        self._open_views()  # warm the caches of the first call
        small = self._open_views()
        self._add_units(40, "L")
        large = self._open_views()
        _logger.info(
            "units' plans, 4 then 44 communes: %s then %s queries", small, large
        )
        self.assertLessEqual(large, small + 2, f"{small} then {large} queries")
