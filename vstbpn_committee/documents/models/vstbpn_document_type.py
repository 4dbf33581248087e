from odoo import api, fields, models
from odoo.exceptions import ValidationError


class VstbpnDocumentType(models.Model):
    """A type of administrative document (Decree 30/2020/NĐ-CP, Appendix III):
    plan (KH), report (BC), guidance (HD), official letter (công văn)...

    The abbreviation goes into the symbol after the number (``15/KH-BVSTBPN``);
    an official letter has none, so its symbol is the issuer's alone
    (``56/BVSTBPN``), and it has no title either: it carries a "V/v ..."
    subject line under its number instead. Seeded as data; administrators
    may add or archive types, everyone reads them.
    """

    _name = "vstbpn.document.type"
    _description = "Document Type"
    _inherit = ["vstbpn.integrity.mixin"]
    _order = "sequence, name, id"
    _rec_names_search = ["name", "abbreviation"]
    _vstbpn_max_lengths = {"abbreviation": 16}

    name = fields.Char(required=True, translate=True)
    abbreviation = fields.Char(
        help="As written in the symbol after the number, e.g. 'KH' in "
        "'15/KH-BVSTBPN' (Decree 30/2020/NĐ-CP, Appendix III). Empty for an "
        "official letter (công văn), whose symbol is the issuer's alone.",
    )
    is_titled = fields.Boolean(
        string="Titled",
        default=True,
        help="Printed with its name as the title (KẾ HOẠCH, BÁO CÁO...) above its "
        "summary. An official letter has no title: its subject goes in a 'V/v' "
        "line under the number.",
    )
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "abbreviation_unique",
            "unique(abbreviation)",
            "Another document type already has this abbreviation.",
        ),
    ]

    @api.depends("name", "abbreviation")
    def _compute_display_name(self):
        for doc_type in self:
            doc_type.display_name = (
                f"{doc_type.name} ({doc_type.abbreviation})"
                if doc_type.abbreviation
                else doc_type.name
            )

    @api.constrains("abbreviation")
    def _check_abbreviation_unique(self):
        # before the SQL constraint, whose message cannot name the other type
        for doc_type in self.filtered("abbreviation"):
            other = self.with_context(active_test=False).search(
                [
                    ("abbreviation", "=", doc_type.abbreviation),
                    ("id", "!=", doc_type.id),
                ],
                limit=1,
            )
            if other:
                raise ValidationError(
                    self.env._(
                        "The abbreviation %(abbreviation)s is already used by the "
                        "document type %(other)s: each type needs its own.",
                        abbreviation=doc_type.abbreviation,
                        other=other.name,
                    )
                )

    def _vstbpn_symbol(self, committee):
        """The symbol after the number, as Decree 30 writes it: ``KH-BVSTBPN``
        for a plan of the committee whose symbol is ``BVSTBPN``, ``BVSTBPN``
        alone for an official letter. Without a type or a committee symbol,
        what is known of it."""
        parts = [self[:1].abbreviation, committee.document_symbol]
        return "-".join(part for part in parts if part)
