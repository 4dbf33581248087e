from odoo import api, fields, models


class VstbpnNationalIndicator(models.Model):
    """An indicator of the national gender development statistics.

    The set is the one of Circular 10/2019/TT-BKHĐT (Annex I: code, group and
    name; Annex II: concept, calculation, disaggregation, publication period,
    data source and responsible agency). Each record says whether its text
    was confirmed against a public source (``confirmed``) and which
    (``source_note``): what could not be confirmed is loaded as such, never
    completed from memory.
    """

    _name = "vstbpn.national.indicator"
    _description = "National Gender Development Statistical Indicator"
    _order = "sequence, code, id"
    _rec_names_search = ["code", "name"]

    sequence = fields.Integer(default=10)
    code = fields.Char(
        string="Official Code",
        index=True,
        help="The code of Annex I of the circular; left empty where no public "
        "source available confirmed it.",
    )
    group = fields.Char(
        string="Group",
        help="The group of the indicator; the source note says where it was taken "
        "from.",
    )
    name = fields.Char(string="Indicator Name", required=True)
    concept = fields.Text(string="Concept")
    calculation_method = fields.Text(string="Calculation Method")
    disaggregation = fields.Text(string="Main Disaggregation")
    periodicity = fields.Char(string="Publication Period")
    data_source = fields.Text(string="Data Source")
    responsible_agency = fields.Char(string="Responsible Agency")
    reported_by_province = fields.Boolean(
        string="Reported by Provincial Committees",
        help="A provincial committee reports this indicator in the suite's reports.",
    )
    reported_by_commune = fields.Boolean(
        string="Reported by Commune Committees",
        help="A commune committee reports this indicator in the suite's reports.",
    )
    confirmed = fields.Boolean(
        string="Text Confirmed",
        help="The code, name and contents were checked against the public source "
        "named in the source note.",
    )
    source_note = fields.Text(
        string="Source Note",
        help="The public source the text was checked against, and what remains "
        "unconfirmed.",
    )
    indicator_ids = fields.One2many(
        "vstbpn.indicator", "national_indicator_id", string="Suite's Indicators"
    )
    active = fields.Boolean(default=True)

    _sql_constraints = [
        (
            "code_unique",
            "unique(code)",
            "Another national indicator already has this official code.",
        ),
    ]

    @api.depends("code", "name")
    def _compute_display_name(self):
        for indicator in self:
            indicator.display_name = (
                f"[{indicator.code}] {indicator.name}"
                if indicator.code
                else indicator.name
            )
