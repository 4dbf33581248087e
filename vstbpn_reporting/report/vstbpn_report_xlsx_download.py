from odoo import models
from odoo.exceptions import UserError

# The layouts a report downloads as (the last part of the download's URL):
# the renderer and its options.
XLSX_LAYOUTS = {
    "blank": ("vstbpn.report.xlsx.form", {"blank": True}),
    "filled": ("vstbpn.report.xlsx.form", {"blank": False}),
    "consolidation": ("vstbpn.report.xlsx.consolidation", {"detail": False}),
    "detail": ("vstbpn.report.xlsx.consolidation", {"detail": True}),
}


class VstbpnReport(models.Model):
    """A report's XLSX files: its form to download, blank or filled, and upload
    back; its consolidation, by the units right below or in detail."""

    _inherit = "vstbpn.report"

    def _get_xlsx(self, layout):
        """(content, filename) of the report in one of ``XLSX_LAYOUTS``."""
        self.ensure_one()
        self.check_access("read")
        if layout not in XLSX_LAYOUTS:
            raise UserError(
                self.env._("Unknown XLSX layout %(layout)s.", layout=layout)
            )
        renderer, options = XLSX_LAYOUTS[layout]
        content = self.env[renderer]._render(self, **options)
        return content, f"{self.name} ({layout}).xlsx".replace("/", "-")

    def _xlsx_url_action(self, layout):
        self.ensure_one()
        return {
            "type": "ir.actions.act_url",
            "url": f"/vstbpn_reporting/report/{self.id}/xlsx/{layout}",
            "target": "download",
        }

    def action_download_blank_form(self):
        return self._xlsx_url_action("blank")

    def action_download_form(self):
        return self._xlsx_url_action("filled")

    def action_download_consolidation(self):
        return self._xlsx_url_action("consolidation")

    def action_download_consolidation_detail(self):
        return self._xlsx_url_action("detail")

    def action_open_import_wizard(self):
        self.ensure_one()
        self._vstbpn_check_editable()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Upload a Filled Form"),
            "res_model": "vstbpn.report.import",
            "view_mode": "form",
            "target": "new",
            "context": {"default_report_id": self.id},
        }
