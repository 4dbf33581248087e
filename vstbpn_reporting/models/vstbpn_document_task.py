from odoo import fields, models


class VstbpnDocumentTask(models.Model):
    _inherit = "vstbpn.document.task"

    period_id = fields.Many2one(
        "vstbpn.report.period",
        string="Reporting Period",
        index="btree_not_null",
        ondelete="restrict",
        help="For a report: the period whose report fulfils the task; empty: "
        "the unit's next report submitted.",
    )


class VstbpnReport(models.Model):
    """A report submitted fulfils the task asking for it."""

    _name = "vstbpn.report"
    _inherit = ["vstbpn.report", "vstbpn.task.fulfilment.mixin"]
    _vstbpn_task_kind = "report"

    def _vstbpn_on_submit(self):
        result = super()._vstbpn_on_submit()
        self._vstbpn_fulfil_tasks()
        return result

    def _vstbpn_task_date(self):
        return self.date_submitted or super()._vstbpn_task_date()

    def _vstbpn_task_line_domain(self):
        return [("task_id.period_id", "in", (False, self.period_id.id))]
