from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError
from odoo.tools import format_date

from ...tools import vn_today

RECOMMENDATION_STATES = [
    ("open", "Open"),
    ("done", "Reported Done"),
    ("accepted", "Accepted"),
]
WORKFLOW_FIELDS = (
    "state",
    "date_done",
    "done_note",
    "done_user_id",
    "date_accepted",
    "accepted_user_id",
    "last_reminder_date",
    "escalation_date",
)
RECOMMENDATION_ACTIVITY = "vstbpn_committee.mail_activity_type_recommendation"


class VstbpnInspectionRecommendation(models.Model):
    """What an inspection asks the unit to do, by a deadline.

    Once the inspection is concluded, the unit's responsible officer gets it
    as an activity, with reminders before the deadline and, once overdue, an
    activity for the inspecting committee (``vstbpn.deadline.mixin``). The
    unit marks it done with a note and evidence; the team leader accepts it,
    or reopens it saying what is missing: the review cycle
    (``vstbpn.review.workflow.mixin``), where reporting done is submitting.
    """

    _name = "vstbpn.inspection.recommendation"
    _description = "Inspection Recommendation"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "vstbpn.locked.workflow.mixin",
        "vstbpn.deadline.mixin",
        "vstbpn.review.workflow.mixin",
        "vstbpn.own.unit.mixin",
    ]
    _order = "deadline, id"
    _vstbpn_tie_fields = ("inspection_id",)
    _vstbpn_lock_parent = "inspection_id"
    _vstbpn_derived_fields = WORKFLOW_FIELDS
    _vstbpn_free_fields = ("last_reminder_date", "escalation_date")
    _vstbpn_deadline_field = "deadline"
    _vstbpn_done_date_field = "date_done"
    _vstbpn_todo_activity = RECOMMENDATION_ACTIVITY
    _vstbpn_draft_state = "open"
    _vstbpn_submitted_state = "done"
    _vstbpn_returned_state = "open"
    _vstbpn_submitted_date_field = "date_done"
    _vstbpn_submitted_user_field = "done_user_id"
    # the unit reads its recommendations and writes them only through the
    # cycle, as the inspecting committee does: the methods check who acts
    _vstbpn_reason_actions = {
        "action_return": {"access": "read"},
        "action_report_done": {"access": "read", "evidence": True},
    }

    inspection_id = fields.Many2one(
        "vstbpn.inspection", required=True, index=True, ondelete="cascade"
    )
    committee_id = fields.Many2one(
        related="inspection_id.committee_id",
        string="Inspected Committee",
        store=True,
        index=True,
    )
    inspecting_committee_id = fields.Many2one(
        related="inspection_id.inspecting_committee_id", store=True, index=True
    )
    inspection_state = fields.Selection(
        related="inspection_id.state", string="Inspection Status"
    )
    name = fields.Text(string="Recommendation", required=True)
    area_id = fields.Many2one(
        "vstbpn.inspection.area", string="Area", ondelete="restrict"
    )
    deadline = fields.Date(required=True, tracking=True)
    user_id = fields.Many2one(
        "res.users",
        string="Responsible Officer",
        tracking=True,
        help="The unit's officer who carries it out and reports it done; by "
        "default the unit's officers.",
    )
    state = fields.Selection(
        RECOMMENDATION_STATES,
        default="open",
        required=True,
        tracking=True,
        copy=False,
        index=True,
    )
    date_done = fields.Date(string="Reported Done On", readonly=True, copy=False)
    done_note = fields.Text(string="What Was Done", readonly=True, copy=False)
    done_user_id = fields.Many2one(
        "res.users", string="Reported By", readonly=True, copy=False
    )
    attachment_ids = fields.Many2many(
        "ir.attachment",
        "vstbpn_inspection_recommendation_attachment_rel",
        "recommendation_id",
        "attachment_id",
        string="Evidence",
        readonly=True,
        copy=False,
    )
    # the review mixin's names for the report of what was done
    date_submitted = fields.Date(
        string="Date Submitted", related="date_done", tracking=False
    )
    submitted_user_id = fields.Many2one(related="done_user_id")
    is_overdue = fields.Boolean(
        compute="_compute_is_overdue", search="_search_is_overdue"
    )
    is_own_unit = fields.Boolean(string="To My Committees")
    can_report = fields.Boolean(compute="_compute_rights")
    can_accept = fields.Boolean(compute="_compute_rights")

    @api.depends("deadline", "state")
    def _compute_is_overdue(self):
        today = vn_today(self.env)
        for recommendation in self:
            recommendation.is_overdue = (
                recommendation.state == "open"
                and recommendation.deadline
                and recommendation.deadline < today
            )

    def _search_is_overdue(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on the overdue flag."))
        today = vn_today(self.env)
        domain = [("state", "=", "open"), ("deadline", "<", today)]
        return domain if (operator == "=") == value else ["!", *domain]

    @api.depends_context("uid")
    @api.depends("state", "inspection_id.state", "user_id")
    def _compute_rights(self):
        for recommendation in self:
            concluded = recommendation.inspection_id.state in (
                "concluded",
                "followed_up",
            )
            recommendation.can_report = (
                concluded
                and recommendation.state == "open"
                and recommendation._is_unit_officer()
            )
            recommendation.can_accept = (
                concluded
                and recommendation.state == "done"
                and recommendation._vstbpn_can_review_user()
            )

    # DEADLINES (vstbpn.deadline.mixin)

    def _vstbpn_deadline_domain(self):
        return [
            ("state", "=", "open"),
            ("inspection_id.state", "in", ("concluded", "followed_up")),
        ]

    def _vstbpn_responsible_users(self):
        return {
            recommendation: recommendation.user_id
            or recommendation.committee_id._get_officers()
            for recommendation in self
        }

    def _vstbpn_escalation_users(self):
        """The inspecting committee follows up what it asked for."""
        return {
            recommendation: recommendation.inspecting_committee_id._get_officers()
            for recommendation in self
        }

    def _vstbpn_todo_summary(self):
        return self.env._(
            "Carry out the recommendation of the inspection by %(deadline)s",
            deadline=format_date(self.env, self.deadline),
        )

    def _vstbpn_escalation_summary(self):
        return self.env._(
            "Overdue: %(unit)s has not carried out a recommendation of %(name)s",
            unit=self.committee_id.name,
            name=self.inspection_id.name,
        )

    # RIGHTS

    def _is_unit_officer(self):
        self.ensure_one()
        user = self.env.user
        if self.env.su or user.has_group("vstbpn_committee.group_admin"):
            return True
        return user == self.user_id or (
            user.has_group("vstbpn_committee.group_officer")
            and self.committee_id in user.vstbpn_allowed_committee_ids
        )

    # REVIEW (vstbpn.review.workflow.mixin)

    def _vstbpn_can_review_user(self):
        """The team leader or an officer of the inspecting committee."""
        return self.inspection_id.plan_id._is_inspector()

    def _vstbpn_can_edit_user(self):
        """The inspecting side writes the recommendations while the
        inspection is not concluded."""
        return not self._vstbpn_locked_records() and self._vstbpn_can_review_user()

    def _vstbpn_check_submitter(self):
        self.check_access("read")
        for recommendation in self:
            if not recommendation._is_unit_officer():
                raise AccessError(
                    self.env._(
                        "Only the officers of %(unit)s report its recommendations "
                        "done.",
                        unit=recommendation.committee_id.name,
                    )
                )

    def _vstbpn_return_from_states(self):
        return {"done"}

    def _vstbpn_check_state(self, states):
        self._check_concluded(*states)

    def _check_concluded(self, *states):
        for recommendation in self:
            if recommendation.inspection_id.state not in ("concluded", "followed_up"):
                raise UserError(
                    self.env._(
                        "The inspection is not concluded yet: its recommendations "
                        "are followed up once it is."
                    )
                )
            if recommendation.state not in states:
                raise UserError(
                    self.env._(
                        "This step does not apply to the recommendation “%(name)s” "
                        "in its current status.",
                        name=recommendation.name,
                    )
                )

    def _vstbpn_review_refused_message(self):
        return self.env._(
            "Only the team leader or an officer of the inspecting committee "
            "accepts or reopens a recommendation."
        )

    def _vstbpn_return_reason_message(self):
        return self.env._("Say what is still missing, so the unit can complete it.")

    def _vstbpn_returned_note(self, reason):
        return self.env._("Reopened: %(reason)s", reason=reason)

    def _vstbpn_return_wizard_title(self):
        return self.env._("Reopen the Recommendation")

    def _vstbpn_on_accept(self):
        result = super()._vstbpn_on_accept()
        self._vstbpn_post_note(self.env._("Accepted as carried out."))
        self.inspection_id._vstbpn_follow_up_if_done()
        return result

    # ACTIONS

    def action_report_done(self, note, attachments=None):
        """The unit reports the recommendations carried out, with evidence."""
        self._vstbpn_check_submitter()
        self._vstbpn_check_state({"open"})
        self._vstbpn_required_reason(
            note,
            self.env._("Say what was done, so the inspection team can check it."),
        )
        evidence = self._vstbpn_evidence(attachments)
        self._vstbpn_submit(
            {
                "done_note": note,
                "attachment_ids": [fields.Command.link(a.id) for a in evidence],
            }
        )
        if len(self) == 1 and evidence:
            evidence.write({"res_model": self._name, "res_id": self.id})
        self._vstbpn_post_note(
            self.env._("Reported done: %(note)s", note=note),
        )
        return True

    def action_accept(self):
        return self._vstbpn_accept()

    def action_reopen(self, reason):
        """Back to the unit: what was reported is not enough."""
        return self.action_return(reason)

    def action_open_wizard(self):
        if self.env.context.get("vstbpn_mode", "done") == "done":
            return self._vstbpn_open_reason_wizard(
                "action_report_done", self.env._("Report Done")
            )
        return self.action_open_return_wizard()
