from datetime import date

from .common import VstbpnCommitteeCase


class VstbpnOperationsCase(VstbpnCommitteeCase):
    """The committee tree of ``VstbpnCommitteeCase`` with what the year's work
    needs: a budget category and a programme from the seeded data, and
    helpers that build a work plan, an inspection plan or a meeting."""

    YEAR = 2026

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.Plan = cls.env["vstbpn.work.plan"]
        cls.Task = cls.env["vstbpn.work.plan.task"]
        cls.Line = cls.env["vstbpn.work.plan.budget.line"]
        cls.InspectionPlan = cls.env["vstbpn.inspection.plan"]
        cls.Inspection = cls.env["vstbpn.inspection"]
        cls.Event = cls.env["calendar.event"]
        cls.cat_training = cls.env.ref("vstbpn_committee.budget_category_training")
        cls.cat_communication = cls.env.ref(
            "vstbpn_committee.budget_category_communication"
        )
        cls.strategy = cls.env.ref("vstbpn_committee.programme_strategy_2021_2030")
        cls.areas = cls.env["vstbpn.inspection.area"].search([])

    @classmethod
    def _plan(cls, committee, user=None, year=None, lines=None, tasks=None):
        """A draft work plan of ``committee``, created by ``user`` (its own
        officer by default) with one task and the given budget lines."""
        year = year or cls.YEAR
        Plan = cls.Plan.with_user(user) if user else cls.Plan
        tasks = (
            tasks
            if tasks is not None
            else [
                {
                    "name": "Tổ chức Tháng hành động",
                    "work_area": "action_month",
                    "programme_id": cls.strategy.id,
                    "date_deadline": date(year, 12, 15),
                }
            ]
        )
        lines = (
            lines
            if lines is not None
            else [
                {
                    "category_id": cls.cat_training.id,
                    "name": "Tập huấn",
                    "quantity": 2,
                    "unit_cost": 25_000_000,
                },
                {
                    "category_id": cls.cat_communication.id,
                    "name": "Pa-nô",
                    "quantity": 10,
                    "unit_cost": 1_500_000,
                    "funding_source": "contribution",
                },
            ]
        )
        return Plan.create(
            {
                "committee_id": committee.id,
                "year": year,
                "task_ids": [(0, 0, vals) for vals in tasks],
                "budget_line_ids": [(0, 0, vals) for vals in lines],
            }
        )

    @classmethod
    def _inspection_plan(cls, inspector, units, user=None, leader=None):
        """A draft inspection plan of ``inspector`` over ``units``, visits
        in September, with ``leader`` (a user) leading the team."""
        Plan = cls.InspectionPlan.with_user(user) if user else cls.InspectionPlan
        leader = leader or cls.officer_p
        plan = Plan.create(
            {
                "committee_id": inspector.id,
                "year": cls.YEAR,
                "team_ids": [
                    (
                        0,
                        0,
                        {
                            "role": "leader",
                            "partner_id": leader.partner_id.id,
                            "user_id": leader.id,
                        },
                    ),
                    (0, 0, {"role": "member", "partner_id": cls.alice.id}),
                ],
                "inspection_ids": [
                    (
                        0,
                        0,
                        {
                            "committee_id": unit.id,
                            "date_start": date(cls.YEAR, 9, 10 + index),
                            "date_end": date(cls.YEAR, 9, 10 + index),
                        },
                    )
                    for index, unit in enumerate(units)
                ],
            }
        )
        return plan
