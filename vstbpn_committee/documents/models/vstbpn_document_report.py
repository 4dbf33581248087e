from odoo import api, models


class ReportVstbpnDocument(models.AbstractModel):
    """The printed official document: only for those who may read it."""

    _name = "report.vstbpn_committee.vstbpn_document_report_document"
    _description = "Printed Official Document"

    @api.model
    def _get_report_values(self, docids, data=None):
        documents = self.env["vstbpn.document"].browse(docids)
        # refused here with the usual message, not halfway through the template
        documents.check_access("read")
        return {
            "doc_ids": docids,
            "doc_model": "vstbpn.document",
            "docs": documents,
            "data": data,
        }
