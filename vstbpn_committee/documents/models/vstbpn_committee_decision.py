from odoo import models


class VstbpnCommitteeDecision(models.Model):
    """A decision applied consolidates the membership a task asked for."""

    _name = "vstbpn.committee.decision"
    _inherit = ["vstbpn.committee.decision", "vstbpn.task.fulfilment.mixin"]
    _vstbpn_task_kind = "decision"

    def action_apply(self):
        result = super().action_apply()
        self._vstbpn_fulfil_tasks()
        return result

    def _vstbpn_task_date(self):
        return self.date_effective or self.date
