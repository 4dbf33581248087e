from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ...tools import count_by, window_action

PROGRAMME_TYPES = [
    ("resolution", "Resolution"),
    ("strategy", "Strategy"),
    ("programme", "Programme"),
    ("project", "Policy Project"),
    ("plan", "Plan"),
    ("decision", "Decision"),
    ("other", "Other"),
]


class VstbpnProgramme(models.Model):
    """A policy instrument committees carry out: a resolution, a national
    strategy and its action programme, a project such as Decision 515/QĐ-TTg on
    female cadres (§3 of the 2017 directive).

    National instruments are shared data, kept by administrators. A committee
    may add its own (a province's plan carrying out the national strategy):
    it is then the adopting committee, which ties the programme to its subtree.
    Plan tasks, meetings, trainings and inspection findings point to the
    programme they serve.
    """

    _name = "vstbpn.programme"
    _description = "Programme"
    _inherit = ["mail.thread", "vstbpn.integrity.mixin"]
    _order = "sequence, date desc, id"
    _rec_names_search = ["name", "number"]
    _vstbpn_tie_fields = ("issuing_committee_id",)
    _vstbpn_max_lengths = {"number": 64}

    name = fields.Char(required=True, translate=True, tracking=True)
    number = fields.Char(
        string="Number and Symbol",
        tracking=True,
        help="Number and symbol, e.g. '28/NQ-CP' or '515/QĐ-TTg'.",
    )
    programme_type = fields.Selection(
        PROGRAMME_TYPES, string="Type", required=True, default="programme"
    )
    date = fields.Date(string="Issue Date", tracking=True)
    issuer = fields.Char(
        translate=True,
        tracking=True,
        help="The body that issued it: the Politburo, the Government, the Prime "
        "Minister, a provincial People's Committee...",
    )
    date_from = fields.Date(string="Period Start", tracking=True)
    date_to = fields.Date(string="Period End", tracking=True)
    parent_id = fields.Many2one(
        "vstbpn.programme",
        string="Carries Out",
        index="btree_not_null",
        ondelete="restrict",
        help="The instrument this one implements, e.g. a Government action "
        "programme implementing a Politburo resolution.",
    )
    child_ids = fields.One2many(
        "vstbpn.programme", "parent_id", string="Implementing Instruments"
    )
    issuing_committee_id = fields.Many2one(
        "vstbpn.committee",
        string="Adopted By",
        index="btree_not_null",
        ondelete="restrict",
        tracking=True,
        help="For a local instrument, the committee that adopted it and keeps it "
        "up to date; empty for national instruments, which administrators keep.",
    )
    lead_partner_id = fields.Many2one(
        "res.partner", string="Lead Agency", tracking=True
    )
    coordinating_partner_ids = fields.Many2many(
        "res.partner",
        "vstbpn_programme_coordinating_partner_rel",
        "programme_id",
        "partner_id",
        string="Coordinating Agencies",
    )
    description = fields.Html()
    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    task_count = fields.Integer(compute="_compute_counts", string="Planned Tasks")
    task_done_count = fields.Integer(compute="_compute_counts", string="Tasks Done")
    event_count = fields.Integer(compute="_compute_counts", string="Activities")
    finding_count = fields.Integer(compute="_compute_counts", string="Findings")

    @api.depends("name", "number")
    def _compute_display_name(self):
        for programme in self:
            programme.display_name = (
                f"{programme.number} - {programme.name}"
                if programme.number
                else programme.name
            )

    @api.depends_context("uid")
    def _compute_counts(self):
        """What was planned and done under each programme, as far as the user
        sees: one grouped query per kind of record."""
        current = [("plan_id.is_current", "=", True)]
        task = "vstbpn.work.plan.task"
        tasks = count_by(self, task, "programme_id", current)
        done = count_by(self, task, "programme_id", current + [("state", "=", "done")])
        events = count_by(self, "calendar.event", "vstbpn_programme_ids")
        findings = count_by(self, "vstbpn.inspection.finding", "programme_id")
        for programme in self:
            programme.task_count = tasks.get(programme, 0)
            programme.task_done_count = done.get(programme, 0)
            programme.event_count = events.get(programme, 0)
            programme.finding_count = findings.get(programme, 0)

    @api.constrains("date_from", "date_to")
    def _check_period(self):
        for programme in self:
            if (
                programme.date_from
                and programme.date_to
                and programme.date_to < programme.date_from
            ):
                raise ValidationError(
                    self.env._(
                        "The period of %(programme)s ends before it starts: check "
                        "its start and end dates.",
                        programme=programme.display_name,
                    )
                )

    @api.constrains("parent_id")
    def _check_parent(self):
        if self._has_cycle():
            raise ValidationError(
                self.env._(
                    "A programme cannot carry out itself, directly or through "
                    "another one: choose another instrument it carries out."
                )
            )

    # ACTIONS: what was planned and done under it, per committee

    def action_open_tasks(self):
        self.ensure_one()
        action = window_action(
            self.env,
            "vstbpn_committee.vstbpn_work_plan_task_action",
            [("programme_id", "=", self.id), ("plan_id.is_current", "=", True)],
            {"search_default_group_committee": 1, "search_default_group_state": 1},
        )
        action["view_mode"] = "pivot,list,form"
        action["views"] = [(False, mode) for mode in ("pivot", "list", "form")]
        return action

    def action_open_events(self):
        self.ensure_one()
        return window_action(
            self.env,
            "vstbpn_committee.calendar_event_vstbpn_action",
            [("vstbpn_programme_ids", "in", self.ids)],
            {"search_default_group_committee": 1},
        )

    def action_open_findings(self):
        self.ensure_one()
        return window_action(
            self.env,
            "vstbpn_committee.vstbpn_inspection_finding_action",
            [("programme_id", "=", self.id)],
            {"search_default_group_committee": 1},
        )
