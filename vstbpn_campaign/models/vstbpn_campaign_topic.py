from odoo import fields, models


class VstbpnCampaignTopic(models.Model):
    """What an Action Month activity is about: gender equality, prevention of
    gender-based violence, ... (editable data, seeded)."""

    _name = "vstbpn.campaign.topic"
    _description = "Action Month Topic"
    _inherit = ["vstbpn.integrity.mixin"]
    _order = "sequence, id"

    sequence = fields.Integer(default=10)
    name = fields.Char(required=True, translate=True)
    color = fields.Integer()
    active = fields.Boolean(default=True)
