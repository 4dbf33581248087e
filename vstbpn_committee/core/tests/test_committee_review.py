from unittest.mock import patch

from odoo.tests import tagged

from ...tests.common_operations import VstbpnOperationsCase


@tagged("post_install", "-at_install")
class TestCommitteeReview(VstbpnOperationsCase):
    """What the code review of the committee's models mended."""

    def test_new_record_without_committee_has_no_reviewer(self):
        """A form's first onchange computes the review rights of a record
        whose committee is not chosen yet: nobody reviews it, nothing fails."""
        for user in (self.officer_a, self.officer_p, self.manager_p):
            with self.subTest(user=user.login):
                plan = self.Plan.with_user(user).new({})
                self.assertFalse(plan._is_reviewer())

    def test_visits_are_put_in_the_calendars_in_one_create(self):
        """Confirming a plan creates every visit's event in one batch, each
        tied to its own visit and inviting its own unit's officers."""
        Event = self.env.registry["calendar.event"]
        calls = []
        create = Event.create

        def counting_create(records, vals_list):
            if any(vals.get("vstbpn_inspection_id") for vals in vals_list):
                calls.append(len(vals_list))
            return create(records, vals_list)

        plan = self._inspection_plan(
            self.province, self.district_a | self.district_b, user=self.officer_p
        )
        with patch.object(Event, "create", counting_create):
            plan.with_user(self.officer_p).action_confirm()
        self.assertEqual(calls, [2])
        for visit in plan.inspection_ids:
            self.assertEqual(visit.event_id.vstbpn_inspection_id, visit)
            self.assertIn(visit.committee_id.name, visit.event_id.name)
        visit_a = plan.inspection_ids.filtered(
            lambda i: i.committee_id == self.district_a
        )
        self.assertIn(self.officer_a.partner_id, visit_a.event_id.partner_ids)
        self.assertNotIn(self.officer_b.partner_id, visit_a.event_id.partner_ids)

    def test_plan_opens_its_inspections_through_the_menu_action(self):
        plan = self._inspection_plan(
            self.province, self.district_a | self.district_b, user=self.officer_p
        )
        action = plan.with_user(self.officer_p).action_open_inspections()
        self.assertEqual(action["res_model"], "vstbpn.inspection")
        self.assertEqual(action["domain"], [("plan_id", "=", plan.id)])
        self.assertEqual(action["context"], {"default_plan_id": plan.id})
        self.assertEqual(
            self.Inspection.with_user(self.officer_p).search(action["domain"]),
            plan.inspection_ids,
        )
