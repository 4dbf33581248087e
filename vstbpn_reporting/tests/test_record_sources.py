import importlib.util
from datetime import date, datetime
from unittest.mock import patch

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import tagged
from odoo.tools import file_path

from .common import VstbpnReportingCase

# The sources this file tests, and the indicators that use them.
SOURCED = {
    "meetings": "vstbpn_reporting.indicator_act_meetings",
    "documents": "vstbpn_reporting.indicator_act_documents",
    "courses": "vstbpn_reporting.indicator_act_trainings",
    "participants": "vstbpn_reporting.indicator_act_training_participants",
    "inspections": "vstbpn_reporting.indicator_act_inspections",
    "plan": "vstbpn_reporting.indicator_act_work_plan",
    "recommendations": "vstbpn_reporting.indicator_act_recommendations",
    "followed_up": "vstbpn_reporting.indicator_act_recommendations_followed_up",
    "budget": "vstbpn_reporting.indicator_act_budget_estimated",
    "spent": "vstbpn_reporting.indicator_act_budget",
    "from_province": "vstbpn_reporting.indicator_act_training_participants_province",
    "from_district": "vstbpn_reporting.indicator_act_training_participants_district",
}
SOURCES = {
    "meetings": "committee_meeting",
    "participants": "committee_training",
    "plan": "committee_work_plan",
}
IN_PERIOD = datetime(2017, 3, 10, 1)


