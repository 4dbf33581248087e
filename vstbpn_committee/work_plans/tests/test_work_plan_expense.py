import io
from datetime import date

from openpyxl import load_workbook

from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import HttpCase, tagged

from ...tests.common_operations import VstbpnOperationsCase


@tagged("post_install", "-at_install")
class TestWorkPlanExpense(VstbpnOperationsCase):
    """Spending recorded against an approved plan's estimate, by category and
    funding source; what the plan spent, what remains; the refusals an
    officer meets; who sees whose spending; the year's settlement."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Expense = cls.env["vstbpn.work.plan.expense"]
        cls.cat_conference = cls.env.ref("vstbpn_committee.budget_category_conference")
        # district A's plan: training 50,000,000 (state budget), communication
        # 15,000,000 (contributions)
        cls.plan = cls._plan(cls.district_a, cls.officer_a)
        cls.plan.with_user(cls.officer_a).action_submit()
        cls.plan.with_user(cls.manager_p).action_approve()

    def spend(self, amount, category=None, user=None, plan=None, **values):
        return self.Expense.with_user(user or self.officer_a).create(
            {
                "plan_id": (plan or self.plan).id,
                "category_id": (category or self.cat_training).id,
                "name": "Tập huấn",
                "date": date(self.YEAR, 6, 15),
                "amount": amount,
                **values,
            }
        )

    # spending and the plan's figures

    def test_spent_remaining_and_share_by_category(self):
        self.spend(30_000_000, task_id=self.plan.task_ids.id)
        self.spend(5_000_000, self.cat_communication, funding_source="contribution")
        plan = self.plan.with_user(self.officer_a)
        self.assertEqual(plan.amount_spent, 35_000_000)
        self.assertEqual(plan.amount_remaining, 30_000_000)
        self.assertEqual(plan.spent_share, 53.8)
        rows = {
            row["category"]: row for row in plan._vstbpn_spending_by_category()[plan]
        }
        self.assertEqual(
            (rows[self.cat_training]["estimate"], rows[self.cat_training]["spent"]),
            (50_000_000, 30_000_000),
        )
        self.assertEqual(rows[self.cat_training]["remaining"], 20_000_000)
        self.assertEqual(rows[self.cat_training]["share"], 60.0)
        self.assertEqual(rows[self.cat_communication]["share"], 33.3)
        # the form's table (a database view) says the same, per source
        table = {
            (row.category_id, row.funding_source): (
                row.amount_estimate,
                row.amount_spent,
                row.amount_remaining,
                row.spent_share,
            )
            for row in plan.spending_ids
        }
        self.assertEqual(
            table,
            {
                (self.cat_training, "state_budget"): (
                    50_000_000,
                    30_000_000,
                    20_000_000,
                    60.0,
                ),
                (self.cat_communication, "contribution"): (
                    15_000_000,
                    5_000_000,
                    10_000_000,
                    33.3,
                ),
            },
        )

    def test_by_category_summary_does_not_grow_with_the_plans(self):
        """One grouped read of the estimates and one of the spending, for
        two plans or for six with many more lines."""
        small = self.plan | self._plan(self.district_a, year=self.YEAR + 1)
        large = small
        for offset in range(2, 6):
            lines = [
                {
                    "category_id": self.cat_training.id,
                    "name": f"Lớp {index}",
                    "unit_cost": 1_000_000,
                }
                for index in range(10)
            ]
            large |= self._plan(self.district_a, year=self.YEAR + offset, lines=lines)
        for _index in range(5):
            self.spend(1_000_000)

        def queries(plans):
            self.env.flush_all()
            self.env.invalidate_all()
            plans = plans.with_user(self.officer_a)
            before = self.env.cr.sql_log_count
            summary = plans._vstbpn_spending_by_category()
            return self.env.cr.sql_log_count - before, summary

        queries(small)  # the first call also reads the record rules
        small_count, _summary = queries(small)
        large_count, summary = queries(large)
        self.assertEqual(large_count, small_count)
        self.assertEqual(len(summary), 6)
        training = next(
            row for row in summary[self.plan] if row["category"] == self.cat_training
        )
        self.assertEqual(training["spent"], 5_000_000)
        self.assertEqual(sum(row["estimate"] for row in summary[large[-1]]), 10_000_000)

    # refusals (in Vietnamese, as the unit's officer sees them)

    def test_amount_must_be_positive(self):
        for amount in (0, -1_000):
            with (
                self.subTest(amount=amount),
                self.refused(ValidationError, "số tiền phải lớn hơn 0"),
            ):
                self.vi(self.Expense.with_user(self.officer_a)).create(
                    {
                        "plan_id": self.plan.id,
                        "category_id": self.cat_training.id,
                        "name": "Tập huấn",
                        "date": date(self.YEAR, 6, 15),
                        "amount": amount,
                    }
                )
        expense = self.spend(1_000_000)
        with self.refused(ValidationError, "số tiền phải lớn hơn 0"):
            self.vi(expense).write({"amount": -5})

    def test_plan_must_be_approved(self):
        draft = self._plan(self.district_a, self.officer_a, year=self.YEAR + 1)
        with self.refused(
            ValidationError, "chỉ ghi chi theo kế hoạch đã được phê duyệt"
        ):
            self.vi(self.Expense.with_user(self.officer_a)).create(
                {
                    "plan_id": draft.id,
                    "category_id": self.cat_training.id,
                    "name": "Tập huấn",
                    "date": date(self.YEAR + 1, 3, 1),
                    "amount": 1_000_000,
                }
            )

    def test_category_without_estimate_needs_a_reason(self):
        Expense = self.vi(self.Expense.with_user(self.officer_a))
        values = {
            "plan_id": self.plan.id,
            "category_id": self.cat_conference.id,
            "name": "Hội nghị",
            "date": date(self.YEAR, 7, 1),
            "amount": 2_000_000,
        }
        with self.refused(ValidationError, "chưa có dự toán cho"):
            Expense.create(values)
        with self.refused(ValidationError, "nêu lý do"):
            Expense.create(dict(values, is_over_estimate=True))
        expense = Expense.create(
            dict(
                values,
                is_over_estimate=True,
                over_estimate_reason="Hội nghị sơ kết do tỉnh yêu cầu đột xuất",
            )
        )
        self.assertEqual(expense.committee_id, self.district_a)

    def test_spending_beyond_the_estimate_needs_a_reason(self):
        self.spend(45_000_000)
        with self.refused(ValidationError, "vượt dự toán"):
            self.vi(self.Expense.with_user(self.officer_a)).create(
                {
                    "plan_id": self.plan.id,
                    "category_id": self.cat_training.id,
                    "name": "Lớp thứ ba",
                    "date": date(self.YEAR, 9, 1),
                    "amount": 6_000_000,
                }
            )
        self.spend(
            6_000_000,
            is_over_estimate=True,
            over_estimate_reason="Thêm lớp theo đề nghị của xã",
        )
        self.assertEqual(self.plan.amount_remaining, 65_000_000 - 51_000_000)

    def test_date_must_be_in_the_plan_year(self):
        with self.refused(ValidationError, "ngoài năm"):
            self.vi(self.Expense.with_user(self.officer_a)).create(
                {
                    "plan_id": self.plan.id,
                    "category_id": self.cat_training.id,
                    "name": "Tập huấn",
                    "date": date(self.YEAR + 1, 1, 5),
                    "amount": 1_000_000,
                }
            )

    def test_plan_and_committee_never_move(self):
        expense = self.spend(1_000_000)
        other = self._plan(self.district_a, year=self.YEAR + 1)
        other._vstbpn_trusted_write({"state": "approved"})
        for vals in (
            {"plan_id": other.id},
            {"committee_id": self.district_b.id},
            {"year": self.YEAR + 1},
        ):
            with self.subTest(vals=vals), self.assertRaises(UserError):
                expense.with_user(self.officer_a).write(vals)
        self.assertEqual(expense.plan_id, self.plan)
        self.assertEqual(expense.committee_id, self.district_a)

    # who sees whose spending

    def test_sibling_unit_neither_reads_nor_writes(self):
        expense = self.spend(1_000_000)
        self.assertFalse(
            self.Expense.with_user(self.officer_b).search([("id", "=", expense.id)])
        )
        with self.assertRaises(AccessError):
            expense.with_user(self.officer_b).read(["amount"])
        with self.assertRaises(AccessError):
            expense.with_user(self.officer_b).write({"amount": 2_000_000})
        with self.assertRaises(AccessError):
            self.spend(1_000_000, user=self.officer_b)
        Spending = self.env["vstbpn.work.plan.spending"]
        self.assertFalse(
            Spending.with_user(self.officer_b).search([("plan_id", "=", self.plan.id)])
        )

    def test_province_reads_its_units_spending(self):
        expense = self.spend(1_000_000)
        self.assertEqual(
            self.Expense.with_user(self.officer_p).search(
                [("committee_id", "child_of", self.province.id)]
            ),
            expense,
        )
        rows = (
            self.env["vstbpn.work.plan.spending"]
            .with_user(self.officer_p)
            .search([("unit_id", "=", self.district_a.id)])
        )
        self.assertEqual(sum(rows.mapped("amount_spent")), 1_000_000)
        # the committee above follows, the unit records
        with self.assertRaises(AccessError):
            expense.with_user(self.officer_p).write({"amount": 2_000_000})
        # a member of the unit reads it
        self.assertTrue(
            self.Expense.with_user(self.member_a).search([("id", "=", expense.id)])
        )

    # revision and settlement

    def test_an_approved_revision_takes_the_spending_over(self):
        expense = self.spend(10_000_000, task_id=self.plan.task_ids.id)
        action = self.plan.with_user(self.officer_a).action_revise()
        revision = self.Plan.browse(action["res_id"])
        # until the revision is approved, the spending stays with the plan in force
        self.assertEqual(expense.plan_id, self.plan)
        revision.with_user(self.officer_a).action_submit()
        revision.with_user(self.manager_p).action_approve()
        self.assertEqual(self.plan.state, "superseded")
        self.assertEqual(expense.plan_id, revision)
        self.assertEqual(expense.task_id, revision.task_ids)
        self.assertEqual(revision.amount_spent, 10_000_000)
        self.assertEqual(self.plan.amount_spent, 0)

    def test_settlement_locks_the_year_spending(self):
        expense = self.spend(10_000_000)
        with self.assertRaises(AccessError):
            self.plan.with_user(self.officer_b).action_settle()
        plan = self.plan.with_user(self.officer_a)
        plan.write({"settlement_note": "Chuyển kinh phí còn lại sang năm sau."})
        plan.action_settle()
        self.assertEqual(plan.date_settled, self.today())
        self.assertEqual(plan.settled_user_id, self.officer_a)
        with self.refused(UserError, "quyết toán"):
            self.vi(expense.with_user(self.officer_a)).write({"amount": 1})
        with self.refused(UserError, "quyết toán"):
            self.vi(self.Expense.with_user(self.officer_a)).create(
                {
                    "plan_id": self.plan.id,
                    "category_id": self.cat_training.id,
                    "name": "Tập huấn",
                    "date": date(self.YEAR, 12, 30),
                    "amount": 1_000,
                }
            )
        with self.assertRaises(UserError):
            expense.with_user(self.officer_a).unlink()
        with self.assertRaises(UserError):
            plan.write({"settlement_note": "Sửa"})
        with self.assertRaises(UserError):
            plan.action_revise()

    # the settlement, printed and exported

    def settled_plan(self):
        self.spend(
            52_000_000,
            is_over_estimate=True,
            over_estimate_reason="Thêm một lớp theo đề nghị của xã",
        )
        self.spend(4_000_000, self.cat_communication, funding_source="contribution")
        self.plan.with_user(self.officer_a).write(
            {"settlement_note": "Kinh phí truyền thông còn lại chuyển sang năm sau."}
        )
        return self.plan

    def test_settlement_report_renders_in_vietnamese(self):
        plan = self.settled_plan()
        html = (
            self.env["ir.actions.report"]
            ._render_qweb_html(
                "vstbpn_committee.vstbpn_work_plan_settlement_report", plan.ids
            )[0]
            .decode()
        )
        for text in (
            "BÁO CÁO",
            "Quyết toán kinh phí năm 2026",
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "50.000.000",  # training estimate
            "52.000.000",  # training spent
            "-2.000.000",  # beyond the estimate
            "104",  # share used
            "11.000.000",  # communication remaining
            "Thêm một lớp theo đề nghị của xã",
            "Kinh phí truyền thông còn lại chuyển sang năm sau.",
            "Nguồn kinh phí",
        ):
            self.assertIn(text, html)

    def test_settlement_xlsx_figures(self):
        plan = self.settled_plan()
        content, filename = (
            self.env["vstbpn.work.plan.settlement.xlsx"]
            .with_user(self.officer_p)
            ._get_xlsx(plan.with_user(self.officer_p))
        )
        self.assertEqual(filename, "quyet-toan-kinh-phi-T-P-A-2026.xlsx")
        sheet = load_workbook(io.BytesIO(content)).active
        rows = [row for row in sheet.iter_rows(values_only=True) if row[1]]
        by_label = {row[1]: row for row in rows}
        self.assertEqual(
            by_label[self.cat_training.name][2:5], (50_000_000, 52_000_000, -2_000_000)
        )
        self.assertEqual(
            by_label[self.cat_communication.name][2:5],
            (15_000_000, 4_000_000, 11_000_000),
        )
        self.assertEqual(by_label["Total"][2:5], (65_000_000, 56_000_000, 9_000_000))
        with self.assertRaises(AccessError):
            self.env["vstbpn.work.plan.settlement.xlsx"].with_user(
                self.officer_b
            )._get_xlsx(plan.with_user(self.officer_b))


@tagged("post_install", "-at_install")
class TestSettlementDownload(HttpCase):
    """The settlement of the demo's Bình Định 2017 plan downloads as XLSX
    with the figures the spending gives."""

    def test_download(self):
        plan = self.env.ref("vstbpn_committee.work_plan_bd_2017_demo")
        # the demo's spending and settlement are made at installation: a
        # database upgraded from an earlier release downloads an empty one
        installed_with_spending = bool(plan.expense_ids)
        self.assertEqual(bool(plan.date_settled), installed_with_spending)
        self.authenticate("admin", "admin")
        response = self.url_open(
            f"/vstbpn_committee/work_plan/{plan.id}/settlement.xlsx"
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn("quyet-toan-kinh-phi", response.headers["Content-Disposition"])
        sheet = load_workbook(io.BytesIO(response.content)).active
        totals = [row for row in sheet.iter_rows(values_only=True) if row[0] is None]
        spent = sum(plan.expense_ids.mapped("amount"))
        self.assertTrue(
            any(row[2:4] == (plan.amount_total, spent) for row in totals), totals
        )
