from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class VstbpnCommitteeLevel(models.Model):
    """A level of the committee tree (national, province, commune, sector...).

    Levels are data, not code: the 2025 reform removed the district level, and
    historical trees (2017) must still fit beside today's.
    """

    _name = "vstbpn.committee.level"
    _description = "Committee Level"
    _inherit = ["vstbpn.integrity.mixin"]
    _order = "sequence, id"
    _vstbpn_unique_fields = ("code",)

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "code_unique",
            "unique(code)",
            "A committee level with this code already exists.",
        ),
    ]

    def _vstbpn_refuse_duplicate(self, values, other):
        if not other:
            return super()._vstbpn_refuse_duplicate(values, other)
        raise ValidationError(
            self.env._(
                "The level code %(code)s is already used by the level %(other)s: "
                "give each level its own code.",
                code=values["code"],
                other=other.name,
            )
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_if_unused(self):
        committees = (
            self.env["vstbpn.committee"]
            .sudo()
            .with_context(active_test=False)
            .search([("level_id", "in", self.ids)])
        )
        if committees:
            names = committees[:5].mapped("name")
            raise UserError(
                self.env._(
                    "The level %(level)s is still used by %(count)s committee(s) "
                    "(%(names)s): move them to another level or archive the level "
                    "instead of deleting it.",
                    level=committees[0].level_id.name,
                    count=len(committees),
                    names=", ".join(names) + (", …" if len(committees) > 5 else ""),
                )
            )
