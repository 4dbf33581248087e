"""A draft work plan out to Word and back (``vstbpn.docx.mixin``): the plan as
printed (header, I. objectives, II. tasks, III. budget estimate, IV.
organisation, footer) as a DOCX; the file edited in Word gives back the text
the officer writes, the objectives (section I). The tasks and the budget
lines are records, with their dates, people and amounts: they are printed
but never read back."""

from odoo import fields, models

PLAN_BODY = "vstbpn_committee.vstbpn_work_plan_body"


class VstbpnWorkPlan(models.Model):
    _name = "vstbpn.work.plan"
    _inherit = ["vstbpn.work.plan", "vstbpn.docx.mixin"]

    _vstbpn_docx_report = "vstbpn_committee.vstbpn_work_plan_report"
    _vstbpn_docx_wizard = "vstbpn.work.plan.docx.import"
    # the plan's free text, each under the heading the template prints it with
    _vstbpn_docx_fields = ("objectives",)

    def _vstbpn_docx_may_edit(self):
        return self._vstbpn_can_edit_user()

    def _vstbpn_docx_parts(self):
        return {
            name: self._vstbpn_docx_template_heading_of(PLAN_BODY, name)
            for name in self._vstbpn_docx_fields
        }

    def _vstbpn_docx_stop_keys(self):
        return self._vstbpn_docx_template_headings(PLAN_BODY)

    def _vstbpn_docx_values(self, html):
        return self._vstbpn_docx_read_parts(html)

    def _vstbpn_docx_imported_note(self, file_name):
        return self.env._(
            "Objectives replaced by the version edited in Word (%(file)s); the "
            "tasks and the budget were not read from it.",
            file=file_name,
        )


class VstbpnWorkPlanDocxImport(models.TransientModel):
    """The objectives of a draft work plan as edited in Word, uploaded back."""

    _name = "vstbpn.work.plan.docx.import"
    _inherit = ["vstbpn.docx.import.mixin"]
    _description = "Work Plan Edited in Word"
    _vstbpn_docx_record_field = "plan_id"

    plan_id = fields.Many2one("vstbpn.work.plan", required=True, ondelete="cascade")
