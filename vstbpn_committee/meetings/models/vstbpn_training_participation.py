from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

MAX_PARTICIPANTS = 100_000


class VstbpnTrainingParticipation(models.Model):
    """How many women and men of one level took part in a training: the
    figures the reporting indicators on training read."""

    _name = "vstbpn.training.participation"
    _description = "Training Participants by Level"
    _inherit = ["vstbpn.integrity.mixin"]
    _order = "event_id, level_sequence, id"
    _vstbpn_tie_fields = ("event_id",)

    event_id = fields.Many2one(
        "calendar.event", required=True, index=True, ondelete="cascade"
    )
    level_id = fields.Many2one(
        "vstbpn.committee.level", string="Level", required=True, ondelete="restrict"
    )
    level_sequence = fields.Integer(related="level_id.sequence", store=True)
    female = fields.Integer(string="Women")
    male = fields.Integer(string="Men")
    total = fields.Integer(compute="_compute_total", store=True)
    # what the reporting groups the participants by (not stored: its rules
    # read the event's committee, as Odoo's calendar lines are read)
    event_committee_id = fields.Many2one(
        related="event_id.vstbpn_committee_id", string="Committee"
    )

    @api.depends("female", "male")
    def _compute_total(self):
        for line in self:
            line.total = line.female + line.male

    @api.constrains("female", "male")
    def _check_counts(self):
        for line in self:
            if min(line.female, line.male) < 0:
                raise ValidationError(
                    self.env._("The number of participants cannot be negative.")
                )
            if line.total > MAX_PARTICIPANTS:
                raise ValidationError(
                    self.env._(
                        "%(count)s participants in one training is not plausible: "
                        "check the figures.",
                        count=line.total,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            events = self.env["calendar.event"].browse(
                {vals.get("event_id") for vals in vals_list if vals.get("event_id")}
            )
            self._vstbpn_check_event(events)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self._vstbpn_check_event(self.event_id)
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_if_editable(self):
        if not self.env.su:
            self._vstbpn_check_event(self.event_id)

    def _vstbpn_check_event(self, events):
        """Participants are recorded on a committee's training, by an officer
        who may change it, until its minutes are issued."""
        if events.filtered(lambda e: not e.vstbpn_committee_id):
            raise UserError(
                self.env._("Participants are recorded on a committee's trainings.")
            )
        if len(events._filtered_access("write")) != len(events):
            raise AccessError(
                self.env._(
                    "You can record participants only for the trainings of the "
                    "committees you work for."
                )
            )
        events._vstbpn_check_minutes_editable()
