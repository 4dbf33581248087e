from odoo import fields, models


class VstbpnDocumentTask(models.Model):
    _inherit = "vstbpn.document.task"

    campaign_id = fields.Many2one(
        "vstbpn.campaign",
        string="Action Month",
        index="btree_not_null",
        ondelete="restrict",
        help="For an Action Month plan: the Action Month whose plan fulfils the "
        "task; empty: the unit's next plan approved.",
    )


class VstbpnCampaignPlan(models.Model):
    """An Action Month plan approved fulfils the task asking for it."""

    _name = "vstbpn.campaign.plan"
    _inherit = ["vstbpn.campaign.plan", "vstbpn.task.fulfilment.mixin"]
    _vstbpn_task_kind = "campaign_plan"

    def _vstbpn_on_accept(self):
        result = super()._vstbpn_on_accept()
        self._vstbpn_fulfil_tasks()
        return result

    def _vstbpn_task_date(self):
        return self.date_approved or super()._vstbpn_task_date()

    def _vstbpn_task_line_domain(self):
        return [("task_id.campaign_id", "in", (False, self.campaign_id.id))]
