from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ...tools import vn_today


class VstbpnReviewWorkflowMixin(models.AbstractModel):
    """Submitted by the unit, then accepted (approved) by its reviewers or
    returned to the unit with a reason: the one review cycle of reports,
    Action Month plans, work plans and inspection recommendations.

    It declares who submitted, accepted and returned, when, the reason of the
    return, and whether the user reviews (``can_review``) or may edit
    (``can_edit``) the record. A model whose columns have other names (a plan
    is *approved*, a recommendation *reported done*) keeps them: it points
    the class attributes below at them and redeclares the mixin's names as
    related aliases, so that no column is added or renamed.

    Configured by class attributes:

    - ``_vstbpn_state_field`` and the states ``_vstbpn_draft_state``,
      ``_vstbpn_submitted_state``, ``_vstbpn_accepted_state`` and
      ``_vstbpn_returned_state`` (``_vstbpn_editable_states`` comes from
      ``vstbpn.locked.workflow.mixin``);
    - the stored fields written on submission (``_vstbpn_submitted_date_field``,
      ``_vstbpn_submitted_user_field``), acceptance
      (``_vstbpn_accepted_date_field``, ``_vstbpn_accepted_user_field``) and
      return (``_vstbpn_returned_date_field``, ``_vstbpn_returned_user_field``,
      ``_vstbpn_return_reason_field``); the suite's actions alone write them;
    - ``_vstbpn_review_activity``: the reviewers' activity (xmlid), if any;
      with ``vstbpn.deadline.mixin`` the unit's "to do" activity is done on
      submission and scheduled again on return.

    Hooks: which states each step starts from (``_vstbpn_submit_from_states``,
    ``_vstbpn_accept_from_states``, ``_vstbpn_return_from_states``), who acts
    (``_vstbpn_check_submitter``, ``_vstbpn_can_review_user``,
    ``_vstbpn_can_edit_user``), what each step checks
    (``_vstbpn_check_submittable``, ``_vstbpn_check_state``) and writes
    (``_vstbpn_*_values``), what follows it (``_vstbpn_on_submit``,
    ``_vstbpn_on_accept``, ``_vstbpn_on_return``) and the model's messages,
    in its own words. The return is taken through the reason wizard
    (``vstbpn.reason.mixin``).
    """

    _name = "vstbpn.review.workflow.mixin"
    # goes with mail.thread, vstbpn.locked.workflow.mixin and, for the
    # activities, vstbpn.deadline.mixin, which the model lists before it
    # (listing them here too would make Python's class order inconsistent)
    _inherit = ["vstbpn.reason.mixin"]
    _description = "Workflow Submitted for Review"

    _vstbpn_state_field = "state"
    _vstbpn_draft_state = "draft"
    _vstbpn_submitted_state = "submitted"
    _vstbpn_accepted_state = "accepted"
    _vstbpn_returned_state = "draft"
    _vstbpn_submitted_date_field = "date_submitted"
    _vstbpn_submitted_user_field = "submitted_user_id"
    _vstbpn_accepted_date_field = "date_accepted"
    _vstbpn_accepted_user_field = "accepted_user_id"
    _vstbpn_returned_date_field = "date_returned"
    _vstbpn_returned_user_field = "returned_user_id"
    _vstbpn_return_reason_field = "return_reason"
    _vstbpn_review_activity = None
    # the reviewer reads the units below but writes them only through the
    # workflow: the wizard checks reading, action_return checks reviewing
    _vstbpn_reason_actions = {"action_return": {"access": "read"}}

    date_submitted = fields.Date(readonly=True, copy=False, tracking=True)
    submitted_user_id = fields.Many2one(
        "res.users", string="Submitted By", readonly=True, copy=False
    )
    date_accepted = fields.Date(readonly=True, copy=False, tracking=True)
    accepted_user_id = fields.Many2one(
        "res.users", string="Accepted By", readonly=True, copy=False
    )
    date_returned = fields.Date(string="Returned On", readonly=True, copy=False)
    returned_user_id = fields.Many2one(
        "res.users", string="Returned By", readonly=True, copy=False
    )
    return_reason = fields.Text(readonly=True, copy=False, tracking=True)
    can_review = fields.Boolean(
        compute="_compute_can_review",
        help="The user reviews this record: accepts or returns it.",
    )
    can_edit = fields.Boolean(
        compute="_compute_can_edit",
        help="The record is editable and belongs to one of the user's committees.",
    )

    def _valid_field_parameter(self, field, name):
        # tracked on the models, which have a chatter
        return name == "tracking" or super()._valid_field_parameter(field, name)

    @api.depends_context("uid")
    def _compute_can_review(self):
        for record in self:
            record.can_review = record._vstbpn_can_review_user()

    @api.depends_context("uid")
    @api.depends(lambda self: (self._vstbpn_state_field,))
    def _compute_can_edit(self):
        for record in self:
            record.can_edit = record._vstbpn_can_edit_user()

    @api.model
    def _vstbpn_protected_fields(self):
        return super()._vstbpn_protected_fields() | set(self._vstbpn_cycle_fields())

    @api.model
    def _vstbpn_cycle_fields(self):
        """The stored fields only the cycle's actions write."""
        return (
            self._vstbpn_state_field,
            self._vstbpn_submitted_date_field,
            self._vstbpn_submitted_user_field,
            self._vstbpn_accepted_date_field,
            self._vstbpn_accepted_user_field,
            self._vstbpn_returned_date_field,
            self._vstbpn_returned_user_field,
            self._vstbpn_return_reason_field,
        )

    # HOOKS: who acts, from which states

    def _vstbpn_can_review_user(self):
        """Whether the user reviews this record (one record)."""
        return self._is_reviewer()

    def _vstbpn_can_edit_user(self):
        """Whether the user may edit this record now (one record)."""
        user = self.env.user
        return self[self._vstbpn_state_field] in self._vstbpn_editable_states and (
            user.has_group("vstbpn_committee.group_admin")
            or self.committee_id in user.vstbpn_allowed_committee_ids
        )

    def _vstbpn_check_submitter(self):
        """Raise unless the user may submit these records."""
        self.check_access("write")

    def _vstbpn_submit_from_states(self):
        return {self._vstbpn_draft_state, self._vstbpn_returned_state}

    def _vstbpn_accept_from_states(self):
        return {self._vstbpn_submitted_state}

    def _vstbpn_return_from_states(self):
        return {self._vstbpn_submitted_state, self._vstbpn_accepted_state}

    def _vstbpn_check_submittable(self):
        """Raise when this record cannot be submitted (one record)."""
        self._vstbpn_check_state(self._vstbpn_submit_from_states())

    def _vstbpn_check_state(self, states):
        for record in self:
            if record[self._vstbpn_state_field] not in states:
                raise UserError(record._vstbpn_review_state_message())

    # HOOKS: the model's words

    def _vstbpn_review_summary(self):
        """What the reviewers' activity says, in the reader's language."""
        return False

    def _vstbpn_reviewable(self):
        """The submitted records that someone above has to review."""
        return self

    def _vstbpn_return_wizard_title(self):
        return self.env._("Return for Correction")

    def _vstbpn_review_refused_message(self):
        raise NotImplementedError

    def _vstbpn_review_state_message(self):
        raise NotImplementedError

    def _vstbpn_return_reason_message(self):
        raise NotImplementedError

    def _vstbpn_returned_note(self, reason):
        return self.env._("Returned for correction: %(reason)s", reason=reason)

    # HOOKS: what each step writes

    def _vstbpn_submission_values(self):
        return {
            self._vstbpn_state_field: self._vstbpn_submitted_state,
            self._vstbpn_submitted_date_field: vn_today(self.env),
            self._vstbpn_submitted_user_field: self.env.uid,
            **self._vstbpn_cleared(self._vstbpn_return_fields()),
        }

    def _vstbpn_acceptance_values(self):
        return {
            self._vstbpn_state_field: self._vstbpn_accepted_state,
            self._vstbpn_accepted_date_field: vn_today(self.env),
            self._vstbpn_accepted_user_field: self.env.uid,
        }

    def _vstbpn_return_values(self, reason):
        return {
            self._vstbpn_state_field: self._vstbpn_returned_state,
            **self._vstbpn_cleared(
                (
                    self._vstbpn_submitted_date_field,
                    self._vstbpn_submitted_user_field,
                    self._vstbpn_accepted_date_field,
                    self._vstbpn_accepted_user_field,
                )
            ),
            self._vstbpn_returned_date_field: vn_today(self.env),
            self._vstbpn_returned_user_field: self.env.uid,
            self._vstbpn_return_reason_field: reason,
        }

    def _vstbpn_return_fields(self):
        return (
            self._vstbpn_returned_date_field,
            self._vstbpn_returned_user_field,
            self._vstbpn_return_reason_field,
        )

    @staticmethod
    def _vstbpn_cleared(names):
        return dict.fromkeys(names, False)

    # HOOKS: what follows each step

    def _vstbpn_has_deadline(self):
        return isinstance(self, self.pool["vstbpn.deadline.mixin"])

    def _vstbpn_on_submit(self):
        if self._vstbpn_has_deadline():
            self.sudo().activity_feedback([self._vstbpn_todo_activity])
        if self._vstbpn_review_activity:
            reviewable = self._vstbpn_reviewable()
            reviewable._vstbpn_schedule_activities(
                self._vstbpn_review_activity,
                reviewable._vstbpn_escalation_users(),
                lambda record: record._vstbpn_review_summary(),
            )

    def _vstbpn_on_accept(self):
        if self._vstbpn_review_activity:
            self.sudo().activity_feedback([self._vstbpn_review_activity])

    def _vstbpn_on_return(self, reason):
        if self._vstbpn_review_activity:
            self.sudo().activity_unlink([self._vstbpn_review_activity])
        self._vstbpn_post_note(self._vstbpn_returned_note(reason))
        if self._vstbpn_has_deadline():
            self._vstbpn_schedule_todo()

    # ACTIONS

    def _vstbpn_submit(self, values=None):
        """Submit for review; ``values``: what the unit adds (a note)."""
        self._vstbpn_check_submitter()
        for record in self:
            record._vstbpn_check_submittable()
        self._vstbpn_trusted_write(
            {**self._vstbpn_submission_values(), **(values or {})}
        )
        self._vstbpn_on_submit()
        return True

    def _vstbpn_accept(self):
        self._vstbpn_check_review(self._vstbpn_accept_from_states())
        self._vstbpn_trusted_write(self._vstbpn_acceptance_values())
        self._vstbpn_on_accept()
        return True

    def action_return(self, reason):
        """Back to the unit, with the reason, so that it can correct the record."""
        self._vstbpn_required_reason(reason, self._vstbpn_return_reason_message())
        self._vstbpn_check_review(self._vstbpn_return_from_states())
        self._vstbpn_trusted_write(self._vstbpn_return_values(reason))
        self._vstbpn_on_return(reason)
        return True

    def action_open_return_wizard(self):
        self._vstbpn_check_review(self._vstbpn_return_from_states())
        return self._vstbpn_open_reason_wizard(
            "action_return", self._vstbpn_return_wizard_title()
        )

    def _vstbpn_check_review(self, states):
        """Raise unless the user reviews every record, each in ``states``."""
        self.check_access("read")
        for record in self:
            if not record._vstbpn_can_review_user():
                raise AccessError(record._vstbpn_review_refused_message())
        self._vstbpn_check_state(states)
