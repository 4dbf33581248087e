from odoo import models


class VstbpnCampaignPlan(models.Model):
    """Action Month plans submitted to the organiser only once signed, where
    the committee asks for it (``vstbpn.signoff.mixin``)."""

    _name = "vstbpn.campaign.plan"
    _inherit = ["vstbpn.signoff.mixin", "vstbpn.campaign.plan"]

    def _vstbpn_signoff_document_type(self):
        return self.env.ref(self._vstbpn_document_type_xmlid)

    def _vstbpn_check_signable(self):
        self._vstbpn_check_submittable()

    def _vstbpn_take_signed_step(self):
        self.action_submit()
