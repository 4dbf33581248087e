from odoo import fields, models

from ...tools import vn_today, window_action


class VstbpnCommittee(models.Model):
    """The committee's home: the overdue tasks of the documents it issued,
    and the open tasks it received."""

    _inherit = "vstbpn.committee"

    task_overdue_issued_count = fields.Integer(
        string="Overdue Tasks (Issued)", compute="_compute_task_board_counts"
    )
    task_open_received_count = fields.Integer(
        string="Open Tasks (Received)", compute="_compute_task_board_counts"
    )

    def _compute_task_board_counts(self):
        overdue = self._vstbpn_count_lines(
            self._vstbpn_overdue_issued_domain(), "issuer_committee_id"
        )
        received = self._vstbpn_count_lines(
            self._vstbpn_open_received_domain(), "committee_id"
        )
        for committee in self:
            committee.task_overdue_issued_count = overdue.get(committee, 0)
            committee.task_open_received_count = received.get(committee, 0)

    def _vstbpn_count_lines(self, domain, committee_field):
        Line = self.env["vstbpn.document.task.line"]
        return dict(Line._read_group(domain, [committee_field], ["__count"]))

    def _vstbpn_overdue_issued_domain(self):
        return [
            ("issuer_committee_id", "in", self.ids),
            ("state", "=", "open"),
            ("deadline", "<", vn_today(self.env)),
        ]

    def _vstbpn_open_received_domain(self):
        return [("committee_id", "in", self.ids), ("state", "=", "open")]

    def action_open_overdue_issued_tasks(self):
        self.ensure_one()
        return self._vstbpn_open_task_lines(
            self._vstbpn_overdue_issued_domain(),
            self.env._(
                "Overdue tasks of %(committee)s's documents", committee=self.name
            ),
        )

    def action_open_open_received_tasks(self):
        self.ensure_one()
        return self._vstbpn_open_task_lines(
            self._vstbpn_open_received_domain(),
            self.env._("Open tasks of %(committee)s", committee=self.name),
        )

    def _vstbpn_open_task_lines(self, domain, title):
        action = window_action(
            self.env, "vstbpn_committee.vstbpn_document_task_line_action", domain
        )
        action["name"] = title
        return action
