from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class VstbpnInspectionArea(models.Model):
    """A content area an inspection of a lower unit checks.

    Seeded with the six areas of the 2017 directive (§4): the committee's
    organisation and activity; gender-equality policy, law and programmes;
    female cadres; violence against women and girls; issues harming women's
    development; the unit's difficulties. Data, so a plan can add or drop one.
    """

    _name = "vstbpn.inspection.area"
    _description = "Inspection Area"
    _inherit = ["vstbpn.integrity.mixin"]
    _order = "sequence, id"
    _vstbpn_unique_fields = ("code",)

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    description = fields.Text(translate=True)
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "An inspection area with this code exists."),
    ]

    def _vstbpn_refuse_duplicate(self, values, other):
        if not other:
            return super()._vstbpn_refuse_duplicate(values, other)
        raise ValidationError(
            self.env._(
                "The code %(code)s is already used by the inspection area "
                "%(other)s: give each area its own code.",
                code=values["code"],
                other=other.name,
            )
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_if_unused(self):
        used = (
            self.env["vstbpn.inspection.finding"]
            .sudo()
            .search([("area_id", "in", self.ids)], limit=1)
        )
        if used:
            raise UserError(
                self.env._(
                    "The inspection area %(area)s has findings: archive it instead "
                    "of deleting it.",
                    area=used.area_id.name,
                )
            )
