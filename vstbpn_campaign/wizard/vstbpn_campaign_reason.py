from odoo import api, fields, models

PURPOSES = [
    ("return_plan", "Return plans"),
    ("cancel_activity", "Cancel activities"),
]


class VstbpnCampaignReason(models.TransientModel):
    """Asks why a plan is returned or an activity cancelled, then does it."""

    _name = "vstbpn.campaign.reason"
    # what a client sends is checked as on the records (x2many commands, ids)
    _inherit = ["vstbpn.integrity.mixin"]
    _description = "Reason for Returning a Plan or Cancelling an Activity"

    purpose = fields.Selection(PURPOSES, required=True, readonly=True)
    plan_ids = fields.Many2many("vstbpn.campaign.plan", readonly=True)
    campaign_activity_ids = fields.Many2many("vstbpn.campaign.activity", readonly=True)
    reason = fields.Text(required=True)

    @api.model
    def _open(self, purpose, records, title):
        field = "plan_ids" if purpose == "return_plan" else "campaign_activity_ids"
        return {
            "type": "ir.actions.act_window",
            "name": title,
            "res_model": self._name,
            "view_mode": "form",
            "target": "new",
            "context": {
                "default_purpose": purpose,
                f"default_{field}": records.ids,
            },
        }

    def action_confirm(self):
        self.ensure_one()
        if self.purpose == "return_plan":
            self.plan_ids.action_return(self.reason)
        else:
            self.campaign_activity_ids.action_cancel(self.reason)
        return {"type": "ir.actions.act_window_close"}
