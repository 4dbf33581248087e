from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from ...tools import vn_today

SIGNOFF_STATES = [
    ("draft", "Draft"),
    ("checking", "To Check"),
    ("submitted", "To Sign"),
    ("accepted", "Signed"),
    ("returned", "Returned"),
    ("withdrawn", "Withdrawn"),
]
PENDING_STATES = ("checking", "submitted")
SIGN_ACTIVITY = "vstbpn_committee.mail_activity_type_signoff"
# the signature as approved, printed on the record (vstbpn.signoff.mixin)
SIGNATURE_FIELDS = {
    "authority": "signed_authority",
    "body": "signed_authority_body",
    "title": "signed_title",
    "position": "signed_position",
    "name": "signed_name",
}


class VstbpnSignoff(models.Model):
    """A draft submitted for signature (trình ký): an officer submits a
    document, a report or a plan of the committee to one of its signatories
    (``vstbpn.signatory``), through a reviewer who checks it first if the
    officer names one. The signer approves, and the record is then numbered,
    issued or submitted in the same step, as the signer; or returns it with a
    reason. The officer may withdraw it while it waits.

    The review cycle of the suite (``vstbpn.review.workflow.mixin``): here
    the reviewers are the signer and the checker, not the committee above.
    The record signed is named by ``res_model`` and ``res_id``
    (``vstbpn.signoff.mixin``); a new request is made for each submission,
    so that the history of returns stays."""

    _name = "vstbpn.signoff"
    _description = "Submission for Signature"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "vstbpn.committee.owned.mixin",
        "vstbpn.locked.workflow.mixin",
        "vstbpn.review.workflow.mixin",
    ]
    _order = "date_submitted desc, id desc"
    _vstbpn_tie_fields = ("committee_id", "res_model", "res_id")
    _vstbpn_derived_fields = (
        "signatory_id",
        "reviewer_user_id",
        "document_type_id",
        "name",
        "is_used",
        "date_checked",
        "checked_user_id",
        *SIGNATURE_FIELDS.values(),
    )
    _vstbpn_editable_states = ("draft",)
    _vstbpn_returned_state = "returned"
    _vstbpn_review_activity = None
    _vstbpn_reason_actions = {
        "action_return": {"access": "read"},
        "action_withdraw": {"access": "read"},
    }

    name = fields.Char(string="Record", readonly=True, required=True)
    res_model = fields.Char(string="Model", readonly=True, required=True, index=True)
    res_id = fields.Many2oneReference(
        string="Record ID", model_field="res_model", readonly=True, required=True
    )
    document_type_id = fields.Many2one(
        "vstbpn.document.type", string="Document Type", readonly=True
    )
    signatory_id = fields.Many2one(
        "vstbpn.signatory",
        string="Signer",
        required=True,
        readonly=True,
        tracking=True,
        ondelete="restrict",
    )
    signer_user_id = fields.Many2one(
        related="signatory_id.user_id", string="Signer's User", store=True
    )
    reviewer_user_id = fields.Many2one(
        "res.users",
        string="Checked By",
        readonly=True,
        tracking=True,
        help="Optional: who checks the draft before the signer (the head of the "
        "office, a legal officer...).",
    )
    note = fields.Text(
        string="Submission Note",
        help="What the signer should know: what the draft is, what changed since "
        "a return.",
    )
    state = fields.Selection(
        SIGNOFF_STATES,
        string="Status",
        default="draft",
        required=True,
        readonly=True,
        tracking=True,
        copy=False,
        index=True,
    )
    date_checked = fields.Date(string="Checked On", readonly=True, copy=False)
    checked_user_id = fields.Many2one("res.users", readonly=True, copy=False)
    is_used = fields.Boolean(
        readonly=True,
        copy=False,
        help="The approved record has been issued or submitted: a later "
        "submission needs a new signature.",
    )
    signed_authority = fields.Char(readonly=True, copy=False)
    signed_authority_body = fields.Char(readonly=True, copy=False)
    signed_title = fields.Char(readonly=True, copy=False)
    signed_position = fields.Char(readonly=True, copy=False)
    signed_name = fields.Char(string="Signed By", readonly=True, copy=False)
    can_sign = fields.Boolean(compute="_compute_can_sign")
    can_check = fields.Boolean(compute="_compute_can_sign")

    @api.depends_context("uid")
    @api.depends("state", "signer_user_id", "reviewer_user_id")
    def _compute_can_sign(self):
        user = self.env.user
        for signoff in self:
            signoff.can_sign = (
                signoff.state == "submitted" and signoff.signer_user_id == user
            )
            signoff.can_check = (
                signoff.state == "checking" and signoff.reviewer_user_id == user
            )

    # THE RECORD SIGNED

    def _vstbpn_target(self):
        self.ensure_one()
        return self.env[self.res_model].browse(self.res_id)

    def action_open_record(self):
        self.ensure_one()
        target = self._vstbpn_target()
        target.check_access("read")
        return {
            "type": "ir.actions.act_window",
            "res_model": target._name,
            "res_id": target.id,
            "views": [(False, "form")],
        }

    # REVIEW (vstbpn.review.workflow.mixin): the checker and the signer review

    def _vstbpn_can_review_user(self):
        self.ensure_one()
        user = self.env.user
        return self.env.su or user in (self.signer_user_id | self.reviewer_user_id)

    def _vstbpn_check_submitter(self):
        # the officer's right is checked on the record signed, whose request
        # this is (vstbpn.signoff.mixin._vstbpn_request_signoff)
        return True

    def _vstbpn_submit_from_states(self):
        return {"draft"}

    def _vstbpn_return_from_states(self):
        return set(PENDING_STATES)

    def _vstbpn_submission_values(self):
        values = super()._vstbpn_submission_values()
        if self.reviewer_user_id:
            values["state"] = "checking"
        return values

    def _vstbpn_return_values(self, reason):
        # a request keeps who submitted it: the returned draft goes back to them
        values = super()._vstbpn_return_values(reason)
        values.pop(self._vstbpn_submitted_user_field, None)
        values.pop(self._vstbpn_submitted_date_field, None)
        return values

    def _vstbpn_acceptance_values(self):
        signature = self.signatory_id.sudo()._vstbpn_signature()
        return {
            **super()._vstbpn_acceptance_values(),
            **{SIGNATURE_FIELDS[key]: signature[key] for key in SIGNATURE_FIELDS},
        }

    def _vstbpn_on_submit(self):
        self._vstbpn_ask(
            self.reviewer_user_id if self.state == "checking" else self.signer_user_id
        )

    def _vstbpn_on_accept(self):
        self.sudo().activity_feedback([SIGN_ACTIVITY])

    def _vstbpn_on_return(self, reason):
        self.sudo().activity_unlink([SIGN_ACTIVITY])
        target = self._vstbpn_target()
        note = self.env._(
            "Returned by %(user)s, not signed: %(reason)s",
            user=self.env.user.name,
            reason=reason,
        )
        target._vstbpn_post_note(Markup("<p>%s</p>") % note)
        self._vstbpn_post_note(Markup("<p>%s</p>") % note)
        self._vstbpn_ask(self.submitted_user_id, self.env._("Correct and resubmit"))

    def _vstbpn_ask(self, user, summary=None):
        """The activity of the one who acts next, on the request."""
        if user:
            self.sudo().activity_schedule(
                SIGN_ACTIVITY,
                user_id=user.id,
                summary=summary or self.env._("To sign: %(record)s", record=self.name),
            )

    def _vstbpn_review_refused_message(self):
        return self.env._(
            "Only %(signer)s, or the checker named, acts on the submission of "
            "%(record)s.",
            signer=self.signatory_id.sudo().display_name,
            record=self.name,
        )

    def _vstbpn_review_state_message(self):
        return self.env._(
            "The submission of %(record)s is %(state)s: it is no longer waiting.",
            record=self.name,
            state=dict(self._fields["state"]._description_selection(self.env)).get(
                self.state
            ),
        )

    def _vstbpn_return_reason_message(self):
        return self.env._(
            "Say why the draft is returned, so that the officer knows what to correct."
        )

    def _vstbpn_return_wizard_title(self):
        return self.env._("Return Unsigned")

    # ACTIONS

    def action_check(self):
        """The checker passes the draft on to the signer."""
        self._vstbpn_check_review({"checking"})
        for signoff in self:
            if signoff.reviewer_user_id != self.env.user and not self.env.su:
                raise AccessError(signoff._vstbpn_review_refused_message())
        self.sudo().activity_feedback([SIGN_ACTIVITY])
        self._vstbpn_trusted_write(
            {
                "state": "submitted",
                "date_checked": vn_today(self.env),
                "checked_user_id": self.env.uid,
            }
        )
        for signoff in self:
            signoff._vstbpn_ask(signoff.signer_user_id)
        return True

    def action_sign(self):
        """The signer approves: the record is numbered, issued or submitted
        now, as the signer, or nothing is signed."""
        for signoff in self:
            if signoff.signer_user_id != self.env.user and not self.env.su:
                raise AccessError(
                    self.env._(
                        "Only %(signer)s signs %(record)s: you may check or "
                        "return it, not sign it.",
                        signer=signoff.signatory_id.sudo().display_name,
                        record=signoff.name,
                    )
                )
        self._vstbpn_accept()
        for signoff in self:
            signoff._vstbpn_target()._vstbpn_on_signed_off(signoff)
            signoff._vstbpn_trusted_write({"is_used": True})
        return True

    def action_withdraw(self, reason):
        """The officer takes the draft back to change it."""
        self._vstbpn_required_reason(
            reason, self.env._("Say why the draft is withdrawn from signature.")
        )
        for signoff in self:
            target = signoff._vstbpn_target()
            target._vstbpn_check_signoff_requester()
            if signoff.state not in PENDING_STATES:
                raise UserError(signoff._vstbpn_review_state_message())
        self.sudo().activity_unlink([SIGN_ACTIVITY])
        self._vstbpn_trusted_write({"state": "withdrawn"})
        self._vstbpn_post_note(
            Markup("<p>%s</p>")
            % self.env._("Withdrawn: %(reason)s", reason=reason.strip())
        )
        return True

    def action_open_withdraw_wizard(self):
        self.ensure_one()
        return self._vstbpn_open_reason_wizard(
            "action_withdraw", self.env._("Withdraw from Signature")
        )
