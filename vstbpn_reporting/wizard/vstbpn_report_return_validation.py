from odoo import api, models


class VstbpnReportReturn(models.TransientModel):
    """The reason for returning reports starts with what the checks found:
    the rules they break and their outlying figures."""

    _inherit = "vstbpn.report.return"

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        if "reason" in fields_list and not values.get("reason"):
            reports = self.env["vstbpn.report"].browse(self._default_report_ids())
            summary = reports.exists()._get_quality_summary()
            if summary:
                values["reason"] = summary
        return values

    def _default_report_ids(self):
        ids = self.env.context.get("default_report_ids") or []
        if ids and isinstance(ids[0], list | tuple):  # [Command.set(ids)]
            ids = ids[0][2]
        return [id_ for id_ in ids if isinstance(id_, int)]
