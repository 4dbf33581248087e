from odoo import fields, models


class VstbpnWorkPlanReturn(models.TransientModel):
    """Asks the approver why the work plans go back to the unit."""

    _name = "vstbpn.work.plan.return"
    _description = "Return a Work Plan"

    plan_ids = fields.Many2many("vstbpn.work.plan", string="Work Plans")
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.plan_ids.action_return(self.reason)
        return {"type": "ir.actions.act_window_close"}
