from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

from odoo.addons.vstbpn_committee.tools import vn_today

ACTIVITY_STATES = [
    ("planned", "Planned"),
    ("done", "Done"),
    ("cancelled", "Cancelled"),
]
# More people than this at one activity is a typing error, not a crowd.
MAX_PARTICIPANTS = 1_000_000
# Online reach (views, shares) of one activity's posts.
MAX_REACH = 1_000_000_000
MAX_POSTS = 100_000
# What the results record once the activity has taken place.
RESULT_FIELDS = (
    "actual_female",
    "actual_male",
    "actual_total",
    "online_posts",
    "online_views",
    "online_shares",
    "photo_ids",
    "result_note",
)
SEXES = ("female", "male", "total")


class VstbpnCampaignActivity(models.Model):
    """One activity a unit runs for the Action Month: its format, topics and
    target groups, when and where (on the Odoo calendar), the partners and
    resources mobilised, the participants expected and counted by sex, the
    online reach of communication, photos and documents as evidence.

    Planned, then done (with its results) or cancelled (with a reason). Its
    results stay editable until the campaign is closed.
    """

    _name = "vstbpn.campaign.activity"
    _description = "Action Month Activity"
    _inherit = [
        "mail.thread",
        "vstbpn.committee.owned.mixin",
        "vstbpn.locked.workflow.mixin",
        "vstbpn.reason.mixin",
    ]
    _order = "date_start desc, id desc"
    _vstbpn_reason_actions = {"action_cancel": {"access": "write"}}
    _vstbpn_tie_fields = ("plan_id",)
    _vstbpn_derived_fields = (
        "state",
        "date_done",
        "cancel_reason",
        "calendar_event_id",
    )
    # closed campaigns lock their activities (see _vstbpn_locked_records)
    _vstbpn_state_field = "campaign_state"
    _vstbpn_editable_states = ("draft", "open")

    name = fields.Char(string="Title", required=True, tracking=True)
    plan_id = fields.Many2one(
        "vstbpn.campaign.plan",
        string="Plan",
        required=True,
        index=True,
        ondelete="restrict",
    )
    committee_id = fields.Many2one(
        related="plan_id.committee_id",
        store=True,
        index=True,
        precompute=True,
        tracking=False,
    )
    campaign_id = fields.Many2one(
        related="plan_id.campaign_id",
        store=True,
        index=True,
        precompute=True,
        string="Campaign",
    )
    campaign_state = fields.Selection(
        related="plan_id.campaign_id.state", string="Campaign Status"
    )
    parent_committee_id = fields.Many2one(
        related="committee_id.parent_id", string="Committee Above", store=True
    )
    format_id = fields.Many2one(
        "vstbpn.campaign.format",
        string="Format",
        required=True,
        index=True,
        ondelete="restrict",
        tracking=True,
    )
    is_online = fields.Boolean(related="format_id.is_online")
    topic_ids = fields.Many2many("vstbpn.campaign.topic", string="Topics")
    target_group_ids = fields.Many2many(
        "vstbpn.campaign.target.group", string="Target Groups"
    )
    programme_ids = fields.Many2many(
        "vstbpn.programme",
        "vstbpn_campaign_activity_programme_rel",
        "activity_id",
        "programme_id",
        string="Programmes",
        help="The strategies, programmes and projects the activity carries out.",
    )
    date_start = fields.Datetime(string="Start", required=True, tracking=True)
    date_end = fields.Datetime(string="End", required=True, tracking=True)
    location = fields.Char(string="Place", tracking=True)
    description = fields.Html()
    state = fields.Selection(
        ACTIVITY_STATES,
        default="planned",
        required=True,
        tracking=True,
        copy=False,
        index=True,
        group_expand="_expand_states",
    )
    date_done = fields.Date(readonly=True, copy=False)
    cancel_reason = fields.Text(readonly=True, copy=False, tracking=True)
    planned_female = fields.Integer(string="Expected Women")
    planned_male = fields.Integer(string="Expected Men")
    planned_total = fields.Integer(
        string="Expected Participants",
        compute="_compute_planned_total",
        store=True,
        readonly=False,
        precompute=True,
    )
    actual_female = fields.Integer(string="Women")
    actual_male = fields.Integer(string="Men")
    actual_total = fields.Integer(
        string="Participants",
        compute="_compute_actual_total",
        store=True,
        readonly=False,
        precompute=True,
        help="Everyone who took part; female + male where the sexes were counted.",
    )
    online_posts = fields.Integer(string="Posts")
    online_views = fields.Integer(
        string="Views", help="People reached online: views of the posts."
    )
    online_shares = fields.Integer(string="Shares")
    partner_line_ids = fields.One2many(
        "vstbpn.campaign.activity.partner",
        "activity_id",
        string="Partners and Resources",
        copy=True,
    )
    cash_amount = fields.Float(
        string="Cash (VND)",
        digits=(16, 0),
        compute="_compute_resources",
        store=True,
    )
    in_kind_value = fields.Float(
        string="In Kind (VND)",
        digits=(16, 0),
        compute="_compute_resources",
        store=True,
    )
    partner_count = fields.Integer(
        string="Partners", compute="_compute_resources", store=True
    )
    photo_ids = fields.Many2many(
        "ir.attachment",
        "vstbpn_campaign_activity_photo_rel",
        "activity_id",
        "attachment_id",
        string="Photos and Documents",
        copy=False,
        help="Evidence of the activity: photos taken with the phone's camera, "
        "the invitation, the attendance list...",
    )
    result_note = fields.Text(string="Short Note")
    calendar_event_id = fields.Many2one(
        "calendar.event", string="Calendar Event", readonly=True, copy=False
    )
    can_edit = fields.Boolean(compute="_compute_can_edit")

    def _expand_states(self, states, domain):
        return [state for state, _label in ACTIVITY_STATES]

    @api.depends("planned_female", "planned_male")
    def _compute_planned_total(self):
        for activity in self:
            if activity.planned_female or activity.planned_male:
                activity.planned_total = activity.planned_female + activity.planned_male

    @api.depends("actual_female", "actual_male")
    def _compute_actual_total(self):
        for activity in self:
            if activity.actual_female or activity.actual_male:
                activity.actual_total = activity.actual_female + activity.actual_male

    @api.depends(
        "partner_line_ids.cash_amount",
        "partner_line_ids.in_kind_value",
        "partner_line_ids.partner_id",
    )
    def _compute_resources(self):
        for activity in self:
            lines = activity.partner_line_ids
            activity.cash_amount = sum(lines.mapped("cash_amount"))
            activity.in_kind_value = sum(lines.mapped("in_kind_value"))
            activity.partner_count = len(lines.partner_id)

    @api.depends_context("uid")
    @api.depends("committee_id", "campaign_state")
    def _compute_can_edit(self):
        admin = self.env.user.has_group("vstbpn_committee.group_admin")
        own = self.env.user.vstbpn_allowed_committee_ids
        for activity in self:
            activity.can_edit = activity.campaign_state in ("draft", "open") and (
                admin or activity.committee_id in own
            )

    # CONSTRAINTS

    @api.constrains(
        "planned_female",
        "planned_male",
        "planned_total",
        "actual_female",
        "actual_male",
        "actual_total",
        "online_posts",
        "online_views",
        "online_shares",
    )
    def _check_figures(self):
        for activity in self:
            problem = activity._get_figure_problem()
            if problem:
                raise ValidationError(
                    self.env._(
                        "%(activity)s: %(problem)s",
                        activity=activity.name,
                        problem=problem,
                    )
                )

    def _get_figure_problem(self):
        """What is wrong with the activity's counts, as a sentence; None if all
        is well."""
        self.ensure_one()
        for prefix in ("planned", "actual"):
            female, male, total = (self[f"{prefix}_{sex}"] for sex in SEXES)
            if min(female, male, total) < 0:
                return self.env._("a number of participants cannot be negative.")
            if max(female, male, total) > MAX_PARTICIPANTS:
                # outside the call: babel cannot read f-strings among its arguments
                limit = self.env["vstbpn.official.document.mixin"].vstbpn_format_number(
                    MAX_PARTICIPANTS
                )
                return self.env._(
                    "more than %(limit)s participants at one activity: check the "
                    "figure.",
                    limit=limit,
                )
            if (female or male) and female + male != total:
                return self.env._(
                    "women (%(female)s) + men (%(male)s) must equal the participants "
                    "(%(total)s).",
                    female=female,
                    male=male,
                    total=total,
                )
        reach = (self.online_posts, self.online_views, self.online_shares)
        if min(reach) < 0:
            return self.env._("posts, views and shares cannot be negative.")
        if self.online_posts > MAX_POSTS or max(reach) > MAX_REACH:
            return self.env._("the online reach is beyond belief: check the figures.")
        return None

    @api.constrains("date_start", "date_end", "plan_id")
    def _check_dates(self):
        for activity in self:
            start, end = (
                activity._local_day(activity.date_start),
                activity._local_day(activity.date_end),
            )
            if end < start:
                raise ValidationError(
                    self.env._(
                        "%(activity)s ends before it starts: check its times.",
                        activity=activity.name,
                    )
                )
            campaign = activity.sudo().campaign_id
            first, last = campaign._vstbpn_allowed_dates()
            if start < first or end > last:
                raise ValidationError(
                    self.env._(
                        "%(activity)s takes place outside %(campaign)s, from "
                        "%(first)s to %(last)s: choose dates within the campaign "
                        "(the organiser can allow preparation from an earlier date).",
                        activity=activity.name,
                        campaign=campaign.name,
                        first=format_date(self.env, first),
                        last=format_date(self.env, last),
                    )
                )

    def _local_day(self, moment):
        """The day of a UTC moment in Viet Nam, as the campaign's days are."""
        return vn_today(self.env, timestamp=moment)

    # CRUD

    @api.model_create_multi
    def create(self, vals_list):
        if not self.env.su and any(
            vals.get("state", "planned") != "planned" for vals in vals_list
        ):
            raise UserError(self.env._("A new activity always starts as planned."))
        activities = super().create(vals_list)
        activities._check_campaign_open()
        activities._vstbpn_sync_calendar()
        return activities

    def write(self, vals):
        result = super().write(vals)
        if set(vals) & {"name", "date_start", "date_end", "location", "plan_id"}:
            self._vstbpn_sync_calendar()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_if_planned(self):
        if self.filtered(lambda a: a.state == "done"):
            raise UserError(
                self.env._(
                    "A done activity is part of the campaign's results and cannot "
                    "be deleted."
                )
            )

    def unlink(self):
        events = self.sudo().calendar_event_id
        result = super().unlink()
        events.unlink()
        return result

    def _check_campaign_open(self):
        for activity in self.sudo():
            if activity.campaign_id.state != "open":
                raise UserError(
                    self.env._(
                        "%(campaign)s is not open: activities are recorded only while "
                        "it is.",
                        campaign=activity.campaign_id.name,
                    )
                )

    def _vstbpn_locked_message(self):
        return self.env._(
            "%(campaign)s is closed: the activity %(activity)s and its results can "
            "no longer be changed. Ask the organiser to reopen the campaign.",
            campaign=self.campaign_id.name,
            activity=self.name,
        )

    # CALENDAR

    def _vstbpn_sync_calendar(self):
        """Put the activities on the Odoo calendar: one private event each,
        created or updated from the activity, with the unit's officers as
        attendees. The event is the unit committee's: its rules decide who
        reads it and who changes its attendance."""
        Event = (
            self.env["calendar.event"]
            .sudo()
            .with_context(no_mail_to_attendees=True, dont_notify=True)
        )
        model = self.env["ir.model"]._get_id(self._name)
        # a unit's activities share its officers: look them up once per unit
        officers = {}
        to_create, records = [], []
        for activity in self:
            vals = activity._vstbpn_calendar_values()
            if activity.calendar_event_id:
                Event.browse(activity.calendar_event_id.id).write(vals)
            else:
                committee = activity.committee_id
                if committee not in officers:
                    officers[committee] = committee._get_officers().partner_id
                attendees = officers[committee] | self.env.user.partner_id
                vals.update(
                    res_model_id=model,
                    res_id=activity.id,
                    vstbpn_committee_id=committee.id,
                    vstbpn_event_type="campaign_activity",
                    privacy="private",
                    partner_ids=[fields.Command.set(attendees.ids)],
                )
                to_create.append(vals)
                records.append(activity)
        events = Event.create(to_create)
        for activity, event in zip(records, events, strict=True):
            activity._vstbpn_trusted_write({"calendar_event_id": event.id})

    def _vstbpn_calendar_values(self):
        self.ensure_one()
        return {
            "name": self.name,
            "start": self.date_start,
            "stop": self.date_end,
            "location": self.location or False,
        }

    # ACTIONS

    def action_mark_done(self):
        self.check_access("write")
        self._vstbpn_check_editable()
        for activity in self:
            if not activity.actual_total and not (
                activity.is_online and activity.online_views
            ):
                raise UserError(
                    self.env._(
                        "Record how many people took part in %(activity)s before "
                        "marking it done.",
                        activity=activity.name,
                    )
                )
        self._vstbpn_trusted_write(
            {
                "state": "done",
                "date_done": vn_today(self.env),
                "cancel_reason": False,
            }
        )
        return True

    def action_cancel(self, reason):
        self._vstbpn_required_reason(
            reason, self.env._("Say why the activity is cancelled: it stays on record.")
        )
        self.check_access("write")
        self._vstbpn_check_editable()
        if self.filtered(lambda a: a.state == "done"):
            raise UserError(
                self.env._(
                    "A done activity cannot be cancelled: set it back to planned "
                    "first if it did not take place."
                )
            )
        self._vstbpn_trusted_write({"state": "cancelled", "cancel_reason": reason})
        self.sudo().calendar_event_id.with_context(
            no_mail_to_attendees=True, dont_notify=True
        ).write({"active": False})
        return True

    def action_open_cancel_wizard(self):
        self.check_access("write")
        self._vstbpn_check_editable()
        return self._vstbpn_open_reason_wizard(
            "action_cancel", self.env._("Cancel the Activity")
        )

    def action_reset_to_planned(self):
        self.check_access("write")
        self._vstbpn_check_editable()
        self._vstbpn_trusted_write(
            {"state": "planned", "date_done": False, "cancel_reason": False}
        )
        self.sudo().calendar_event_id.with_context(active_test=False).write(
            {"active": True}
        )
        return True

    def action_record_results(self):
        """The compact form to record the results, on a phone as on a desk."""
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Record Results"),
            "res_model": self._name,
            "res_id": self.id,
            "view_mode": "form",
            "views": [
                (
                    self.env.ref(
                        "vstbpn_campaign.vstbpn_campaign_activity_view_form_results"
                    ).id,
                    "form",
                )
            ],
            "target": "current",
        }
