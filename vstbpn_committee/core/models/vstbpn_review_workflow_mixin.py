from odoo import fields, models
from odoo.exceptions import AccessError, UserError


class VstbpnReviewWorkflowMixin(models.AbstractModel):
    """Submitted by the unit, then accepted (approved) by its reviewers or
    returned to the unit with a reason.

    Goes with ``vstbpn.deadline.mixin`` (the unit's "to do" activity,
    ``_vstbpn_todo_activity``, is done on submission and scheduled again on
    return; the reviewers are ``_vstbpn_escalation_users()``) and
    ``vstbpn.locked.workflow.mixin``. Configured by class attributes:

    - ``_vstbpn_state_field`` and the states ``_vstbpn_draft_state``,
      ``_vstbpn_submitted_state``, ``_vstbpn_accepted_state`` and
      ``_vstbpn_returned_state``;
    - the fields set on submission (``_vstbpn_submitted_date_field``,
      ``_vstbpn_submitted_user_field``), on acceptance
      (``_vstbpn_accepted_date_field``, ``_vstbpn_accepted_user_field``) and
      on return (``_vstbpn_return_reason_field``), all derived fields;
    - ``_vstbpn_review_activity``: the reviewers' activity (xmlid).

    Hooks: ``_vstbpn_check_submittable()`` (one record, raises),
    ``_vstbpn_review_summary()``, ``_vstbpn_reviewable()`` (the records the
    reviewers are asked to review), ``_vstbpn_is_workflow_reviewer()``
    (default ``_is_reviewer()``), ``_vstbpn_return_wizard_action()`` and the
    messages of the model, in its own words: ``_vstbpn_review_refused_message()``,
    ``_vstbpn_review_state_message()``, ``_vstbpn_return_reason_message()``,
    ``_vstbpn_returned_note(reason)``. Workflow fields are written through
    ``_vstbpn_trusted_write`` once the checks have passed.
    """

    _name = "vstbpn.review.workflow.mixin"
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
    _vstbpn_return_reason_field = "return_reason"
    _vstbpn_review_activity = None

    # HOOKS

    def _vstbpn_check_submittable(self):
        """Raise when this record cannot be submitted (one record)."""
        self.ensure_one()

    def _vstbpn_review_summary(self):
        """What the reviewers' activity says, in the reader's language."""
        return False

    def _vstbpn_reviewable(self):
        """The submitted records that someone above has to review."""
        return self

    def _vstbpn_is_workflow_reviewer(self):
        return self._is_reviewer()

    def _vstbpn_return_wizard_action(self):
        raise NotImplementedError

    def _vstbpn_review_refused_message(self):
        raise NotImplementedError

    def _vstbpn_review_state_message(self):
        raise NotImplementedError

    def _vstbpn_return_reason_message(self):
        raise NotImplementedError

    def _vstbpn_returned_note(self, reason):
        raise NotImplementedError

    # ACTIONS

    def _vstbpn_submit(self):
        self.check_access("write")
        for record in self:
            record._vstbpn_check_submittable()
        self._vstbpn_trusted_write(
            {
                self._vstbpn_state_field: self._vstbpn_submitted_state,
                self._vstbpn_submitted_date_field: fields.Date.context_today(self),
                self._vstbpn_submitted_user_field: self.env.uid,
                self._vstbpn_return_reason_field: False,
            }
        )
        self.sudo().activity_feedback([self._vstbpn_todo_activity])
        reviewable = self._vstbpn_reviewable()
        reviewable._vstbpn_schedule_activities(
            self._vstbpn_review_activity,
            reviewable._vstbpn_escalation_users(),
            lambda record: record._vstbpn_review_summary(),
        )
        return True

    def _vstbpn_accept(self):
        self._check_review(self._vstbpn_submitted_state)
        # the reviewer reads the units below but writes only through the workflow
        self._vstbpn_trusted_write(
            {
                self._vstbpn_state_field: self._vstbpn_accepted_state,
                self._vstbpn_accepted_date_field: fields.Date.context_today(self),
                self._vstbpn_accepted_user_field: self.env.uid,
            }
        )
        self.sudo().activity_feedback([self._vstbpn_review_activity])
        return True

    def action_return(self, reason):
        """Back to the unit, with the reason, so that it can correct the record."""
        if not (reason or "").strip():
            raise UserError(self._vstbpn_return_reason_message())
        self._check_review(self._vstbpn_submitted_state, self._vstbpn_accepted_state)
        self._vstbpn_trusted_write(
            {
                self._vstbpn_state_field: self._vstbpn_returned_state,
                self._vstbpn_submitted_date_field: False,
                self._vstbpn_submitted_user_field: False,
                self._vstbpn_accepted_date_field: False,
                self._vstbpn_accepted_user_field: False,
                self._vstbpn_return_reason_field: reason,
            }
        )
        self.sudo().activity_unlink([self._vstbpn_review_activity])
        self._vstbpn_post_note(self._vstbpn_returned_note(reason))
        self._vstbpn_schedule_todo()
        return True

    def action_open_return_wizard(self):
        self._check_review(self._vstbpn_submitted_state, self._vstbpn_accepted_state)
        return self._vstbpn_return_wizard_action()

    def _check_review(self, *states):
        self.check_access("read")
        for record in self:
            if not record._vstbpn_is_workflow_reviewer():
                raise AccessError(record._vstbpn_review_refused_message())
            if record[self._vstbpn_state_field] not in states:
                raise UserError(record._vstbpn_review_state_message())
