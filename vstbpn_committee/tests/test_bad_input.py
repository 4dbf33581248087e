from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged
from odoo.tools import mute_logger

from .common_operations import VstbpnOperationsCase

UNKNOWN_ID = 99_999_999


@tagged("post_install", "-at_install")
class TestX2manyCommands(VstbpnOperationsCase):
    """What a unit's officer could send over JSON-RPC in an x2many field:
    every malformed command or id is refused with a message naming the
    field, never a server error, and nothing of the record changes."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls._plan(cls.district_a, user=cls.officer_a)
        cls.inspection_plan = cls._inspection_plan(
            cls.province, cls.district_a, user=cls.officer_p
        )
        cls.inspection_plan.area_ids = cls.areas
        cls.document = cls.env["vstbpn.document"].create(
            {
                "committee_id": cls.province.id,
                "document_type_id": cls.env.ref(
                    "vstbpn_committee.document_type_letter"
                ).id,
                "date": "2026-03-02",
                "subject": "triển khai công tác năm 2026",
                "addressee_committee_ids": [(6, 0, cls.district_a.ids)],
            }
        )

    def bad_values(self, some_id):
        return [
            some_id,
            "abc",
            [(6, 0, ["abc"])],
            [(4, "x")],
            [(0, 0, "x")],
            [(6, 0, [some_id + 0.5])],
            [(6, 0, [float(some_id)])],
            [(4, UNKNOWN_ID)],
            [(6, 0, [UNKNOWN_ID])],
            [(9, some_id)],
            [()],
            [(4,)],
            [(1, some_id, "x")],
            [(4, True)],
        ]

    def assert_all_refused(self, record, user, field_name, label):
        record = self.vi(record.with_user(user))
        before = record.sudo()[field_name]
        some_id = before[:1].id
        for value in self.bad_values(some_id):
            with self.subTest(field=field_name, value=value):
                with self.assertRaises(ValidationError) as caught:
                    record.write({field_name: value})
                self.assertIn(label, str(caught.exception))
                record.invalidate_recordset()
                self.assertEqual(record.sudo()[field_name], before)

    def test_addressees(self):
        self.assert_all_refused(
            self.document, self.officer_p, "addressee_committee_ids", "Các Ban được gửi"
        )

    def test_tasks(self):
        self.assert_all_refused(self.plan, self.officer_a, "task_ids", "Nhiệm vụ")

    def test_areas_of_an_inspection_plan(self):
        """A float id in a SET once emptied the plan's six areas."""
        self.assertEqual(len(self.inspection_plan.area_ids), len(self.areas))
        self.assert_all_refused(
            self.inspection_plan, self.officer_p, "area_ids", "Nội dung kiểm tra"
        )

    def test_good_commands_still_apply(self):
        plan = self.inspection_plan.with_user(self.officer_p)
        first = self.areas[:1]
        plan.write({"area_ids": [(3, first.id)]})
        self.assertNotIn(first, plan.area_ids)
        plan.write({"area_ids": [(4, first.id), (6, 0, self.areas.ids)]})
        self.assertEqual(plan.area_ids, self.areas)


