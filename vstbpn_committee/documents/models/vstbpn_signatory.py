from odoo import api, fields, models
from odoo.exceptions import AccessError, ValidationError

from ...core.models.vstbpn_official_document_mixin import SIGNING_AUTHORITIES

# What a membership's role signs by default (Decree 30/2020/NĐ-CP, Art. 13):
# the head signs for the committee (TM.), a deputy in the head's stead
# (KT. TRƯỞNG BAN), a standing member by the head's order (TL. TRƯỞNG BAN).
ROLE_SIGNATURES = {
    "head": ("TM.", None, "TRƯỞNG BAN"),
    "deputy_head": ("KT.", "TRƯỞNG BAN", "PHÓ TRƯỞNG BAN"),
    "standing_member": ("TL.", "TRƯỞNG BAN", None),
}


class VstbpnSignatory(models.Model):
    """Who signs what for a committee: a member, the authority they sign with
    (TM., KT., TL., TUQ.), the lines printed above their name, and the kinds
    of documents they sign. The user named here approves the sign-off
    requests (``vstbpn.signoff``); the printed signature comes from this
    record, frozen at approval, never from text typed on the draft.

    Kept by the suite's administrators: naming a signer grants the right to
    issue in the committee's name."""

    _name = "vstbpn.signatory"
    _description = "Committee Signatory"
    _inherit = ["mail.thread", "vstbpn.committee.owned.mixin"]
    _order = "committee_id, sequence, id"
    # a signatory is the membership it signs in: another member, another
    # signatory (the history of who signed stays)
    _vstbpn_tie_fields = ("committee_id", "member_id")
    _vstbpn_link_scopes = {"member_id": "same"}

    sequence = fields.Integer(default=10)
    active = fields.Boolean(default=True, tracking=True)
    member_id = fields.Many2one(
        "vstbpn.committee.member",
        string="Member",
        required=True,
        tracking=True,
        ondelete="restrict",
        domain="[('committee_id', '=', committee_id)]",
        help="The membership the person signs in: a change of role is a new "
        "membership, and a new signatory.",
    )
    partner_id = fields.Many2one(
        related="member_id.partner_id", string="Person", store=True
    )
    user_id = fields.Many2one(
        "res.users",
        string="Approves As",
        required=True,
        tracking=True,
        help="The user who approves or returns what is submitted to this "
        "signatory: an officer of the committee.",
    )
    authority = fields.Selection(
        SIGNING_AUTHORITIES,
        string="Signing Authority",
        compute="_compute_printed_lines",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        help="The prefix of the signature block: TM. (for the committee), KT. "
        "(in the head's stead), TL., TUQ. Empty when signing in one's own name.",
    )
    authority_body = fields.Char(
        string="On Behalf Of",
        compute="_compute_printed_lines",
        store=True,
        readonly=False,
        precompute=True,
        help="What follows the authority, e.g. the committee's name after TM., "
        "'TRƯỞNG BAN' after KT.",
    )
    title = fields.Char(
        string="Title",
        compute="_compute_printed_lines",
        store=True,
        readonly=False,
        precompute=True,
        required=True,
        tracking=True,
        help="Printed above the signature, e.g. 'PHÓ TRƯỞNG BAN'.",
    )
    position = fields.Char(
        string="Position Above the Name",
        help="Printed between the signature and the name, where the signer holds "
        "another office, e.g. 'PHÓ CHỦ TỊCH UBND TỈNH'.",
    )
    document_type_ids = fields.Many2many(
        "vstbpn.document.type",
        string="Signs",
        help="The kinds of documents this signatory signs (reports, plans, "
        "official letters...); empty: every kind.",
    )

    @api.depends("member_id.role", "committee_id.name")
    def _compute_printed_lines(self):
        for signatory in self:
            member = signatory.member_id.sudo()
            authority, body, title = ROLE_SIGNATURES.get(
                member.role, (False, None, None)
            )
            signatory.authority = authority
            signatory.authority_body = body or (
                signatory.committee_id.sudo().name.upper()
                if authority == "TM."
                else False
            )
            signatory.title = title or (member.job_title or "").upper() or False

    @api.depends("title", "partner_id")
    def _compute_display_name(self):
        for signatory in self:
            signature = signatory._vstbpn_signature()
            lead = " ".join(
                part for part in (signature["authority"], signature["body"]) if part
            )
            signatory.display_name = " – ".join(
                part for part in (lead, signature["title"], signature["name"]) if part
            )

    @api.constrains("user_id", "committee_id", "member_id")
    def _check_user_is_officer(self):
        for signatory in self:
            user = signatory.user_id.sudo()
            if not user.has_group("vstbpn_committee.group_officer") or (
                signatory.committee_id not in user.vstbpn_allowed_committee_ids
            ):
                raise ValidationError(
                    self.env._(
                        "%(user)s cannot approve for %(committee)s: make them an "
                        "officer of the committee first (Settings, Users).",
                        user=user.name,
                        committee=signatory.committee_id.sudo().name,
                    )
                )
            if signatory.member_id.sudo().committee_id != signatory.committee_id:
                raise ValidationError(
                    self.env._(
                        "A signatory of %(committee)s is one of its own members.",
                        committee=signatory.committee_id.sudo().name,
                    )
                )

    # CRUD: naming a signer is the administrators' decision

    @api.model_create_multi
    def create(self, vals_list):
        self._vstbpn_check_administrator()
        return super().create(vals_list)

    def write(self, vals):
        self._vstbpn_check_administrator()
        return super().write(vals)

    def _vstbpn_check_administrator(self):
        if not (self.env.su or self.env.user.has_group("vstbpn_committee.group_admin")):
            raise AccessError(
                self.env._(
                    "Only the suite's administrators name who signs for a "
                    "committee: ask them."
                )
            )

    # SIGNING

    def _vstbpn_signature(self):
        """The signature block as printed (``_vstbpn_document_signature``)."""
        self.ensure_one()
        return {
            "authority": self.authority or "",
            "body": (self.authority_body or "").upper(),
            "title": (self.title or "").upper(),
            "position": (self.position or "").upper(),
            "name": self.sudo().partner_id.name or "",
        }

    def _vstbpn_signs(self, document_type):
        """Whether this signatory signs documents of ``document_type``."""
        self.ensure_one()
        return not self.document_type_ids or document_type in self.document_type_ids


class VstbpnCommittee(models.Model):
    _inherit = "vstbpn.committee"

    signoff_required = fields.Boolean(
        string="Issued Only When Signed",
        tracking=True,
        help="Documents, reports and plans of the committee are issued or "
        "submitted only once one of its signatories has approved them (trình "
        "ký). Off: its officers issue them, with the signer typed on the draft.",
    )
    signatory_ids = fields.One2many(
        "vstbpn.signatory", "committee_id", string="Signatories"
    )
    is_signoff_admin = fields.Boolean(compute="_compute_is_signoff_admin")

    @api.depends_context("uid")
    def _compute_is_signoff_admin(self):
        self.is_signoff_admin = self.env.user.has_group("vstbpn_committee.group_admin")

    def write(self, vals):
        if "signoff_required" in vals and not (
            self.env.su or self.env.user.has_group("vstbpn_committee.group_admin")
        ):
            raise AccessError(
                self.env._(
                    "Only the suite's administrators decide whether a committee "
                    "issues only what its signatories approved."
                )
            )
        return super().write(vals)
