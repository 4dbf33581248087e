from odoo import api, fields, models
from odoo.tools import format_date

from odoo.addons.vstbpn_committee.tools import vn_today


class VstbpnReport(models.Model):
    """The HR figures of a report are a snapshot: Odoo's HR keeps no history of
    an employee's department, job or sex, only today's, so what a report
    counts is read from HR when its period opens and each time it is filled
    again while a draft, counting the staff in post on the period's last day
    (``vstbpn.indicator._in_post_domain``). Submission freezes them with the
    report: a report returned for correction keeps the figures it was
    submitted with, unless its officer asks to read HR again
    (``action_refresh_hr_figures``)."""

    _inherit = "vstbpn.report"

    hr_figures_date = fields.Date(
        string="HR Figures Read On",
        readonly=True,
        copy=False,
        help="The day the figures of the HR indicators were last read from "
        "the HR records.",
    )
    hr_figures_frozen = fields.Boolean(
        string="HR Figures Frozen",
        compute="_compute_hr_figures_frozen",
        store=True,
        precompute=True,
        readonly=True,
        copy=False,
        help="Set when the report is submitted: its HR figures are no longer "
        "read from HR, even once the report is returned, unless its officer "
        "reads HR again.",
    )
    hr_figures_note = fields.Char(
        string="HR Figures", compute="_compute_hr_figures_note"
    )

    @api.depends("state")
    def _compute_hr_figures_frozen(self):
        # a report returned to draft stays frozen: only the officer unfreezes it
        for report in self:
            report.hr_figures_frozen = (
                report.state != "draft" or report.hr_figures_frozen
            )

    @api.depends("hr_figures_date", "hr_figures_frozen", "period_id.date_to")
    @api.depends_context("lang")
    def _compute_hr_figures_note(self):
        for report in self:
            report.hr_figures_note = report._describe_hr_figures()

    def _describe_hr_figures(self):
        if not self.hr_figures_date:
            return False
        values = {
            "end": format_date(self.env, self.period_id.date_to),
            "read": format_date(self.env, self.hr_figures_date),
        }
        if self.hr_figures_frozen:
            return self.env._(
                "HR figures as of %(end)s (staff in post that day, read from HR "
                "on %(read)s), frozen at submission.",
                **values,
            )
        return self.env._(
            "HR figures as of %(end)s (staff in post that day, read from HR on "
            "%(read)s); read again at each fill until the report is submitted, "
            "then frozen.",
            **values,
        )

    # ACTIONS

    def action_refresh_hr_figures(self):
        """Replace the frozen HR figures of a returned report by those of the
        HR records today: only on the officer's request."""
        self.check_access("write")
        self._vstbpn_check_editable()
        self._check_hr_departments_linked()
        self._vstbpn_trusted_write({"hr_figures_frozen": False})
        self._fill_automatic_values(["hr"])._check_rules()
        return True

    # SNAPSHOT

    def _get_hr_readable(self):
        """The reports whose HR figures may be read from HR now: searched,
        as filtering would read the flag 1,000 reports at a time."""
        return self.search(
            [("id", "in", self.ids), ("hr_figures_frozen", "=", False)], order="id"
        )

    def _stamp_hr_figures_date(self):
        if self:
            self._vstbpn_trusted_write({"hr_figures_date": vn_today(self.env)})
