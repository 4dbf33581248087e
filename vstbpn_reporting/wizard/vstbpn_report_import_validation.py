from odoo import models
from odoo.exceptions import UserError


class VstbpnReportImport(models.TransientModel):
    """An uploaded form whose figures break a rule with importance error is
    refused as a whole, with the rules listed, as a form with a wrong row is:
    the upload stays all or nothing. Warnings and outliers are imported and
    shown on the report, to be explained."""

    _inherit = "vstbpn.report.import"

    def action_import(self):
        result = super().action_import()
        report = self.report_id
        report._check_quality()
        errors = report.violation_ids.filtered(lambda v: v.importance == "error")
        if errors:
            # raising rolls back the figures written above with the violations
            raise UserError(
                self.env._(
                    "Nothing was imported: the figures of the form break these "
                    "rules. Correct the form and upload it again:\n%(violations)s",
                    violations=errors._describe(),
                )
            )
        return result
