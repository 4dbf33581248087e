from datetime import datetime

from odoo import Command
from odoo.tests import tagged

from .common import VstbpnReportingCase


@tagged("post_install", "-at_install")
class TestTrainingSource(VstbpnReportingCase):
    """An indicator can take its figures from the trainings a committee
    records in its calendar and held (minutes issued): participants by sex,
    without retyping them."""

    def test_trainings_fill_the_indicator_by_sex(self):
        self.ind_participants.source = "committee_training"
        level = self.env.ref("vstbpn_committee.level_district")
        Event = self.env["calendar.event"]
        trainings = Event.create(
            [
                {
                    "name": "Training on gender equality law",
                    "vstbpn_committee_id": self.district_a.id,
                    "vstbpn_event_type": "training",
                    "start": datetime(2017, 3, 10, 8),
                    "stop": datetime(2017, 3, 10, 11),
                    "vstbpn_participation_ids": [
                        Command.create({"level_id": level.id, "female": 21, "male": 9})
                    ],
                },
                {
                    # outside the period covered: not counted
                    "name": "Autumn training",
                    "vstbpn_committee_id": self.district_a.id,
                    "vstbpn_event_type": "training",
                    "start": datetime(2017, 9, 10, 8),
                    "stop": datetime(2017, 9, 10, 11),
                    "vstbpn_participation_ids": [
                        Command.create({"level_id": level.id, "female": 5, "male": 5})
                    ],
                },
                {
                    # not held yet (minutes not issued): not counted
                    "name": "Planned training",
                    "vstbpn_committee_id": self.district_a.id,
                    "vstbpn_event_type": "training",
                    "start": datetime(2017, 4, 10, 8),
                    "stop": datetime(2017, 4, 10, 11),
                    "vstbpn_participation_ids": [
                        Command.create({"level_id": level.id, "female": 7, "male": 7})
                    ],
                },
            ]
        )
        held = trainings[:2]
        held.vstbpn_minutes = "<p>Đã tập huấn</p>"
        held.action_vstbpn_issue_minutes()
        self._open_period_with_reports()
        value = self._value(self.report_a, self.ind_participants)
        self.assertEqual((value.female, value.male, value.total), (21, 9, 30))
        untrained = self._value(self.report_b, self.ind_participants)
        self.assertEqual(untrained.total, 0)
        # without HR departments, filling again still works for this source
        self.report_a.with_user(self.officer_a).action_fill_automatic_values()
        self.assertEqual(value.total, 30)
