from markupsafe import Markup

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError

from .vstbpn_signoff import PENDING_STATES


class VstbpnSignoffMixin(models.AbstractModel):
    """A record that a committee issues or submits only once signed (trình
    ký): documents, reports, work plans, Action Month plans.

    Where the committee asks for it (``signoff_required``), the step that
    sends the record out (issuing, submitting) is refused unless the signer
    approved this very submission (``vstbpn.signoff``); the approval takes
    the step itself, as the signer. While it waits for signature, the record
    cannot be changed. The printed signature then comes from the approval.

    The model calls ``_vstbpn_check_signed_off()`` in its step, and
    implements ``_vstbpn_take_signed_step()`` (the step, as the signer) and
    ``_vstbpn_check_signable()`` (what the step would refuse, checked when
    the draft is submitted, not at signature). Hook:
    ``_vstbpn_signoff_document_type()``, the kind of document signed, which
    chooses the signatories.

    Models that inherit this mixin by extension (``_inherit = [model,
    mixin]``) redeclare the hooks they share with their own parents
    (``_vstbpn_document_signature``, ``_vstbpn_check_editable``), since those
    parents come first in Python's order.
    """

    _name = "vstbpn.signoff.mixin"
    _description = "Signed Before Issue"

    signoff_id = fields.Many2one(
        "vstbpn.signoff",
        string="Submission for Signature",
        readonly=True,
        copy=False,
        index="btree_not_null",
    )
    signoff_state = fields.Selection(
        related="signoff_id.state", string="Signature Status"
    )
    # computed, not related: the mixin has no committee_id of its own
    signoff_required = fields.Boolean(compute="_compute_signoff_required")
    signoff_count = fields.Integer(compute="_compute_signoff_count")

    def _compute_signoff_required(self):
        for record in self:
            record.signoff_required = record.committee_id.sudo().signoff_required

    def _compute_signoff_count(self):
        groups = self.env["vstbpn.signoff"]._read_group(
            [("res_model", "=", self._name), ("res_id", "in", self.ids)],
            ["res_id"],
            ["__count"],
        )
        counts = dict(groups)
        for record in self:
            record.signoff_count = counts.get(record.id, 0)

    # HOOKS

    # by default, what a record of the review cycle (a plan) does: issued as
    # the kind of document it prints as, submitted to the committee above

    def _vstbpn_signoff_document_type(self):
        """The kind of document signed, which chooses the signatories."""
        return self.env.ref(self._vstbpn_document_type_xmlid)

    def _vstbpn_check_signable(self):
        """Raise what the step would refuse (one record)."""
        self._vstbpn_check_submittable()

    def _vstbpn_take_signed_step(self):
        """Issue or submit the record, as the signer (one record)."""
        self.action_submit()

    # THE GATE

    def _vstbpn_check_signed_off(self):
        """Refuse the step unless the committee issues freely or the signer
        approved this submission and takes the step now."""
        if self.env.su:
            return
        for record in self:
            if not record.committee_id.sudo().signoff_required:
                continue
            signoff = record.sudo().signoff_id
            if not (
                signoff.state == "accepted"
                and not signoff.is_used
                and signoff.accepted_user_id == self.env.user
            ):
                raise AccessError(
                    self.env._(
                        "%(record)s is issued or submitted only once signed: "
                        "%(committee)s asks for the signer's approval. Use "
                        "'Submit for Signature'.",
                        record=record.display_name,
                        committee=record.committee_id.sudo().name,
                    )
                )

    def _vstbpn_signed_signature(self):
        """The signature block of the approval, or None where none signed."""
        signoff = self.sudo().signoff_id
        if signoff.state != "accepted":
            return None
        return {
            "authority": signoff.signed_authority or "",
            "body": signoff.signed_authority_body or "",
            "title": signoff.signed_title or "",
            "position": signoff.signed_position or "",
            "name": signoff.signed_name or "",
        }

    # THE MODEL'S OWN HOOKS, which this mixin precedes (see the docstring)

    @api.model
    def _vstbpn_protected_fields(self):
        return super()._vstbpn_protected_fields() | {"signoff_id"}

    def _vstbpn_locked_records(self):
        waiting = self.filtered(lambda r: r.sudo().signoff_id.state in PENDING_STATES)
        return super()._vstbpn_locked_records() | waiting

    def _vstbpn_locked_message(self):
        if self.sudo().signoff_id.state in PENDING_STATES:
            return self.env._(
                "%(record)s is waiting for signature and cannot be changed: "
                "withdraw it from signature first, or wait until it is signed or "
                "returned.",
                record=self.display_name,
            )
        return super()._vstbpn_locked_message()

    def _vstbpn_document_signature(self):
        return self._vstbpn_signed_signature() or super()._vstbpn_document_signature()

    def _vstbpn_check_submitter(self):
        """The review cycle's submission (reports, plans) is the step."""
        result = super()._vstbpn_check_submitter()
        self._vstbpn_check_signed_off()
        return result

    # SUBMITTING FOR SIGNATURE

    def action_request_signoff(
        self, signatory_id=None, reviewer_user_id=None, note=None
    ):
        """Submit the draft to a signatory, or open the form that asks whom."""
        self.ensure_one()
        if not signatory_id:
            self._vstbpn_check_signoff_requester()
            return {
                "type": "ir.actions.act_window",
                "name": self.env._("Submit for Signature"),
                "res_model": "vstbpn.signoff.request",
                "view_mode": "form",
                "target": "new",
                "context": {
                    "default_res_model": self._name,
                    "default_res_id": self.id,
                },
            }
        signatory = self.env["vstbpn.signatory"].browse(int(signatory_id)).exists()
        reviewer = self.env["res.users"].browse(int(reviewer_user_id or 0)).exists()
        return self._vstbpn_request_signoff(signatory, reviewer, note)

    def _vstbpn_check_signoff_requester(self):
        """Only the committee's officers submit its drafts, and take them back."""
        user = self.env.user
        if not (
            user.has_group("vstbpn_committee.group_admin")
            or (
                user.has_group("vstbpn_committee.group_officer")
                and self.committee_id in user.vstbpn_allowed_committee_ids
            )
        ):
            raise AccessError(
                self.env._(
                    "Only the officers of %(committee)s submit its drafts for "
                    "signature.",
                    committee=self.committee_id.sudo().name,
                )
            )
        self.check_access("write")

    def _vstbpn_request_signoff(self, signatory, reviewer, note):
        self._vstbpn_check_signoff_requester()
        self._vstbpn_check_editable()
        self._vstbpn_check_signatory(signatory, reviewer)
        self._vstbpn_check_signable()
        signoff = (
            self.env["vstbpn.signoff"]
            .sudo()
            .create(
                {
                    "committee_id": self.committee_id.id,
                    "res_model": self._name,
                    "res_id": self.id,
                    "name": self.display_name,
                    "document_type_id": self._vstbpn_signoff_document_type().id,
                    "signatory_id": signatory.id,
                    "reviewer_user_id": reviewer.id,
                    "note": (note or "").strip() or False,
                }
            )
        )
        # submitted in the officer's name: the request is the officer's uid
        signoff._vstbpn_submit()
        self._vstbpn_trusted_write({"signoff_id": signoff.id})
        self._vstbpn_post_note(
            Markup("<p>%s</p>")
            % self.env._(
                "Submitted for signature to %(signer)s.",
                signer=signatory.sudo().display_name,
            )
        )
        return True

    def _vstbpn_check_signatory(self, signatory, reviewer):
        committee = self.committee_id.sudo()
        document_type = self._vstbpn_signoff_document_type()
        signatory = signatory.sudo()
        if not (
            signatory.active
            and signatory.committee_id == committee
            and signatory._vstbpn_signs(document_type)
        ):
            raise UserError(
                self.env._(
                    "Choose one of the signatories of %(committee)s who signs "
                    "%(type)s documents (the committee's form, tab Signatories).",
                    committee=committee.name,
                    type=document_type.name or "",
                )
            )
        if reviewer and not reviewer.has_group("vstbpn_committee.group_officer"):
            raise UserError(
                self.env._(
                    "%(user)s is not an officer and cannot check drafts: choose "
                    "another checker, or none.",
                    user=reviewer.name,
                )
            )

    def _vstbpn_on_signed_off(self, signoff):
        """The signer approved: take the step now, as the signer."""
        self.ensure_one()
        self._vstbpn_post_note(
            Markup("<p>%s</p>")
            % self.env._("Signed by %(signer)s.", signer=signoff.signed_name)
        )
        self._vstbpn_take_signed_step()

    def action_open_signoffs(self):
        self.ensure_one()
        return {
            "type": "ir.actions.act_window",
            "name": self.env._("Submissions for Signature"),
            "res_model": "vstbpn.signoff",
            "view_mode": "list,form",
            "domain": [("res_model", "=", self._name), ("res_id", "=", self.id)],
        }


