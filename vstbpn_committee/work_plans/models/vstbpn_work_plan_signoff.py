from odoo import models


class VstbpnWorkPlan(models.Model):
    """Work plans submitted to the committee above only once signed, where
    the committee asks for it (``vstbpn.signoff.mixin``, whose defaults
    submit the plan)."""

    _name = "vstbpn.work.plan"
    _inherit = ["vstbpn.signoff.mixin", "vstbpn.work.plan"]
