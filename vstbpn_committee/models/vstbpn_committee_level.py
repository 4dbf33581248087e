from odoo import fields, models


class VstbpnCommitteeLevel(models.Model):
    """A level of the committee tree (national, province, commune, sector...).

    Levels are data, not code: the 2025 reform removed the district level, and
    historical trees (2017) must still fit beside today's.
    """

    _name = "vstbpn.committee.level"
    _description = "Committee Level"
    _order = "sequence, id"

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
