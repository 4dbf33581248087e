from odoo import fields, models


class VstbpnWorkPlanReturn(models.TransientModel):
    """Asks the approver why the work plans go back to the unit."""

    _name = "vstbpn.work.plan.return"
    # what a client sends is checked as on the records (x2many commands, ids)
    _inherit = ["vstbpn.integrity.mixin"]
    _description = "Return a Work Plan"

    plan_ids = fields.Many2many("vstbpn.work.plan", string="Work Plans")
    reason = fields.Text(required=True)

    def action_confirm(self):
        self.plan_ids.action_return(self.reason)
        return {"type": "ir.actions.act_window_close"}