@tagged("post_install", "-at_install")
class TestRecordSources(VstbpnReportingCase):
    """The committee's own records fill the activity indicators: meetings
    held, guidance issued to the units below, trainings and their
    participants, inspections and their recommendations, the adopted work
    plan and its budget. Only the unit's own records of the period count,
    once final; the unit may correct a figure with a reason; a submitted
    report keeps its figures."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ind = {key: cls.env.ref(xmlid) for key, xmlid in SOURCED.items()}
        # the base class switches these off for the tests that type them
        for key, source in SOURCES.items():
            cls.ind[key].source = source
        cls.typed = cls.env.ref("vstbpn_reporting.indicator_act_communication_events")
        cls.template = cls.env["vstbpn.report.template"].create(
            {
                "name": "Activities from the records",
                "kind": "semi_annual",
                "line_ids": [
                    Command.create({"sequence": i, "indicator_id": indicator.id})
                    for i, indicator in enumerate([*cls.ind.values(), cls.typed])
                ],
            }
        )
        cls.Event = cls.env["calendar.event"]
        cls.level = cls.env.ref("vstbpn_committee.level_district")

    # RECORDS

    def _event(
        self,
        committee,
        event_type="regular_meeting",
        start=IN_PERIOD,
        held=True,
        participants=None,
    ):
        event = self.Event.create(
            {
                "name": f"{event_type} of {committee.code}",
                "vstbpn_committee_id": committee.id,
                "vstbpn_event_type": event_type,
                "start": start,
                "stop": start.replace(hour=start.hour + 2),
                "vstbpn_minutes": "<p>Biên bản</p>",
                "vstbpn_participation_ids": [
                    Command.create(
                        {
                            "level_id": (level[0] if level else self.level).id,
                            "female": f,
                            "male": m,
                        }
                    )
                    # (women, men) of the default level, or (women, men, level)
                    for f, m, *level in participants or []
                ],
            }
        )
        if held:
            event.action_vstbpn_issue_minutes()
        return event

    def _document(self, issuer, addressees, day=date(2017, 4, 18), state="issued"):
        document = self.env["vstbpn.document"].create(
            {
                "committee_id": issuer.id,
                "subject": "Hướng dẫn triển khai",
                "date": day,
                "addressee_committee_ids": [Command.set(addressees.ids)],
            }
        )
        document._vstbpn_trusted_write({"state": state})
        self.env["vstbpn.document.recipient"].sudo().create(
            [{"document_id": document.id, "committee_id": c.id} for c in addressees]
        )
        return document

    def _inspection(
        self,
        inspector,
        unit,
        concluded=date(2017, 5, 20),
        recommendations=0,
        accepted=0,
    ):
        plan = self.env["vstbpn.inspection.plan"].create(
            {
                "committee_id": inspector.id,
                "year": concluded.year,
                "inspection_ids": [Command.create({"committee_id": unit.id})],
            }
        )
        inspection = plan.inspection_ids
        found = self.env["vstbpn.inspection.recommendation"].create(
            [
                {
                    "inspection_id": inspection.id,
                    "name": f"Kiến nghị {i}",
                    "deadline": date(2017, 12, 31),
                }
                for i in range(recommendations)
            ]
        )
        inspection._vstbpn_trusted_write(
            {"state": "concluded", "date_concluded": concluded}
        )
        found[:accepted]._vstbpn_trusted_write({"state": "accepted"})
        return inspection

    def _work_plan(self, committee, approved=date(2017, 1, 25), state="approved"):
        plan = self.env["vstbpn.work.plan"].create(
            {
                "committee_id": committee.id,
                "year": 2017,
                "budget_line_ids": [
                    Command.create(
                        {
                            "category_id": self.env.ref(
                                "vstbpn_committee.budget_category_training"
                            ).id,
                            "name": "Tập huấn",
                            "quantity": 2,
                            "unit_cost": 25_000_000,
                        }
                    )
                ],
            }
        )
        plan._vstbpn_trusted_write({"state": state, "date_approved": approved})
        return plan

    def _expense(self, plan, day, amount):
        return self.env["vstbpn.work.plan.expense"].create(
            {
                "plan_id": plan.id,
                "date": day,
                "name": "Chi tập huấn",
                "category_id": self.env.ref(
                    "vstbpn_committee.budget_category_training"
                ).id,
                "amount": amount,
            }
        )

    # HELPERS

    def _open(self):
        self._open_period_with_reports()

    def _figure(self, report, key):
        line = self._value(report, self.ind[key])
        line.invalidate_recordset()
        if line.by_sex:
            return (line.female, line.male, line.total)
        if line.value_type == "boolean":
            return line.value_bool
        return line.value_number

    def _figures(self, report):
        return {key: self._figure(report, key) for key in self.ind}

    # TESTS

    def test_each_source_counts_the_units_own_final_records_of_the_period(self):
        a, b, p = self.district_a, self.district_b, self.province
        # meetings: regular and extraordinary held; not held, out of the
        # period, not a meeting, a sibling's: not counted
        self._event(a)
        self._event(a, "extraordinary_meeting")
        self._event(a, held=False)
        self._event(a, start=datetime(2017, 7, 3, 1))
        self._event(a, "workshop")
        self._event(b)
        # trainings held, with their participants by sex and by the level
        # they came from (the district's own, the province's)
        province_level = self.env.ref("vstbpn_committee.level_province")
        self._event(a, "training", participants=[(21, 9), (4, 1, province_level)])
        self._event(a, "training", held=False, participants=[(5, 5)])
        self._event(b, "training", participants=[(1, 2)])
        # guidance issued by the province to the districts; a draft and a
        # document to no unit do not count
        self._document(p, a | b)
        self._document(p, a, state="draft")
        self._document(p, self.env["vstbpn.committee"])
        # the province inspected A: 3 recommendations, 1 followed up; an
        # inspection concluded after the period does not count
        self._inspection(p, a, recommendations=3, accepted=1)
        self._inspection(p, b, concluded=date(2017, 9, 1), recommendations=2)
        # A adopted its plan and spent on it, in the period and after it;
        # B's is still submitted
        plan_a = self._work_plan(a)
        self._expense(plan_a, date(2017, 3, 2), 12_000_000)
        self._expense(plan_a, date(2017, 8, 2), 5_000_000)
        self._work_plan(b, state="submitted")

        self._open()

        self.assertEqual(
            self._figures(self.report_a),
            {
                "meetings": 2,
                "documents": 0,
                "courses": 1,
                "participants": (25, 10, 35),
                "inspections": 0,
                "plan": True,
                "recommendations": 0,
                "followed_up": 0,
                "budget": 50_000_000,
                "spent": 12_000_000,
                "from_province": (4, 1, 5),
                "from_district": (21, 9, 30),
            },
        )
        self.assertEqual(
            self._figures(self.report_b),
            {
                "meetings": 1,
                "documents": 0,
                "courses": 1,
                "participants": (1, 2, 3),
                "inspections": 0,
                "plan": False,
                "recommendations": 0,
                "followed_up": 0,
                "budget": 0,
                "spent": 0,
                "from_province": (0, 0, 0),
                "from_district": (1, 2, 3),
            },
        )
        self.assertEqual(
            self._figures(self.report_p),
            {
                "meetings": 0,
                "documents": 1,
                "courses": 0,
                "participants": (0, 0, 0),
                "inspections": 1,
                "plan": False,
                "recommendations": 3,
                "followed_up": 1,
                "budget": 0,
                "spent": 0,
                "from_province": (0, 0, 0),
                "from_district": (0, 0, 0),
            },
        )
        line = self._value(self.report_a, self.ind["meetings"])
        self.assertEqual(line.figure_origin, "records")
        self.assertEqual(line.automatic_figure, "2")

    def test_a_record_changed_after_submission_leaves_the_submitted_figure(self):
        self._event(self.district_a)
        self._open()
        self.report_a.with_user(self.officer_a).action_submit()
        # held later, recorded in the period: the submitted report keeps 1
        self._event(self.district_a)
        self._event(self.district_b)
        self.period.report_ids._fill_automatic_values()
        self.assertEqual(self._figure(self.report_a, "meetings"), 1)
        self.assertEqual(self._figure(self.report_b, "meetings"), 1)
        # a draft follows its records
        self.report_b.with_user(self.officer_b).action_fill_automatic_values()
        self.assertEqual(self._figure(self.report_b, "meetings"), 1)

    def test_a_correction_needs_its_reason_and_survives_the_refill(self):
        self._event(self.district_a)
        self._open()
        line = self._value(self.report_a, self.ind["meetings"]).with_user(
            self.officer_a
        )
        with self.assertRaisesText(ValidationError, "Nêu lý do"):
            self.vi(line).write({"value_number": 3})
        line.write({"value_number": 3, "correction_reason": "Hai cuộc họp ghi trên sổ"})
        self.assertTrue(line.is_corrected)
        self.assertEqual(line.figure_origin, "corrected")
        # more records: the records' figure follows, the unit's stays
        self._event(self.district_a)
        self.report_a.with_user(self.officer_a).action_fill_automatic_values()
        line.invalidate_recordset()
        self.assertEqual((line.value_number, line.automatic_number), (3, 2))
        self.assertEqual(line.result_number, 3)
        # the committee above reads the reason with the report
        above = line.with_user(self.officer_p)
        self.assertEqual(above.correction_reason, "Hai cuộc họp ghi trên sổ")
        # withdrawn: the records' figure again
        line.write({"is_corrected": False})
        self.assertEqual((line.value_number, line.correction_reason), (2, False))
        self.assertEqual(line.figure_origin, "records")
        # the same figure as the records' is no correction
        line.write({"value_number": 2})
        self.assertFalse(line.is_corrected)

    def test_the_officer_opens_the_records_a_figure_counts(self):
        held = self._event(self.district_a) | self._event(
            self.district_a, "extraordinary_meeting"
        )
        self._event(self.district_a, held=False)
        self._event(self.district_b)
        self._open()
        line = self._value(self.report_a, self.ind["meetings"])
        action = line.with_user(self.officer_a).action_open_counted_records()
        self.assertEqual(action["res_model"], "calendar.event")
        counted = self.Event.with_user(self.officer_a).search(action["domain"])
        self.assertEqual(counted, held)
        # a sibling does not read A's report, nor its records
        with self.assertRaises(AccessError):
            line.with_user(self.officer_b).action_open_counted_records()
        typed = self._value(self.report_a, self.typed)
        self.assertEqual(typed.figure_origin, "typed")
        with self.assertRaisesText(UserError, "is not counted from the unit's records"):
            typed.with_user(self.officer_a).action_open_counted_records()

    def test_participants_of_one_level_open_their_trainings(self):
        province_level = self.env.ref("vstbpn_committee.level_province")
        with_province = self._event(
            self.district_a, "training", participants=[(4, 1, province_level)]
        )
        self._event(self.district_a, "training", participants=[(3, 3)])
        self._open()
        line = self._value(self.report_a, self.ind["from_province"])
        self.assertEqual((line.female, line.male, line.total), (4, 1, 5))
        action = line.with_user(self.officer_a).action_open_counted_records()
        counted = self.Event.with_user(self.officer_a).search(action["domain"])
        self.assertEqual(counted, with_province)
        # the source counts one level: the indicator names it
        with self.assertRaisesText(ValidationError, "Cấp của người tham dự"):
            self.vi(self.ind["from_province"]).write({"source_level_id": False})

    def test_the_fill_costs_the_same_queries_whatever_the_number_of_units(self):
        self._event(self.district_a, "training", participants=[(3, 2)])
        self._work_plan(self.district_a)
        few = self._open_period(name="Few units").report_ids
        self._add_districts(12, "QC-")
        many = self._open_period(
            name="Many units", date_from=date(2017, 1, 2)
        ).report_ids
        self.assertGreater(len(many), len(few) + 10)
        Source = self.env["vstbpn.figure.source"]
        keys = list(Source._sources())

        def queries(reports):
            self.env.invalidate_all()
            before = self.env.cr.sql_log_count
            Source._fill(reports, keys)
            return self.env.cr.sql_log_count - before

        queries(few)  # warm the caches of the registry and the indicators
        self.assertEqual(queries(few), queries(many))
        participants = self._value(
            many.filtered(lambda r: r.committee_id == self.district_a),
            self.ind["participants"],
        )
        self.assertEqual(participants.total, 5)

    def test_opening_writes_only_the_figures_records_give(self):
        """Lines of a source are born filled with zero figures: the fill
        writes only the lines its records give something else, and a refill
        that changes nothing writes nothing."""
        self._event(self.district_a)
        Value = self.env.registry["vstbpn.report.value"]
        with patch.object(
            Value,
            "_write_own_figures",
            autospec=True,
            side_effect=Value._write_own_figures,
        ) as write:
            self._open()
        written = {line_id for call in write.call_args_list for line_id in call.args[1]}
        meetings = self._value(self.report_a, self.ind["meetings"])
        self.assertEqual(written, set(meetings.ids))
        self.assertEqual(meetings.value_number, 1)
        # born filled: from records, with zero figures, as the fill would say
        empty = self._value(self.report_b, self.ind["participants"])
        self.assertEqual(empty.figure_origin, "records")
        self.assertEqual((empty.female, empty.male, empty.total), (0, 0, 0))
        self.assertEqual(self._value(self.report_b, self.typed).figure_origin, "typed")
        with patch.object(Value, "_write_own_figures", autospec=True) as write:
            self.report_a._fill_automatic_values()
        write.assert_not_called()
        # a figure the records change again is written
        self._event(self.district_a, "extraordinary_meeting")
        self.report_a._fill_automatic_values()
        meetings.invalidate_recordset()
        self.assertEqual(meetings.value_number, 2)

    def test_the_upgrade_gives_the_sources_and_keeps_the_typed_figures(self):
        """18.0.1.3.0 (post-sources.py): the shipped indicators get their
        sources; what a unit typed on a draft stays, as a correction."""
        migration = _load_migration("18.0.1.3.0", "post-sources.py")
        self.ind["meetings"].source = False
        self._open()
        typed = self._value(self.report_a, self.ind["meetings"])
        typed.write({"value_number": 4})
        self._event(self.district_a)
        migration.migrate(self.env.cr, "18.0.1.2.0")
        self.assertEqual(self.ind["meetings"].source, "committee_meeting")
        self.assertTrue(typed.is_corrected)
        self.assertIn("trước khi hệ thống tự tổng hợp", typed.correction_reason)
        self.period.report_ids._fill_automatic_values()
        typed.invalidate_recordset()
        self.assertEqual((typed.value_number, typed.automatic_number), (4, 1))
        untouched = self._value(self.report_b, self.ind["meetings"])
        self.assertFalse(untouched.is_corrected)


def _load_migration(version, name):
    path = file_path(f"vstbpn_reporting/migrations/{version}/{name}")
    spec = importlib.util.spec_from_file_location(f"vstbpn_migration_{version}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
