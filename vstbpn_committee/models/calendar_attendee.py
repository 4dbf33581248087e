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

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su:
            # Odoo's rules let anyone invited add attendees: on a committee's
            # meeting, only those who may change it, until the minutes issue
            events = self.env["calendar.event"].browse(
                {vals.get("event_id") for vals in vals_list if vals.get("event_id")}
            )
            self.browse()._vstbpn_check_attendance_editable(events, adding=True)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su and "event_id" in vals:
            # ties the attendance to its meeting, as _vstbpn_tie_fields do
            moved = self.filtered(lambda a: a.event_id.id != vals["event_id"])
            target = self.env["calendar.event"].browse(vals["event_id"] or [])
            if moved and (
                moved.event_id.filtered("vstbpn_committee_id")
                or target.sudo().vstbpn_committee_id
            ):
                raise UserError(
                    self.env._(
                        "An attendee of a committee's meeting cannot be moved to "
                        "another meeting: invite the person there instead."
                    )
                )
        if not self.env.su and {"vstbpn_attended", "vstbpn_attendance_note"} & set(
            vals
        ):
            self._vstbpn_check_attendance_editable()
        return super().write(vals)

    def _vstbpn_check_attendance_editable(self, events=None, adding=False):
        events = (self.event_id if events is None else events).filtered(
            "vstbpn_committee_id"
        )
        if not events:
            return
        if events.filtered(lambda e: e.vstbpn_minutes_state == "issued"):
            raise UserError(
                self.env._(
                    "The minutes of this meeting have been issued: attendance can "
                    "no longer be changed."
                )
            )
        if not adding and not self.env.user.has_group("vstbpn_committee.group_officer"):
            raise AccessError(
                self.env._("Only the committee's officers correct the attendance.")
            )
        events.check_access("write")
