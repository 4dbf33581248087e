from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools.misc import formatLang

from .vstbpn_report_value import FIGURES

# The figure an automatic source gave a line, kept beside the unit's own so
# that a correction never hides it: {figure key: field}.
AUTOMATIC_FIGURES = {
    "female": "automatic_female",
    "male": "automatic_male",
    "total": "automatic_total",
    "number": "automatic_number",
    "yes": "automatic_yes",
}
AUTOMATIC_FIELDS = (*AUTOMATIC_FIGURES.values(), "automatic_filled")
FIGURE_ORIGINS = [
    ("typed", "Typed"),
    ("records", "From records"),
    ("corrected", "Corrected"),
]


class VstbpnReportValue(models.Model):
    """Where a figure comes from: typed by the unit, filled from its records
    by an automatic source, or filled and then corrected by the unit, with
    the reason the report keeps and the committee above reads.

    The fill writes the automatic figure of every line it fills and the own
    figure of those not corrected (``_write_own_figures``): a refill never
    overwrites a correction. A unit that types another figure on a filled
    line corrects it, and must say why; withdrawing the correction gives the
    line the records' figure back.
    """

    _inherit = "vstbpn.report.value"

    automatic_filled = fields.Boolean(
        string="Filled from Records",
        readonly=True,
        help="An automatic source filled this figure from the unit's records.",
    )
    automatic_female = fields.Float(
        string="Female (from records)", digits=(16, 2), readonly=True
    )
    automatic_male = fields.Float(
        string="Male (from records)", digits=(16, 2), readonly=True
    )
    automatic_total = fields.Float(
        string="Total (from records)", digits=(16, 2), readonly=True
    )
    automatic_number = fields.Float(
        string="Value (from records)", digits=(16, 2), readonly=True
    )
    automatic_yes = fields.Boolean(string="Yes (from records)", readonly=True)
    is_corrected = fields.Boolean(
        string="Corrected",
        help="The unit changed the figure its records give: the reason says why. "
        "Untick to take the records' figure again.",
    )
    correction_reason = fields.Text(
        string="Reason for the Correction",
        help="Why the unit's figure differs from the one its records give; the "
        "committee above reads it with the report.",
    )
    figure_origin = fields.Selection(
        FIGURE_ORIGINS, string="Origin", compute="_compute_figure_origin"
    )
    automatic_figure = fields.Char(
        string="Records' Figure", compute="_compute_figure_origin"
    )

    @api.depends(
        "automatic_filled", "is_corrected", *AUTOMATIC_FIGURES.values(), "by_sex"
    )
    def _compute_figure_origin(self):
        for line in self:
            if not line.automatic_filled:
                line.figure_origin = "typed"
                line.automatic_figure = False
                continue
            line.figure_origin = "corrected" if line.is_corrected else "records"
            line.automatic_figure = line._format_automatic_figure()

    def _format_automatic_figure(self):
        if self.value_type == "boolean" and not self.by_sex:
            return self.env._("Yes") if self.automatic_yes else self.env._("No")
        digits = 2 if self.value_type == "decimal" else 0
        if self.by_sex:
            female, male, total = (
                formatLang(self.env, self[name], digits=digits)
                for name in ("automatic_female", "automatic_male", "automatic_total")
            )
            return f"{female} / {male} / {total}"
        return formatLang(self.env, self.automatic_number, digits=digits)

    # CONSTRAINTS

    @api.constrains("is_corrected", "correction_reason")
    def _check_correction_reason(self):
        for line in self:
            if line.is_corrected and not (line.correction_reason or "").strip():
                raise ValidationError(line._correction_reason_message())

    def _correction_reason_message(self):
        return self.env._(
            "%(indicator)s on %(report)s: the unit's records give %(figure)s. "
            "Give the reason for correcting it, or take the records' figure "
            "back (untick Corrected).",
            indicator=self.indicator_id.display_name,
            report=self.report_id.name,
            figure=self._format_automatic_figure(),
        )

    # CRUD

    def _vstbpn_protected_fields(self):
        return super()._vstbpn_protected_fields() | set(AUTOMATIC_FIELDS)

    def write(self, vals):
        result = super().write(vals)
        if "is_corrected" in vals and not vals["is_corrected"]:
            # withdrawn: the records' figure again
            for line in self.filtered("automatic_filled"):
                super(VstbpnReportValue, line).write(line._automatic_values())
        elif set(vals) & set(self._own_automatic_fields()):
            # a figure typed over the records' one is a correction: it needs
            # its reason (checked as the line is saved)
            corrected = self._typed_over_records()
            if corrected:
                super(VstbpnReportValue, corrected).write({"is_corrected": True})
        return result

    @api.model
    def _own_automatic_fields(self):
        return {FIGURES[key].own: field for key, field in AUTOMATIC_FIGURES.items()}

    def _typed_over_records(self):
        """The filled lines not marked corrected whose own figures differ
        from the records'."""
        own_automatic = self._own_automatic_fields()
        return self.filtered(
            lambda line: (
                line.automatic_filled
                and not line.is_corrected
                and any(line[own] != line[auto] for own, auto in own_automatic.items())
            )
        )

    def _get_figure_changes(self, figures):
        """The ``figures`` (``{line id: {figure key: figure}}``) that change
        their line. A line filled with the same figures from its records
        (filled before, or born filled at opening) needs no write: unless
        corrected, its own figures are its records'."""
        return {
            line_id: line_figures
            for line_id, line_figures in figures.items()
            if not self.browse(line_id)._holds_automatic_figures(line_figures)
        }

    def _holds_automatic_figures(self, figures):
        return self.automatic_filled and all(
            key in AUTOMATIC_FIGURES
            and (
                bool(self[AUTOMATIC_FIGURES[key]]) == bool(figure)
                if key == "yes"
                else self[AUTOMATIC_FIGURES[key]] == figure
            )
            for key, figure in figures.items()
        )

    def _automatic_values(self):
        self.ensure_one()
        return {
            own: self[automatic]
            for own, automatic in self._own_automatic_fields().items()
        } | {"correction_reason": False}

    # ACTIONS

    def action_open_counted_records(self):
        """The records the line's automatic figure counts, as the user may
        read them."""
        self.ensure_one()
        self.check_access("read")
        action = self.env["vstbpn.figure.source"]._counted_records_action(self)
        if not action:
            raise UserError(
                self.env._(
                    "%(indicator)s is not counted from the unit's records.",
                    indicator=self.indicator_id.display_name,
                )
            )
        return action
