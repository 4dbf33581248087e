from unittest.mock import patch

from odoo.exceptions import AccessError, ValidationError
from odoo.tests import tagged

from ...tests.common_operations import VstbpnOperationsCase


@tagged("post_install", "-at_install")
class TestRequestMixin(VstbpnOperationsCase):
    """One request to the units below (``vstbpn.request.mixin``): who is
    asked, the one "below" check, the fan-out, as inspection plans and
    documents use it (periods and campaigns are tested in their addons)."""

    def _inspection_request(self, committee, user=None, **values):
        Plan = self.InspectionPlan.with_user(user) if user else self.InspectionPlan
        return Plan.create({"committee_id": committee.id, "year": self.YEAR, **values})

    def _count_creates(self, model):
        """Patch ``model``'s create to record the size of each call."""
        cls = type(self.env[model])
        original = cls.create
        calls = []

        def counting(records, vals_list):
            calls.append(len(vals_list))
            return original(records, vals_list)

        return patch.object(cls, "create", counting), calls

    def test_each_choice_names_its_units_on_the_demo_tree(self):
        province = self.env.ref("vstbpn_committee.committee_binh_dinh_demo")
        sector = self.env.ref("vstbpn_committee.level_sector")
        below = (
            self.Committee.search(
                [("parent_path", "=like", province.parent_path + "%")]
            )
            - province
        )
        sectors = (
            self.env.ref("vstbpn_committee.committee_syt_binh_dinh_demo")
            | self.env.ref("vstbpn_committee.committee_sgddt_binh_dinh_demo")
            | self.env.ref("vstbpn_committee.committee_ca_binh_dinh_demo")
        )
        expected = {
            "all": below,
            "next": province.child_ids,
            "level": sectors,
            "manual": self.Committee,
        }
        for mode, units in expected.items():
            with self.subTest(mode=mode):
                plan = self.InspectionPlan.new(
                    {
                        "committee_id": province.id,
                        "request_mode": mode,
                        "request_level_id": sector.id,
                    }
                )
                self.assertEqual(plan.request_committee_ids._origin, units)
        self.assertGreater(len(below), len(province.child_ids.child_ids))
        self.assertNotIn(province, below)

    def test_below_check_refuses_self_sibling_and_above(self):
        for target in (self.district_a, self.district_b, self.province):
            with (
                self.subTest(target=target.name),
                self.assertRaisesRegex(ValidationError, "not below District A"),
            ):
                self._inspection_request(
                    self.district_a,
                    request_committee_ids=[(6, 0, target.ids)],
                )
        with self.assertRaises(ValidationError) as refused:
            self._inspection_request(
                self.district_a,
                request_committee_ids=[(6, 0, (self.district_b | self.province).ids)],
            )
        self.assertIn("District B", str(refused.exception))
        self.assertIn("Province P", str(refused.exception), "every bad unit named")
        plan = self._inspection_request(
            self.district_a, request_committee_ids=[(6, 0, self.commune_a1.ids)]
        )
        self.assertEqual(plan.request_committee_ids, self.commune_a1)

    def test_below_check_speaks_vietnamese(self):
        with self.assertRaisesRegex(ValidationError, "không ở cấp dưới"):
            self.vi(self.InspectionPlan).create(
                {
                    "committee_id": self.district_a.id,
                    "year": self.YEAR,
                    "request_committee_ids": [(6, 0, self.district_b.ids)],
                }
            )

    def test_one_level_needs_its_level(self):
        with self.assertRaisesRegex(ValidationError, "choose that level"):
            self._inspection_request(self.province, request_mode="level")

    def test_fan_out_creates_what_is_missing_in_one_create(self):
        plan = self._inspection_request(
            self.province, user=self.officer_p, request_mode="next"
        )
        self.assertEqual(plan.request_committee_ids, self.district_a | self.district_b)
        patcher, calls = self._count_creates("vstbpn.inspection")
        with patcher:
            plan.with_user(self.officer_p).action_add_inspections()
            self.assertEqual(
                plan.inspection_ids.committee_id, self.district_a | self.district_b
            )
            plan.with_user(self.officer_p).action_add_inspections()
            self.assertEqual(len(plan.inspection_ids), 2, "nothing created twice")
            plan.with_user(self.officer_p).write({"request_mode": "all"})
            plan.with_user(self.officer_p).action_add_inspections()
        self.assertEqual(calls, [2, 1], "one create per run, only what is missing")
        self.assertEqual(
            plan.inspection_ids.committee_id,
            self.district_a | self.district_b | self.commune_a1,
        )

    def _queries_of_a_second_fan_out(self, committee, user):
        plan = self._inspection_request(committee, user=user, request_mode="all")
        plan.with_user(user).action_add_inspections()
        self.env.invalidate_all()
        start = self.cr.sql_log_count
        plan.with_user(user)._vstbpn_request_fan_out()
        return self.cr.sql_log_count - start

    def test_fan_out_costs_the_same_for_any_number_of_units(self):
        """One read of the existing children, no search per unit."""
        self.Committee.create(
            [
                {
                    "name": f"District {code}",
                    "code": f"T-{code}",
                    "level_id": self.level_district.id,
                    "parent_id": self.province.id,
                }
                for code in ("X", "Y", "Z")
            ]
        )
        one_unit = self._queries_of_a_second_fan_out(self.district_a, self.officer_a)
        six_units = self._queries_of_a_second_fan_out(self.province, self.officer_p)
        self.assertEqual(six_units, one_unit)

    def test_an_officer_of_another_unit_cannot_fan_out(self):
        plan = self._inspection_request(
            self.province, user=self.officer_p, request_mode="all"
        )
        for officer in (self.officer_a, self.officer_b):
            with self.subTest(officer=officer.login), self.assertRaises(AccessError):
                plan.with_user(officer).action_add_inspections()
        self.assertFalse(plan.inspection_ids)

    def test_inspections_added_by_hand_get_the_same_check(self):
        plan = self._inspection_request(self.district_a, user=self.officer_a)
        with self.assertRaisesRegex(ValidationError, "District B"):
            self.env["vstbpn.inspection"].create(
                {"plan_id": plan.id, "committee_id": self.district_b.id}
            )

    def test_document_sent_to_the_next_level_reaches_only_it(self):
        document = self.env["vstbpn.document"].create(
            {
                "committee_id": self.province.id,
                "document_type_id": self.env.ref(
                    "vstbpn_committee.document_type_letter"
                ).id,
                "subject": "Triển khai",
                "body": "<p>1. Thực hiện.</p>",
                "signer_name": "Nguyễn Văn A",
                "signer_title": "Trưởng ban",
                "addressee_mode": "next",
            }
        )
        self.province.document_symbol = "BVSTBPN"
        self.assertFalse(document.to_all_units_below, "rules read the flag")
        patcher, calls = self._count_creates("vstbpn.document.recipient")
        with patcher:
            document.with_user(self.officer_p).action_issue()
        self.assertEqual(calls, [2])
        self.assertEqual(
            document.recipient_ids.committee_id, self.district_a | self.district_b
        )

    def test_document_flag_and_choice_agree(self):
        Document = self.env["vstbpn.document"]
        values = {
            "committee_id": self.province.id,
            "subject": "Triển khai",
            "to_all_units_below": True,
        }
        self.assertEqual(Document.create(values).addressee_mode, "all")
        with_level = Document.create(
            dict(values, units_below_level_id=self.level_commune.id)
        )
        self.assertEqual(with_level.addressee_mode, "level")
        with_level.addressee_mode = "manual"
        self.assertFalse(with_level.to_all_units_below)
        self.assertFalse(with_level.units_below_level_id)
        with_level.addressee_mode = "all"
        self.assertTrue(with_level.to_all_units_below)