class VstbpnSignoffRequest(models.TransientModel):
    """Whom the officer submits the draft to: the signatory, and a checker."""

    _name = "vstbpn.signoff.request"
    _description = "Submit for Signature"

    res_model = fields.Char(string="Model", required=True, readonly=True)
    res_id = fields.Many2oneReference(
        string="Record ID", model_field="res_model", required=True
    )
    committee_id = fields.Many2one(
        "vstbpn.committee", compute="_compute_committee_id", string="Committee"
    )
    signatory_id = fields.Many2one(
        "vstbpn.signatory",
        string="Signer",
        required=True,
        domain="[('committee_id', '=', committee_id)]",
    )
    reviewer_user_id = fields.Many2one(
        "res.users",
        string="Checked First By",
        domain=[("share", "=", False)],
        help="Optional: who checks the draft before it reaches the signer.",
    )
    note = fields.Text(string="Submission Note")

    @api.depends("res_model", "res_id")
    def _compute_committee_id(self):
        for request in self:
            request.committee_id = request._vstbpn_target().committee_id

    def _vstbpn_target(self):
        model = self.env.get(self.res_model)
        if model is None or not isinstance(model, self.pool["vstbpn.signoff.mixin"]):
            raise UserError(self.env._("Only drafts of the suite are signed here."))
        return model.browse(self.res_id)

    def action_request(self):
        self.ensure_one()
        return self._vstbpn_target().action_request_signoff(
            self.signatory_id.id, self.reviewer_user_id.id, self.note
        )
