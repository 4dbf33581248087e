from odoo import api, fields, models
from odoo.tools import SQL


class VstbpnReportLineMixin(models.AbstractModel):
    """A line of a report (an indicator value, a narrative answer).

    Lines are exactly as editable as their report: the report's workflow says
    when (``vstbpn.locked.workflow.mixin``), the lines only follow it.

    Hook: ``_insert_for_reports_query``, the ``INSERT ... SELECT`` that creates
    a report's missing lines from its template.
    """

    _name = "vstbpn.report.line.mixin"
    _inherit = ["vstbpn.locked.workflow.mixin"]
    _description = "Report Line"
    _vstbpn_tie_fields = ("report_id",)
    _vstbpn_lock_parent = "report_id"

    report_id = fields.Many2one(
        "vstbpn.report", required=True, index=True, ondelete="cascade"
    )
    committee_id = fields.Many2one(
        related="report_id.committee_id", store=True, index=True
    )

    @api.model
    def _create_for_reports(self, reports, **params):
        """Create the missing lines of ``reports`` from their templates.

        One ``INSERT ... SELECT``: opening a national period means 3,000+
        reports times 100 indicators, where the ORM's per-record create would
        dominate. The rows hold what ``create()`` would compute for an empty
        line; lines that exist are left alone.
        """
        if not reports:
            return
        reports.flush_recordset()
        self.flush_model()
        query = self._insert_for_reports_query()
        self.env.cr.execute(
            SQL(
                query,
                uid=self.env.uid,
                now=self.env.cr.now(),
                ids=tuple(reports.ids),
                **self._insert_for_reports_params(reports, **params),
            )
        )
        self.invalidate_model()

    def _insert_for_reports_query(self):
        raise NotImplementedError

    def _insert_for_reports_params(self, reports, **params):
        """The query's parameters besides the user, the time and the report
        ids."""
        return params
