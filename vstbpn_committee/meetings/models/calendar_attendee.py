from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

# What an attendee writes when answering an invitation (accept, decline...).
ANSWER_FIELDS = {"state"}


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
                {
                    vals["event_id"]
                    for vals in vals_list
                    if isinstance(vals.get("event_id"), int)
                }
            )
            self.browse()._vstbpn_check_attendance_changeable(events)
        return super().create(vals_list)

    def write(self, vals):
        if not self.env.su:
            self._vstbpn_check_not_moved(vals)
            self._vstbpn_check_attendance_changeable(self.event_id, vals)
            if self.event_id.filtered("vstbpn_committee_id"):
                self._vstbpn_check_note(vals)
        return super().write(vals)

    def _vstbpn_check_note(self, vals):
        """The note on a committee meeting's attendance is a line, not a
        book: checked as the suite checks its own texts."""
        Event = self.env["calendar.event"]
        field = self._fields["vstbpn_attendance_note"]
        value = vals.get(field.name)
        problem = value and Event._vstbpn_value_problem(field, value)
        if problem:
            Event._vstbpn_refuse_value(field, problem)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_committee_attendance(self):
        if not self.env.su:
            self._vstbpn_check_attendance_changeable(self.event_id)

    def _vstbpn_check_not_moved(self, vals):
        """The attendance stays with its meeting, as _vstbpn_tie_fields do."""
        if "event_id" not in vals:
            return
        moved = self.filtered(lambda a: a.event_id.id != vals["event_id"])
        target = self.env["calendar.event"].browse(
            vals["event_id"] if isinstance(vals["event_id"], int) else []
        )
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

    def _vstbpn_check_attendance_changeable(self, events, vals=None):
        """On a committee's meeting, attendance (who is invited, their answer,
        presence) is changed by those who may change the meeting, and by no
        one once its minutes are issued. An attendee answers their own
        invitation; correcting presence is the officers' job."""
        events = events.sudo().filtered("vstbpn_committee_id")
        if not events:
            return
        if events.filtered(lambda e: e.vstbpn_minutes_state == "issued"):
            raise UserError(
                self.env._(
                    "The minutes of this meeting have been issued: attendance can "
                    "no longer be changed."
                )
            )
        if vals is not None and self._vstbpn_is_own_answer(vals):
            return
        correcting = vals and {"vstbpn_attended", "vstbpn_attendance_note"} & set(vals)
        if correcting and not self.env.user.has_group("vstbpn_committee.group_officer"):
            raise AccessError(
                self.env._("Only the committee's officers correct the attendance.")
            )
        events = events.with_env(self.env)
        if events - events._filtered_access("write"):
            raise AccessError(
                self.env._(
                    "Only those who may change this meeting (the officers of its "
                    "committee and of the committees above) change who attends it "
                    "and how."
                )
            )

    def _vstbpn_is_own_answer(self, vals):
        """Whether the user is answering their own invitation."""
        return (
            bool(self)
            and set(vals) <= ANSWER_FIELDS
            and self.partner_id == self.env.user.partner_id
        )
