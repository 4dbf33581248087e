from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError


class CalendarAttendee(models.Model):
    """Attendance at a committee's meeting: taken from the attendee's answer,
    corrected by the secretary, frozen once the minutes are issued."""

    _inherit = "calendar.attendee"

    vstbpn_attended = fields.Boolean(
        string="Present",
        compute="_compute_vstbpn_attended",
        store=True,
        readonly=False,
        help="From the attendee's answer (accepted means present); the secretary "
        "corrects it after the meeting.",
    )
    vstbpn_attendance_note = fields.Char(
        string="Attendance Note", help="E.g. 'absent, excused', 'represented by ...'."
    )

    @api.depends("state")
    def _compute_vstbpn_attended(self):
        for attendee in self:
            if attendee.event_id.vstbpn_minutes_state == "issued":
                attendee.vstbpn_attended = attendee.vstbpn_attended
            else:
                attendee.vstbpn_attended = attendee.state == "accepted"

    def write(self, vals):
        if not self.env.su and {"vstbpn_attended", "vstbpn_attendance_note"} & set(
            vals
        ):
            self._vstbpn_check_attendance_editable()
        return super().write(vals)

    def _vstbpn_check_attendance_editable(self):
        events = self.event_id.filtered("vstbpn_committee_id")
        if not events:
            return
        if events.filtered(lambda e: e.vstbpn_minutes_state == "issued"):
            raise UserError(
                self.env._(
                    "The minutes of this meeting have been issued: attendance can "
                    "no longer be changed."
                )
            )
        if not self.env.user.has_group("vstbpn_committee.group_officer"):
            raise AccessError(
                self.env._("Only the committee's officers correct the attendance.")
            )
        events.check_access("write")

    def action_vstbpn_toggle_attended(self):
        for attendee in self:
            attendee.vstbpn_attended = not attendee.vstbpn_attended
        return True
