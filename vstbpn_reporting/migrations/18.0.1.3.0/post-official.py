"""Since 18.0.1.3.0 the shipped indicators that measure the same thing as an
indicator of the national set (Circular 10/2019/TT-BKHĐT) are tied to it.
The shipped indicators are ``noupdate``: an upgrade does not rewrite them, so
their ties are written here, from the same data file as a new database's."""

from odoo import SUPERUSER_ID, api


def migrate(cr, version):
    env = api.Environment(cr, SUPERUSER_ID, {})
    env["vstbpn.indicator"]._vstbpn_tie_national_indicators()
