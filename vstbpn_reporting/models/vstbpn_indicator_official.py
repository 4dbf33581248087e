from odoo import api, fields, models
from odoo.tools import convert_file

TIES_FILE = "data/vstbpn_indicator_official_data.xml"


class VstbpnIndicator(models.Model):
    """Ties the suite's indicators to the official national set and to the
    targets they are measured against."""

    _inherit = "vstbpn.indicator"

    national_indicator_id = fields.Many2one(
        "vstbpn.national.indicator",
        string="Official National Indicator",
        index="btree_not_null",
        ondelete="set null",
        help="The indicator of Circular 10/2019/TT-BKHĐT that measures the same "
        "thing; empty for the suite's own indicators.",
    )
    target_ids = fields.One2many(
        "vstbpn.indicator.target", "indicator_id", string="Targets"
    )

    @api.model
    def _vstbpn_tie_national_indicators(self):
        """Write the ties of the shipped indicators (``TIES_FILE``) onto a
        database whose shipped indicators an upgrade leaves alone (they are
        ``noupdate``); the ties stay ``noupdate`` too."""
        convert_file(
            self.env,
            "vstbpn_reporting",
            TIES_FILE,
            {},
            mode="init",
            noupdate=True,
            kind="data",
        )
