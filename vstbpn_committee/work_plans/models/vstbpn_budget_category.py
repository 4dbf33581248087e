from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError


class VstbpnBudgetCategory(models.Model):
    """A spending content of the committees' budget (Circular 191/2009/TT-BTC).

    Seeded with the contents the circular lists for gender-equality and
    advancement-of-women work, each with its legal reference. They are data,
    not code: an office follows a later circular by editing, adding or
    archiving categories.
    """

    _name = "vstbpn.budget.category"
    _description = "Budget Category"
    _inherit = ["vstbpn.integrity.mixin"]
    _order = "sequence, id"
    _vstbpn_unique_fields = ("code",)

    name = fields.Char(required=True, translate=True)
    code = fields.Char(required=True)
    legal_reference = fields.Char(
        help="The provision that allows this spending, e.g. 'Thông tư "
        "191/2009/TT-BTC, Điều 3'.",
    )
    sequence = fields.Integer(default=10)
    description = fields.Text(translate=True)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        ("code_unique", "unique(code)", "A budget category with this code exists."),
    ]

    def _vstbpn_refuse_duplicate(self, values, other):
        if not other:
            return super()._vstbpn_refuse_duplicate(values, other)
        raise ValidationError(
            self.env._(
                "The code %(code)s is already used by the budget category "
                "%(other)s: give each category its own code.",
                code=values["code"],
                other=other.name,
            )
        )

    @api.ondelete(at_uninstall=False)
    def _unlink_if_unused(self):
        used = (
            self.env["vstbpn.work.plan.budget.line"]
            .sudo()
            .search([("category_id", "in", self.ids)], limit=1)
        )
        if used:
            raise UserError(
                self.env._(
                    "The budget category %(category)s is used by budget estimates: "
                    "archive it instead of deleting it.",
                    category=used.category_id.name,
                )
            )
