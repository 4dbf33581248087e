from odoo import fields, models


class VstbpnCampaignTargetGroup(models.Model):
    """Whom an Action Month activity addresses: women, girls, men and boys,
    youth, ... (editable data, seeded)."""

    _name = "vstbpn.campaign.target.group"
    _description = "Action Month Target Group"
    _inherit = ["vstbpn.integrity.mixin"]
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    color = fields.Integer()
    active = fields.Boolean(default=True)
