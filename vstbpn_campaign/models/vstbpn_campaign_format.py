from odoo import fields, models


class VstbpnCampaignFormat(models.Model):
    """A format of Action Month activity, as the directive lists them (launch
    ceremony, conference, workshop, ...): editable data, seeded."""

    _name = "vstbpn.campaign.format"
    _description = "Action Month Activity Format"
    _inherit = ["vstbpn.integrity.mixin"]
    _order = "sequence, id"
    _vstbpn_unique_fields = ("code",)

    sequence = fields.Integer(default=10)
    code = fields.Char(required=True)
    name = fields.Char(required=True, translate=True)
    is_online = fields.Boolean(
        string="Online Communication",
        help="Activities of this format reach people online: their posts, views "
        "and shares are recorded, and people reached online count as participants "
        "when the activity is marked done.",
    )
    color = fields.Integer()
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "Another format already has this code."),
    ]
