from odoo import fields, models


class VstbpnInspectionRecommendationWizard(models.TransientModel):
    """Reports recommendations done (with a note and evidence), or reopens
    them saying what is missing."""

    _name = "vstbpn.inspection.recommendation.wizard"
    # what a client sends is checked as on the records (x2many commands, ids)
    _inherit = ["vstbpn.integrity.mixin"]
    _description = "Follow Up a Recommendation"

    recommendation_ids = fields.Many2many(
        "vstbpn.inspection.recommendation",
        "vstbpn_recommendation_wizard_rel",
        "wizard_id",
        "recommendation_id",
        string="Recommendations",
    )
    mode = fields.Selection(
        [("done", "Report Done"), ("reopen", "Reopen")],
        required=True,
        default="done",
    )
    note = fields.Text(required=True)
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "vstbpn_recommendation_wizard_attachment_rel",
        "wizard_id",
        "attachment_id",
        string="Evidence",
    )

    def action_confirm(self):
        if self.mode == "reopen":
            self.recommendation_ids.action_reopen(self.note)
        else:
            self.recommendation_ids.action_report_done(self.note, self.attachment_ids)
        return {"type": "ir.actions.act_window_close"}
