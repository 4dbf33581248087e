import re
from datetime import date

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

from odoo.addons.vstbpn_committee.core.models.vstbpn_request_mixin import REQUEST_MODES
from odoo.addons.vstbpn_committee.tools import window_action

DEFAULT_DEADLINES = {"semi_annual": (6, 15), "annual": (12, 15)}
# A reminder earlier than a quarter before the deadline reminds of nothing.
MAX_REMINDER_DAYS = 90
# ASCII digits only: int() would also take other scripts' digits.
REMINDER_DAYS_PATTERN = re.compile(r"[0-9]{1,3}")


class VstbpnReportPeriod(models.Model):
    """A reporting round: one committee asks those below it for a report by a deadline.

    Opening the period creates every target committee's report at once and
    gives the officers of each committee a "submit the report" activity due at
    the deadline; closing it refuses further submissions.
    """

    _name = "vstbpn.report.period"
    _description = "Reporting Period"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "vstbpn.committee.owned.mixin",
        "vstbpn.request.mixin",
    ]
    _order = "date_to desc, id desc"
    _vstbpn_tie_fields = ("committee_id",)
    # a period asks reports of the units below only
    _vstbpn_link_scopes = {"target_committee_ids": "below"}
    _vstbpn_derived_fields = ("state",)
    _vstbpn_request_mode_field = "target_mode"
    _vstbpn_request_level_field = "target_level_id"
    _vstbpn_request_target_field = "target_committee_ids"
    _vstbpn_request_child_model = "vstbpn.report"
    _vstbpn_request_child_field = "period_id"
    # no "created" note on each report (thousands in one opening, a tenth of
    # its time): its chatter starts with the activity asking for it, as the
    # documents' recipients and the Action Month's plans do
    _vstbpn_request_child_context = {"mail_create_nolog": True}

    name = fields.Char(required=True, tracking=True)
    template_id = fields.Many2one(
        "vstbpn.report.template", required=True, tracking=True, ondelete="restrict"
    )
    kind = fields.Selection(related="template_id.kind", store=True)
    committee_id = fields.Many2one(string="Requesting Committee")
    target_mode = fields.Selection(
        REQUEST_MODES,
        string="Who Reports",
        required=True,
        default="all",
    )
    target_level_id = fields.Many2one(
        "vstbpn.committee.level",
        string="Level Reporting",
        help="In the 'One level' choice: the units below of this level report.",
    )
    include_requester = fields.Boolean(
        string="Requesting Committee Reports Too",
        default=True,
        help="The requesting committee also files a report, consolidated from the "
        "reports below it, for the committee above it.",
    )
    target_committee_ids = fields.Many2many(
        "vstbpn.committee",
        "vstbpn_report_period_target_rel",
        "period_id",
        "committee_id",
        string="Reporting Committees",
        compute="_compute_vstbpn_request_targets",
        store=True,
        readonly=False,
        help="The units below that report; the requesting committee reports too "
        "where asked.",
    )
    date_from = fields.Date(string="Covered From", required=True, tracking=True)
    date_to = fields.Date(string="Covered To", required=True, tracking=True)
    deadline = fields.Date(
        compute="_compute_deadline",
        store=True,
        readonly=False,
        required=True,
        precompute=True,
        tracking=True,
        help="Defaults to 15 June for semi-annual and 15 December for annual reports "
        "of the year covered.",
    )
    reminder_days = fields.Char(
        string="Reminders (days before)",
        default="7,1",
        required=True,
        help="Officers are reminded this many days before the deadline, "
        "e.g. 7,1 for a week and a day before.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("open", "Open"), ("closed", "Closed")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    report_ids = fields.One2many("vstbpn.report", "period_id", string="Reports")
    report_count = fields.Integer(compute="_compute_report_stats")
    submitted_count = fields.Integer(
        string="Submitted", compute="_compute_report_stats"
    )
    accepted_count = fields.Integer(string="Accepted", compute="_compute_report_stats")
    late_count = fields.Integer(string="Late", compute="_compute_report_stats")
    missing_count = fields.Integer(string="Missing", compute="_compute_report_stats")
    on_time_rate = fields.Float(
        string="On-time Rate (%)", compute="_compute_report_stats"
    )

    @api.depends("template_id", "date_to")
    def _compute_deadline(self):
        for period in self:
            if not period.date_to:
                continue
            month_day = DEFAULT_DEADLINES.get(period.template_id.kind)
            if month_day:
                period.deadline = date(period.date_to.year, *month_day)
            else:
                period.deadline = period.date_to

    def _compute_report_stats(self):
        stats = {
            (period.id, status, state): count
            for period, status, state, count in self.env["vstbpn.report"]._read_group(
                [("period_id", "in", self.ids)],
                ["period_id", "submission_status", "state"],
                ["__count"],
            )
        }
        for period in self:
            counts = {
                key[1:]: count for key, count in stats.items() if key[0] == period.id
            }
            by_status = {}
            by_state = {}
            for (status, state), count in counts.items():
                by_status[status] = by_status.get(status, 0) + count
                by_state[state] = by_state.get(state, 0) + count
            period.report_count = sum(counts.values())
            period.submitted_count = by_state.get("submitted", 0)
            period.accepted_count = by_state.get("accepted", 0)
            period.late_count = by_status.get("late", 0)
            period.missing_count = by_status.get("missing", 0)
            due = sum(by_status.get(s, 0) for s in ("on_time", "late", "missing"))
            period.on_time_rate = (
                100.0 * by_status.get("on_time", 0) / due if due else 0.0
            )

    @api.constrains("date_from", "date_to")
    def _check_dates(self):
        for period in self:
            if period.date_from > period.date_to:
                raise ValidationError(
                    self.env._(
                        "Period %(name)s ends before it starts: check the dates "
                        "covered.",
                        name=period.name,
                    )
                )

    @api.constrains("date_from", "deadline")
    def _check_deadline(self):
        for period in self:
            if (
                period.deadline
                and period.date_from
                and period.deadline < period.date_from
            ):
                raise ValidationError(
                    self.env._(
                        "The deadline of period %(name)s (%(deadline)s) is before the "
                        "period starts (%(date_from)s): choose a deadline on or after "
                        "the first day covered.",
                        name=period.name,
                        deadline=format_date(self.env, period.deadline),
                        date_from=format_date(self.env, period.date_from),
                    )
                )

    @api.constrains("reminder_days")
    def _check_reminder_days(self):
        for period in self:
            wrong = period._parse_reminder_days()[1]
            if wrong:
                # shortened, and outside the call: babel cannot read f-strings
                # among the arguments of a translated message
                shown = wrong[0] if len(wrong[0]) <= 20 else wrong[0][:20] + "…"
                raise ValidationError(
                    self.env._(
                        "Reminders of period %(name)s: “%(wrong)s” is not a number of "
                        "days. Write whole numbers from 0 to %(max)s separated by "
                        "commas, e.g. 7,1.",
                        name=period.name,
                        wrong=shown,
                        max=MAX_REMINDER_DAYS,
                    )
                )

    def _get_reminder_offsets(self):
        """The days before the deadline to remind on; what is not one is ignored
        (only periods written before the rule could hold any)."""
        self.ensure_one()
        return self._parse_reminder_days()[0]

    def _parse_reminder_days(self):
        """({offset}, [what is not an offset]) read from the reminders field."""
        self.ensure_one()
        offsets, wrong = set(), []
        for part in (self.reminder_days or "").split(","):
            part = part.strip()
            if not part:
                continue
            if REMINDER_DAYS_PATTERN.fullmatch(part) and int(part) <= MAX_REMINDER_DAYS:
                offsets.add(int(part))
            else:
                wrong.append(part)
        return offsets, wrong

    # CRUD

    def write(self, vals):
        if self.filtered(lambda p: p.state == "closed") and set(vals) & {
            "template_id",
            "committee_id",
            "date_from",
            "date_to",
            "deadline",
        }:
            raise UserError(self.env._("A closed period can no longer be changed."))
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_if_draft(self):
        if self.filtered(lambda p: p.state != "draft"):
            raise UserError(
                self.env._(
                    "Only draft periods can be deleted; close the period instead."
                )
            )

    # ACTIONS

    def action_open(self):
        """Create the missing reports in one batch and ask each committee to submit."""
        self.check_access("write")
        for period in self:
            if period.state != "draft":
                raise UserError(
                    self.env._(
                        "Period %(name)s is already open or closed.", name=period.name
                    )
                )
            if not period._vstbpn_request_child_committees():
                raise UserError(
                    self.env._(
                        "Period %(name)s has no reporting committees: choose at "
                        "least one.",
                        name=period.name,
                    )
                )
        reports = self._vstbpn_request_fan_out().filtered(lambda r: r.state == "draft")
        # the lines every source fills are born filled: the fill then writes
        # only the figures the records give, not each line a second time
        reports._prepare_lines(
            filled=self.env["vstbpn.figure.source"]._get_indicators_filled(reports)
        )
        reports._fill_and_check_automatic_values()
        reports._vstbpn_schedule_todo()
        self._vstbpn_trusted_write({"state": "open"})
        return True

    def action_close(self):
        self.check_access("write")
        self.filtered(lambda p: p.state == "open")._vstbpn_trusted_write(
            {"state": "closed"}
        )
        return True

    def action_reopen(self):
        self.check_access("write")
        self.filtered(lambda p: p.state == "closed")._vstbpn_trusted_write(
            {"state": "open"}
        )
        return True

    def action_open_reports(self):
        self.ensure_one()
        return window_action(
            self.env,
            "vstbpn_reporting.vstbpn_report_action",
            [("period_id", "=", self.id)],
            {"default_period_id": self.id},
        )

    def _vstbpn_request_includes_requester(self):
        return self.include_requester
