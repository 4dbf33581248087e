from odoo import Command
from odoo.exceptions import ValidationError
from odoo.tests import tagged

from .common import VstbpnReportingCase


@tagged("post_install", "-at_install")
class TestIndicator(VstbpnReportingCase):
    def _create(self, **values):
        vals = {"code": "T-X", "name": "Test", "value_type": "integer"}
        vals.update(values)
        return self.env["vstbpn.indicator"].create(vals)

    def test_ratio_needs_numerator_and_denominator(self):
        with self.assertRaises(ValidationError):
            self._create(consolidation_rule="ratio", numerator_id=self.ind_supported.id)
        ratio = self._create(
            consolidation_rule="ratio",
            value_type="percentage",
            numerator_id=self.ind_supported.id,
            denominator_id=self.ind_victims.id,
        )
        self.assertEqual(ratio.denominator_id, self.ind_victims)

    def test_rule_must_fit_the_value_type(self):
        with self.assertRaises(ValidationError):
            self._create(value_type="boolean", consolidation_rule="sum")
        with self.assertRaises(ValidationError):
            self._create(value_type="integer", consolidation_rule="text")
        with self.assertRaises(ValidationError):
            self._create(value_type="text", consolidation_rule="text", by_sex=True)

    def test_code_is_unique(self):
        with self.assertRaises(ValidationError) as refused:
            self._create(code=self.ind_meetings.code)
        self.assertIn(self.ind_meetings.code, str(refused.exception))

    def test_template_ratio_needs_its_operands(self):
        with self.assertRaisesText(ValidationError, "NS-04"):
            self.env["vstbpn.report.template"].create(
                {
                    "name": "Ratio without denominator",
                    "line_ids": [
                        Command.create({"indicator_id": self.ind_support_rate.id}),
                        Command.create({"indicator_id": self.ind_supported.id}),
                    ],
                }
            )

    def test_deadline_follows_the_year_covered(self):
        period = self._create_period()
        period.date_to = "2018-06-30"
        self.assertEqual(str(period.deadline), "2018-06-15")
