from odoo import models


class VstbpnCampaignPlan(models.Model):
    """Action Month plans submitted to the organiser only once signed, where
    the committee asks for it (``vstbpn.signoff.mixin``, whose defaults
    submit the plan)."""

    _name = "vstbpn.campaign.plan"
    _inherit = ["vstbpn.signoff.mixin", "vstbpn.campaign.plan"]
