from odoo import api, fields, models
from odoo.exceptions import ValidationError

from odoo.addons.vstbpn_reporting.models.vstbpn_indicator import MAX_FIGURE

PARTNER_ROLES = [
    ("member_agency", "Member Agency"),
    ("organisation", "Organisation"),
    ("enterprise", "Enterprise"),
    ("individual", "Individual"),
]


class VstbpnCampaignActivityPartner(models.Model):
    """A partner of an activity, its role, and what it gave: cash in VND and
    in-kind support with its estimated value.

    Partners are shared contacts; what they gave to a unit's activity belongs
    to that unit, like the activity itself.
    """

    _name = "vstbpn.campaign.activity.partner"
    _description = "Action Month Partner and Resources"
    _inherit = ["vstbpn.committee.owned.mixin", "vstbpn.locked.workflow.mixin"]
    _order = "activity_id, sequence, id"
    _vstbpn_tie_fields = ("activity_id",)
    _vstbpn_lock_parent = "activity_id"

    sequence = fields.Integer(default=10)
    activity_id = fields.Many2one(
        "vstbpn.campaign.activity", required=True, index=True, ondelete="cascade"
    )
    committee_id = fields.Many2one(
        related="activity_id.committee_id", store=True, index=True, precompute=True
    )
    campaign_id = fields.Many2one(
        related="activity_id.campaign_id", store=True, index=True
    )
    partner_id = fields.Many2one(
        "res.partner", string="Partner", required=True, ondelete="restrict"
    )
    role = fields.Selection(
        PARTNER_ROLES,
        required=True,
        default="organisation",
        help="Member agency of the committee, organisation (mass organisation, "
        "association, NGO), enterprise or individual.",
    )
    cash_amount = fields.Float(string="Cash (VND)", digits=(16, 0))
    in_kind_description = fields.Char(string="In Kind")
    in_kind_value = fields.Float(string="Estimated Value (VND)", digits=(16, 0))

    @api.constrains("cash_amount", "in_kind_value")
    def _check_amounts(self):
        for line in self:
            amounts = (line.cash_amount, line.in_kind_value)
            if min(amounts) < 0:
                raise ValidationError(
                    self.env._(
                        "%(partner)s: an amount mobilised cannot be negative.",
                        partner=line.partner_id.name,
                    )
                )
            if max(amounts) > MAX_FIGURE:
                raise ValidationError(
                    self.env._(
                        "%(partner)s: more than a thousand billion VND for one "
                        "activity is beyond belief: check the amount.",
                        partner=line.partner_id.name,
                    )
                )