@tagged("post_install", "-at_install")
class TestValuesInVietnamese(VstbpnOperationsCase):
    """Blank required texts, dates against their container, and what
    PostgreSQL refuses (a check constraint, an empty required field) are
    refused in Vietnamese, naming what is wrong, and nothing is saved."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.plan = cls._plan(cls.district_a, user=cls.officer_a)

    def test_budget_line_with_a_blank_name(self):
        line = self.vi(self.plan.budget_line_ids[:1].with_user(self.officer_a))
        before = line.name
        for blank in ("", "   ", False):
            with self.subTest(name=blank), self.assertRaises(ValidationError) as caught:
                line.write({"name": blank})
            self.assertIn("bắt buộc", str(caught.exception))
            line.invalidate_recordset()
            self.assertEqual(line.name, before)
        Line = self.vi(self.Line.with_user(self.officer_a))
        count = Line.search_count([])
        values = {
            "plan_id": self.plan.id,
            "category_id": self.cat_training.id,
            "quantity": 1,
            "unit_cost": 1000,
        }
        for name in ("", "  ", None):
            vals = dict(values, name=name) if name is not None else values
            with (
                self.subTest(create=name),
                self.assertRaises(ValidationError) as caught,
            ):
                Line.create(vals)
            self.assertIn("bắt buộc", str(caught.exception))
        self.assertEqual(Line.search_count([]), count)

    @mute_logger("odoo.sql_db")  # PostgreSQL refuses, as the test wants
    def test_check_constraint_said_in_vietnamese(self):
        """The plan's year range is a CHECK of PostgreSQL: its message reaches
        the user in Vietnamese, not as a database error."""
        Plan = self.vi(self.Plan.with_user(self.officer_a))
        count = Plan.search_count([])
        with self.assertRaises(ValidationError) as caught:
            Plan.create({"committee_id": self.district_a.id, "year": 1990})
        self.assertIn("phải từ 2000 đến 2100", str(caught.exception))
        self.assertEqual(Plan.search_count([]), count)
        plan = self.vi(self.plan.with_user(self.officer_a))
        with self.assertRaises(ValidationError) as caught:
            plan.write({"year": 3000})
        self.assertIn("phải từ 2000 đến 2100", str(caught.exception))
        plan.invalidate_recordset()
        self.assertEqual(plan.year, self.YEAR)

    def test_unknown_id_said_in_vietnamese(self):
        line = self.vi(self.plan.budget_line_ids[:1].with_user(self.officer_a))
        before = line.category_id
        with self.assertRaises(ValidationError) as caught:
            line.write({"category_id": 99_999_999})
        self.assertIn("không tồn tại", str(caught.exception))
        self.assertEqual(line.category_id, before)

    def test_document_deadline_on_or_after_its_date(self):
        Document = self.vi(self.env["vstbpn.document"].with_user(self.officer_p))
        values = {
            "committee_id": self.province.id,
            "document_type_id": self.env.ref(
                "vstbpn_committee.document_type_letter"
            ).id,
            "date": "2026-03-02",
            "subject": "triển khai công tác năm 2026",
        }
        count = Document.search_count([])
        with self.assertRaises(ValidationError) as caught:
            Document.create(dict(values, deadline="2026-03-01"))
        self.assertIn("hạn thực hiện", str(caught.exception))
        self.assertEqual(Document.search_count([]), count)
        document = Document.create(dict(values, deadline="2026-03-02"))
        with self.assertRaises(ValidationError):
            document.write({"date": "2026-03-05"})
        document.invalidate_recordset()
        self.assertEqual(str(document.date), "2026-03-02")


@tagged("post_install", "-at_install")
class TestReadsThroughTheForm(VstbpnOperationsCase):
    """The form of a new line reads its parent as superuser (related and
    computed fields): a parent, or a line's member, the user may not read
    is refused in onchange and left out of the context's defaults."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.own_plan = cls._plan(cls.district_a, user=cls.officer_a)
        cls.plan_b = cls._plan(cls.district_b, user=cls.officer_b)
        cls.member_b = cls.Member.create(
            {
                "committee_id": cls.district_b.id,
                "partner_id": cls.carol.id,
                "date_start": "2024-01-01",
            }
        )
        cls.spec = {"committee_id": {}, "year": {}, "plan_state": {}}

    def test_onchange_of_a_line_of_a_sibling_plan(self):
        Task = self.Task.with_user(self.officer_a)
        with self.assertRaises(AccessError):
            Task.onchange({"plan_id": self.plan_b.id}, ["plan_id"], self.spec)
        result = Task.onchange({"plan_id": self.own_plan.id}, ["plan_id"], self.spec)
        self.assertEqual(result["value"]["year"], self.YEAR)

    def test_onchange_with_a_sibling_member_in_a_new_line(self):
        lines = [(0, "virtual_1", {"name": "x", "member_id": self.member_b.id})]
        with self.assertRaises(AccessError):
            self.Plan.with_user(self.officer_a).onchange(
                {"committee_id": self.district_a.id, "task_ids": lines},
                ["task_ids"],
                {"task_ids": {"fields": {"user_id": {}, "agency_partner_id": {}}}},
            )

    def test_context_default_of_a_sibling_parent_is_left_out(self):
        Task = self.Task.with_user(self.officer_a)
        defaults = Task.with_context(default_plan_id=self.plan_b.id).default_get(
            ["plan_id", "name"]
        )
        self.assertNotIn("plan_id", defaults)
        own = Task.with_context(default_plan_id=self.own_plan.id).default_get(
            ["plan_id"]
        )
        self.assertEqual(own["plan_id"], self.own_plan.id)


@tagged("post_install", "-at_install")
class TestWizardCommands(VstbpnOperationsCase):
    """The suite's wizards check what a client sends as its records do."""

    def test_malformed_commands_in_wizards(self):
        plan = self._plan(self.district_a, user=self.officer_a)
        target = {
            "res_model": plan._name,
            "res_ids": plan.ids,
            "action_name": "action_return",
        }
        cases = [
            (
                "vstbpn.reason.wizard",
                {**target, "reason": "x", "attachment_ids": [(6, 0, ["abc"])]},
            ),
            (
                "vstbpn.reason.wizard",
                {**target, "reason": "x", "attachment_ids": [(0, 0, "x")]},
            ),
            ("vstbpn.reason.wizard", {**target, "reason": "x", "attachment_ids": 7}),
        ]
        for model, vals in cases:
            Wizard = self.vi(self.env[model].with_user(self.officer_p))
            count = Wizard.search_count([])
            with self.subTest(model=model, vals=vals):
                with self.assertRaises(ValidationError):
                    Wizard.create(vals)
                self.assertEqual(Wizard.search_count([]), count)
