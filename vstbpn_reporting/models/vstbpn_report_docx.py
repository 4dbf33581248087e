"""A draft report out to Word and back (``vstbpn.docx.mixin``): the printed
report as a DOCX (header, title, narrative sections, indicator table,
footer); the file edited in Word gives back the narrative answers, each from
under its section's heading. The figures are printed but never read back:
they are entered on the report (or its XLSX form), where they are checked."""

from odoo import Command, fields, models
from odoo.exceptions import UserError

REPORT_PAGE = "vstbpn_reporting.vstbpn_report_document_page"


class VstbpnReport(models.Model):
    _name = "vstbpn.report"
    _inherit = ["vstbpn.report", "vstbpn.docx.mixin"]

    _vstbpn_docx_report = "vstbpn_reporting.vstbpn_report_document_report"
    _vstbpn_docx_wizard = "vstbpn.report.docx.import"

    def _vstbpn_docx_may_edit(self):
        return self._vstbpn_can_edit_user()

    def _vstbpn_docx_printed(self):
        """The report as printed: in the document's language."""
        return self.with_context(lang=self._vstbpn_document_lang())

    def _vstbpn_docx_parts(self):
        answers = self._vstbpn_docx_printed().answer_ids.sorted("sequence")
        return {answer.id: answer.name for answer in answers}

    def _vstbpn_docx_stop_keys(self):
        return self._vstbpn_docx_template_headings(REPORT_PAGE)

    def _vstbpn_docx_stop_prefixes(self):
        # the text indicators, printed as "Indicator: text" after the table
        texts = self._vstbpn_docx_printed()._vstbpn_print_texts()
        return (
            *super()._vstbpn_docx_stop_prefixes(),
            *(f"{value.indicator_id.name}:" for value in texts),
        )

    def _vstbpn_docx_values(self, html):
        if not self.answer_ids:
            raise UserError(
                self.env._(
                    "The report %(name)s has no narrative section: its figures are "
                    "entered on the report, not read from a Word file.",
                    name=self.name,
                )
            )
        parts = self._vstbpn_docx_read_parts(html)
        return {
            "answer_ids": [
                Command.update(answer.id, {"answer": parts[answer.id]})
                for answer in self.answer_ids
            ]
        }

    def _vstbpn_docx_imported_note(self, file_name):
        return self.env._(
            "Narrative replaced by the version edited in Word (%(file)s); the "
            "figures were not read from it.",
            file=file_name,
        )


class VstbpnReportDocxImport(models.TransientModel):
    """The narrative of a draft report as edited in Word, uploaded back."""

    _name = "vstbpn.report.docx.import"
    _inherit = ["vstbpn.docx.import.mixin"]
    _description = "Narrative of a Report Edited in Word"
    _vstbpn_docx_record_field = "report_id"

    report_id = fields.Many2one("vstbpn.report", required=True, ondelete="cascade")
