from datetime import timedelta

from odoo import api, fields, models

from ...tools import figures_by_committee

MEETING_TYPES = ("regular_meeting", "extraordinary_meeting")


class CalendarEvent(models.Model):
    """The meetings and trainings a committee held, counted for the reporting
    indicators' automatic sources: ``{committee id: (female, male, total)}``
    in one grouped read for all the committees, and the domain of the events
    counted, which the report opens from the figure.

    An event counts for its own committee only (never the units above or
    beside it), once held: its minutes issued, which also freezes the
    figures it holds (type, dates, participants).
    """

    _inherit = "calendar.event"

    @api.model
    def _vstbpn_held_domain(self, committees, date_from, date_to, event_types):
        return [
            ("vstbpn_committee_id", "in", committees.ids),
            ("vstbpn_event_type", "in", list(event_types)),
            ("vstbpn_minutes_state", "=", "issued"),
            ("start", ">=", fields.Datetime.to_datetime(date_from)),
            ("start", "<", fields.Datetime.to_datetime(date_to) + timedelta(days=1)),
        ]

    @api.model
    def _vstbpn_meeting_domain(self, committees, date_from, date_to):
        """The regular and extraordinary meetings held in the period."""
        return self._vstbpn_held_domain(committees, date_from, date_to, MEETING_TYPES)

    @api.model
    def _vstbpn_meeting_figures(self, committees, date_from, date_to):
        return figures_by_committee(
            self,
            self._vstbpn_meeting_domain(committees, date_from, date_to),
            "vstbpn_committee_id",
        )

    @api.model
    def _vstbpn_training_domain(self, committees, date_from, date_to):
        """The trainings held in the period."""
        return self._vstbpn_held_domain(committees, date_from, date_to, ("training",))

    @api.model
    def _vstbpn_training_course_figures(self, committees, date_from, date_to):
        """How many trainings each committee held."""
        return figures_by_committee(
            self,
            self._vstbpn_training_domain(committees, date_from, date_to),
            "vstbpn_committee_id",
        )

    @api.model
    def _vstbpn_training_figures(self, committees, date_from, date_to):
        """The participants, women and men, of each committee's trainings;
        the reporting consolidates them up the tree."""
        return figures_by_committee(
            self,
            self._vstbpn_training_domain(committees, date_from, date_to),
            "vstbpn_committee_id",
            female="vstbpn_participant_female",
            male="vstbpn_participant_male",
        )

    @api.model
    def _vstbpn_training_level_domain(self, committees, date_from, date_to, level):
        """The trainings held in the period with participants of ``level``."""
        return self._vstbpn_training_domain(committees, date_from, date_to) + [
            ("vstbpn_participation_ids.level_id", "=", level.id)
        ]

    @api.model
    def _vstbpn_training_level_figures(self, committees, date_from, date_to, level):
        """The participants of one level (the province's officers, the
        communes'...) in each committee's trainings, women and men."""
        trainings = self._vstbpn_training_domain(committees, date_from, date_to)
        return figures_by_committee(
            self.env["vstbpn.training.participation"],
            [("event_id", "any", trainings), ("level_id", "=", level.id)],
            "event_committee_id",
            female="female",
            male="male",
        )
