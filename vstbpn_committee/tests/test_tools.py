from odoo.tests import TransactionCase, tagged
from odoo.tools import SQL

from odoo.addons.vstbpn_committee.tools import sql_array


@tagged("post_install", "-at_install")
class TestTools(TransactionCase):
    def _round_trip(self, values, column_type):
        self.env.cr.execute(SQL("SELECT unnest(%s)", sql_array(values, column_type)))
        return [row[0] for row in self.env.cr.fetchall()]

    def test_sql_array_keeps_every_value_and_null(self):
        self.assertEqual(self._round_trip([3, None, 1], "int4"), [3, None, 1])
        self.assertEqual(
            self._round_trip([0.5, 1e16, -2.25, None], "float8"),
            [0.5, 1e16, -2.25, None],
        )
        self.assertEqual(
            self._round_trip([True, False, None], "bool"), [True, False, None]
        )
        texts = ["Xã An Nhơn: đạt 'chỉ tiêu'", None, 'a "b", {c}\\d']
        self.assertEqual(self._round_trip(texts, "text"), texts)

    def test_sql_array_of_nothing(self):
        self.assertEqual(self._round_trip([], "int4"), [])
