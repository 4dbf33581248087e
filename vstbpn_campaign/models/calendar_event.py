from odoo import fields, models


class CalendarEvent(models.Model):
    """An Action Month activity on the calendar is an event of its unit's
    committee: the committee's rules (who reads it, who changes its
    attendance) hold for it as for the committee's meetings."""

    _inherit = "calendar.event"

    vstbpn_event_type = fields.Selection(
        selection_add=[("campaign_activity", "Action Month activity")],
        ondelete={"campaign_activity": "set null"},
    )
