from datetime import date

from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date, is_html_empty

from odoo.addons.vstbpn_committee.core.models.vstbpn_request_mixin import REQUEST_MODES
from odoo.addons.vstbpn_committee.tools import form_action, vn_today, window_action

CAMPAIGN_STATES = [("draft", "Draft"), ("open", "Open"), ("closed", "Closed")]
# Every year from 15 November to 15 December (the directive, §2).
DEFAULT_START = (11, 15)
DEFAULT_END = (12, 15)
# Units plan before the month starts; the results are reported after it ends.
DEFAULT_PLAN_DEADLINE = (11, 10)
DEFAULT_REPORT_DEADLINE = (12, 20)
# Since 2021 the month also names the response to gender-based violence.
RENAMED_IN = 2021
TEMPLATE_XMLID = "vstbpn_campaign.template_action_month"
GUIDANCE_TYPE_XMLID = "vstbpn_committee.document_type_guidance"


class VstbpnCampaign(models.Model):
    """The yearly Action Month for gender equality and prevention of
    gender-based violence, organised by one committee for the units below it.

    Opening it gives each participating unit (and the organiser) its plan to
    write by a deadline; the units then record their activities and results,
    which the organiser follows live and which fill the Action Month report.
    """

    _name = "vstbpn.campaign"
    _description = "Action Month Campaign"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "vstbpn.committee.owned.mixin",
        "vstbpn.locked.workflow.mixin",
        "vstbpn.request.mixin",
    ]
    _order = "year desc, id desc"
    _parent_name = "parent_id"
    _parent_store = True
    _vstbpn_tie_fields = ("committee_id",)
    # a campaign carries out one of a committee above; its units are below
    _vstbpn_link_scopes = {"parent_id": "above", "participant_ids": "below"}
    _vstbpn_derived_fields = (
        "state",
        "parent_path",
        "date_opened",
        "date_closed",
        "guidance_document_id",
    )
    _vstbpn_unique_fields = ("committee_id", "year")
    _vstbpn_editable_states = ("draft", "open")
    _vstbpn_request_mode_field = "participant_mode"
    _vstbpn_request_level_field = "participant_level_id"
    _vstbpn_request_target_field = "participant_ids"
    _vstbpn_request_child_model = "vstbpn.campaign.plan"
    _vstbpn_request_child_field = "campaign_id"
    _vstbpn_request_child_context = {
        "tracking_disable": True,
        "mail_create_nolog": True,
    }

    name = fields.Char(
        compute="_compute_name",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        tracking=True,
        copy=False,
    )
    year = fields.Integer(
        required=True,
        default=lambda self: vn_today(self.env).year,
        tracking=True,
    )
    theme = fields.Text(
        string="Theme of the Year",
        tracking=True,
        help="The year's theme, word for word as the national guidance gives it.",
    )
    guidance = fields.Html(
        string="Launch Guidance",
        help="What the organiser asks of the participating units: sent to them as "
        "an official document when the campaign opens.",
    )
    committee_id = fields.Many2one(string="Organising Committee")
    parent_id = fields.Many2one(
        "vstbpn.campaign",
        string="Campaign Above",
        index=True,
        ondelete="restrict",
        tracking=True,
        help="The campaign of a committee above (the national one, for a "
        "province's campaign), whose figures include this one's.",
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many(
        "vstbpn.campaign", "parent_id", string="Campaigns Below"
    )
    date_start = fields.Date(
        string="Start",
        compute="_compute_dates",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        tracking=True,
        copy=False,
    )
    date_end = fields.Date(
        string="End",
        compute="_compute_dates",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        tracking=True,
        copy=False,
    )
    preparation_date = fields.Date(
        string="Preparation From",
        tracking=True,
        copy=False,
        help="Activities may take place from this date on (preparatory "
        "activities before the month starts); empty, only within the month.",
    )
    plan_deadline = fields.Date(
        string="Plans Due",
        compute="_compute_dates",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        tracking=True,
        copy=False,
    )
    report_deadline = fields.Date(
        string="Results Report Due",
        compute="_compute_dates",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        tracking=True,
        copy=False,
    )
    participant_mode = fields.Selection(
        REQUEST_MODES,
        string="Who Takes Part",
        required=True,
        default="all",
    )
    participant_level_id = fields.Many2one(
        "vstbpn.committee.level",
        string="Level Taking Part",
        help="In the 'One level' choice: the units below of this level take part.",
    )
    participant_ids = fields.Many2many(
        "vstbpn.committee",
        "vstbpn_campaign_participant_rel",
        "campaign_id",
        "committee_id",
        string="Participating Committees",
        compute="_compute_vstbpn_request_targets",
        store=True,
        readonly=False,
        copy=True,
        help="The units below the organiser that plan and run activities; the "
        "organiser has its own plan too.",
    )
    state = fields.Selection(
        CAMPAIGN_STATES,
        default="draft",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    guidance_document_id = fields.Many2one(
        "vstbpn.document",
        string="Guidance Document",
        readonly=True,
        copy=False,
        help="The launch guidance as the official document sent to the units.",
    )
    date_opened = fields.Date(readonly=True, copy=False)
    date_closed = fields.Date(readonly=True, copy=False)
    plan_ids = fields.One2many(
        "vstbpn.campaign.plan", "campaign_id", string="Plans of the Units"
    )
    campaign_activity_ids = fields.One2many(
        "vstbpn.campaign.activity", "campaign_id", string="Action Month Activities"
    )
    period_ids = fields.One2many(
        "vstbpn.report.period", "campaign_id", string="Results Reporting"
    )
    report_note = fields.Html(
        string="Assessment",
        copy=False,
        help="The organiser's assessment of the month (results, limitations, "
        "proposals), printed in the results report.",
    )
    document_number = fields.Char(
        string="Report Number",
        copy=False,
        help="As the clerical office numbers the results report, e.g. '25/BC-BVSTBPN'.",
    )
    color = fields.Integer()

    _sql_constraints = [
        (
            "committee_year_unique",
            "unique(committee_id, year)",
            "A committee organises one Action Month a year.",
        ),
    ]

    @api.depends("year")
    def _compute_name(self):
        for campaign in self:
            if not campaign.year:
                continue
            if campaign.year < RENAMED_IN:
                campaign.name = self.env._(
                    "Action Month for Gender Equality and Prevention of Gender-based "
                    "Violence %(year)s",
                    year=campaign.year,
                )
            else:
                campaign.name = self.env._(
                    "Action Month for Gender Equality and Prevention of and Response "
                    "to Gender-based Violence %(year)s",
                    year=campaign.year,
                )

    @api.depends("year")
    def _compute_dates(self):
        for campaign in self:
            if not campaign.year or not 1900 < campaign.year < 3000:
                continue
            year = campaign.year
            campaign.date_start = date(year, *DEFAULT_START)
            campaign.date_end = date(year, *DEFAULT_END)
            campaign.plan_deadline = date(year, *DEFAULT_PLAN_DEADLINE)
            campaign.report_deadline = date(year, *DEFAULT_REPORT_DEADLINE)

    # CONSTRAINTS

    @api.constrains("year", "date_start", "date_end", "preparation_date")
    def _check_dates(self):
        for campaign in self:
            if not 1900 < campaign.year < 3000:
                raise ValidationError(
                    self.env._(
                        "%(year)s is not a year: enter the year of the campaign, "
                        "e.g. 2017.",
                        year=campaign.year,
                    )
                )
            if campaign.date_start > campaign.date_end:
                raise ValidationError(
                    self.env._(
                        "%(name)s ends before it starts: check its dates.",
                        name=campaign.name,
                    )
                )
            if campaign.preparation_date and (
                campaign.preparation_date > campaign.date_start
            ):
                raise ValidationError(
                    self.env._(
                        "%(name)s: preparation starts before the month, on or "
                        "before %(start)s.",
                        name=campaign.name,
                        start=format_date(self.env, campaign.date_start),
                    )
                )

    @api.constrains("date_start", "date_end", "plan_deadline", "report_deadline")
    def _check_deadlines(self):
        """As the directive has it: the units' plans are due before the month
        is over, their results once it has started."""
        for campaign in self:
            if campaign.plan_deadline > campaign.date_end:
                raise ValidationError(
                    self.env._(
                        "%(name)s: plans are due by the end of the month at the "
                        "latest (%(end)s), not %(deadline)s.",
                        name=campaign.name,
                        end=format_date(self.env, campaign.date_end),
                        deadline=format_date(self.env, campaign.plan_deadline),
                    )
                )
            if campaign.report_deadline < campaign.date_start:
                raise ValidationError(
                    self.env._(
                        "%(name)s: results are reported once the month has "
                        "started (%(start)s), not by %(deadline)s.",
                        name=campaign.name,
                        start=format_date(self.env, campaign.date_start),
                        deadline=format_date(self.env, campaign.report_deadline),
                    )
                )

    @api.constrains("parent_id", "committee_id", "year")
    def _check_parent(self):
        for campaign in self.sudo().filtered("parent_id"):
            parent = campaign.parent_id
            above = not parent._vstbpn_request_not_below(campaign.committee_id)
            if parent.year != campaign.year or not above:
                raise ValidationError(
                    self.env._(
                        "%(name)s can run under %(parent)s only if that campaign is "
                        "of the same year and organised by a committee above "
                        "%(committee)s.",
                        name=campaign.name,
                        parent=parent.display_name,
                        committee=campaign.committee_id.name,
                    )
                )
            if parent.state == "closed":
                # its figures are final: a campaign placed under it would add
                # its own to them
                raise ValidationError(
                    self.env._(
                        "%(parent)s is closed: no campaign can run under it any "
                        "more. Ask its organiser to reopen it first.",
                        parent=parent.display_name,
                    )
                )

    # CRUD

    def write(self, vals):
        frozen = {
            "participant_ids",
            "participant_mode",
            "participant_level_id",
            "parent_id",
            "year",
        }
        if (
            frozen & set(vals)
            and not self._vstbpn_is_workflow()
            and self.filtered(lambda c: c.state != "draft")
        ):
            raise UserError(
                self.env._(
                    "The participants, year and campaign above of an opened campaign "
                    "can no longer be changed: every unit has its plan already."
                )
            )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_if_draft(self):
        if self.filtered(lambda c: c.state != "draft"):
            raise UserError(
                self.env._(
                    "Only draft campaigns can be deleted: close the campaign instead."
                )
            )

    def _vstbpn_refuse_duplicate(self, values, other):
        committee = self.env["vstbpn.committee"].sudo().browse(values["committee_id"])
        raise ValidationError(
            self.env._(
                "%(committee)s already organises an Action Month in %(year)s: open "
                "that campaign instead of creating another.",
                committee=committee.name,
                year=values["year"],
            )
        )

    def _vstbpn_locked_advice(self):
        return self.env._("Reopen the campaign to change it.")

    # ACTIONS

    def action_open(self):
        """Give every unit its plan to write and send them the launch guidance."""
        self.check_access("write")
        for campaign in self:
            if campaign.state != "draft":
                raise UserError(
                    self.env._(
                        "%(name)s is already open or closed.", name=campaign.name
                    )
                )
        plans = self._vstbpn_request_fan_out().with_env(self.env)
        plans._vstbpn_schedule_todo()
        self._vstbpn_trusted_write({"state": "open", "date_opened": vn_today(self.env)})
        self._vstbpn_issue_launch_guidance()
        for campaign in self:
            campaign._vstbpn_post_note(
                self.env._(
                    "Opened: %(count)s units were asked for their plan by "
                    "%(deadline)s.",
                    count=len(campaign.participant_ids) + 1,
                    deadline=format_date(self.env, campaign.plan_deadline),
                )
            )
        return True

    def _vstbpn_request_includes_requester(self):
        # the organiser plans its own part of the month too
        return True

    def _vstbpn_issue_launch_guidance(self):
        """Send the launch guidance to the participating units as an official
        document (a guidance, HD), signed by the organiser's head. Where it
        cannot be issued yet (no head recorded), it stays a draft document for
        the officer to complete and issue."""
        Document = self.env["vstbpn.document"]
        for campaign in self.filtered(lambda c: not is_html_empty(c.guidance)):
            head = campaign.committee_id.head_partner_id
            document = Document.create(campaign._vstbpn_guidance_document_values(head))
            campaign._vstbpn_trusted_write({"guidance_document_id": document.id})
            try:
                with self.env.cr.savepoint():
                    document.action_issue()
            except UserError as error:
                campaign._vstbpn_post_note(
                    self.env._(
                        "The launch guidance is ready as the draft document "
                        "%(document)s but could not be issued: %(reason)s",
                        document=document.display_name,
                        reason=str(error),
                    )
                )

    def _vstbpn_guidance_document_values(self, head):
        """What the guidance document says, in Vietnamese as every official
        document (where Vietnamese is installed)."""
        self.ensure_one()
        lang = self.env["vstbpn.official.document.mixin"]._vstbpn_document_lang()
        campaign = self.with_context(lang=lang)
        body = Markup(campaign.guidance)
        if campaign.theme:
            theme = campaign.env._("Theme of the year: %(theme)s", theme=campaign.theme)
            body = Markup("<p><b>%s</b></p>") % theme + body
        return {
            "committee_id": campaign.committee_id.id,
            "document_type_id": self.env.ref(GUIDANCE_TYPE_XMLID).id,
            "subject": campaign.env._("Carrying out the %(name)s", name=campaign.name),
            "addressee_committee_ids": [
                fields.Command.set(campaign.participant_ids.ids)
            ],
            "body": body,
            "deadline": campaign._vstbpn_guidance_deadline(),
            "signer_name": head.name or False,
            "signer_title": campaign.env._("Head") if head else False,
        }

    def _vstbpn_guidance_deadline(self):
        """The plans' deadline, which the guidance asks the units to meet; none
        when it has passed (a past year's campaign recorded afterwards): a
        document is never due before its own date, today."""
        today = vn_today(self.env)
        return self.plan_deadline if self.plan_deadline >= today else False

    def action_open_guidance(self):
        self.ensure_one()
        return form_action(self.guidance_document_id)

    def action_close(self):
        self.check_access("write")
        self.filtered(lambda c: c.state == "open")._vstbpn_trusted_write(
            {"state": "closed", "date_closed": vn_today(self.env)}
        )
        return True

    def action_reopen(self):
        self.check_access("write")
        self.filtered(lambda c: c.state == "closed")._vstbpn_trusted_write(
            {"state": "open", "date_closed": False}
        )
        return True

    def action_prepare_next_year(self):
        """A draft copy of the campaign a year on: same organiser, participants
        and guidance; the dates and deadlines of the new year; the theme to
        take from next year's national guidance."""
        self.ensure_one()
        copy = self.copy({"year": self.year + 1, "theme": False, "parent_id": False})
        return form_action(copy)

    def action_request_reports(self):
        """Open the reporting period of the Action Month results: one report per
        unit of the campaign, which fills itself from the unit's activities."""
        self.ensure_one()
        self.check_access("write")
        self._check_results_requestable()
        period = self._open_results_period()
        return window_action(
            self.env,
            "vstbpn_reporting.vstbpn_report_action",
            [("period_id", "=", period.id)],
            {"default_period_id": period.id},
        )

    def _check_results_requestable(self):
        self.ensure_one()
        if self.state == "draft":
            raise UserError(
                self.env._("Open the campaign before asking for its results.")
            )
        if self.period_ids:
            raise UserError(
                self.env._(
                    "The results of %(name)s are already asked for in %(period)s.",
                    name=self.name,
                    period=self.period_ids[0].name,
                )
            )

    def _open_results_period(self):
        """The results period, linked to the campaign and opened."""
        period = self.env["vstbpn.report.period"].create(self._results_period_values())
        period._vstbpn_trusted_write({"campaign_id": self.id})
        period.action_open()
        return period

    def _results_period_values(self):
        """Every unit with a plan reports, the organiser included: the units
        asked are the same as the plans'."""
        self.ensure_one()
        return {
            "name": self.env._("Results of the %(name)s", name=self.name),
            "template_id": self.env.ref(TEMPLATE_XMLID).id,
            "committee_id": self.committee_id.id,
            "target_mode": "manual",
            "include_requester": True,
            "target_committee_ids": [
                fields.Command.set((self.plan_ids.committee_id - self.committee_id).ids)
            ],
            "date_from": self.preparation_date or self.date_start,
            "date_to": self.date_end,
            "deadline": self.report_deadline,
        }

    def action_open_plans(self):
        self.ensure_one()
        return window_action(
            self.env,
            "vstbpn_campaign.vstbpn_campaign_plan_action",
            [("campaign_id", "=", self.id)],
        )

    def action_open_activities(self):
        self.ensure_one()
        return window_action(
            self.env,
            "vstbpn_campaign.vstbpn_campaign_activity_action",
            [("campaign_id", "child_of", self.id)],
        )

    def action_open_reports(self):
        self.ensure_one()
        return window_action(
            self.env,
            "vstbpn_reporting.vstbpn_report_action",
            [("period_id", "in", self.period_ids.ids)],
        )

    def _vstbpn_allowed_dates(self):
        """(first, last) day on which the campaign's activities may take place."""
        self.ensure_one()
        return (self.preparation_date or self.date_start, self.date_end)
