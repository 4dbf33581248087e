from odoo import fields, models

from ...tools import count_by, window_action


class VstbpnCommittee(models.Model):
    """What a committee does during the year: work plans, meetings and
    trainings, inspections of the units below; its smart buttons."""

    _inherit = "vstbpn.committee"

    work_plan_count = fields.Integer(compute="_compute_operation_counts")
    meeting_count = fields.Integer(compute="_compute_operation_counts")
    inspection_count = fields.Integer(compute="_compute_operation_counts")

    def _compute_operation_counts(self):
        plans = count_by(
            self, "vstbpn.work.plan", "committee_id", [("is_current", "=", True)]
        )
        meetings = count_by(self, "calendar.event", "vstbpn_committee_id")
        inspections = count_by(self, "vstbpn.inspection", "committee_id")
        for committee in self:
            committee.work_plan_count = plans.get(committee, 0)
            committee.meeting_count = meetings.get(committee, 0)
            committee.inspection_count = inspections.get(committee, 0)

    def _vstbpn_current_partners(self):
        """The people who are current members of these committees."""
        members = (
            self.env["vstbpn.committee.member"]
            .sudo()
            .search([("committee_id", "in", self.ids), ("is_current", "=", True)])
        )
        return members.partner_id.with_env(self.env)

    # ACTIONS

    def action_open_work_plans(self):
        self.ensure_one()
        return window_action(
            self.env,
            "vstbpn_committee.vstbpn_work_plan_action",
            [("committee_id", "=", self.id)],
            {"default_committee_id": self.id},
        )

    def action_open_meetings(self):
        self.ensure_one()
        return window_action(
            self.env,
            "vstbpn_committee.calendar_event_vstbpn_action",
            [("vstbpn_committee_id", "=", self.id)],
            {"default_vstbpn_committee_id": self.id},
        )

    def action_open_inspections(self):
        self.ensure_one()
        return window_action(
            self.env,
            "vstbpn_committee.vstbpn_inspection_action",
            [
                "|",
                ("committee_id", "=", self.id),
                ("inspecting_committee_id", "=", self.id),
            ],
            {},
        )
