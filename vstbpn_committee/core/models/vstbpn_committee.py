import re
import unicodedata

from odoo import api, fields, models
from odoo.exceptions import ValidationError

from ...tools import count_by, window_action

# What every committee's name starts with, in the ways officers write it.
NAME_PREFIX = re.compile(
    r"^\s*ban\s+(vì\s+sự\s+tiến\s+bộ\s+(của\s+)?phụ\s+nữ|vstb\s*pn|vstb\s+phụ\s+nữ)\s+",
    re.IGNORECASE,
)


def short_committee_name(name):
    """ "Ban vì sự tiến bộ của phụ nữ tỉnh Bình Định" -> "tỉnh Bình Định";
    a name without the usual opening is its own short name."""
    if not name:
        return name
    short = NAME_PREFIX.sub("", unicodedata.normalize("NFC", name), count=1).strip()
    return short or name


MEETING_FREQUENCIES = [
    ("monthly", "Monthly"),
    ("quarterly", "Quarterly"),
    ("semi_annual", "Semi-annual"),
    ("annual", "Annual"),
]


class VstbpnCommittee(models.Model):
    """A Committee for the Advancement of Women (Ban VSTBPN).

    Committees form a tree of any depth: national, province, sector and commune
    today; province and district in 2017. The standing body and the organisation
    a committee belongs to are partners, never hard-coded agencies.
    """

    _name = "vstbpn.committee"
    _description = "Committee for the Advancement of Women"
    _inherit = ["mail.thread", "mail.activity.mixin", "vstbpn.integrity.mixin"]
    _parent_store = True
    _order = "complete_name, id"
    _rec_names_search = ["name", "short_name", "code", "complete_name"]
    _vstbpn_tie_fields = ("parent_id",)
    _vstbpn_unique_fields = ("code",)
    # the tree's materialised path, which every record rule reads
    _vstbpn_derived_fields = ("parent_path",)

    name = fields.Char(required=True, tracking=True)
    short_name = fields.Char(
        compute="_compute_short_name",
        store=True,
        readonly=False,
        tracking=True,
        help="The unit as lists, cards, pivots and spreadsheets show it, where space "
        'is short (e.g. "tỉnh Bình Định"). Proposed from the name without the '
        "words every committee's name starts with; forms and printed documents "
        "keep the full name.",
    )
    code = fields.Char(required=True, tracking=True, copy=False)
    complete_name = fields.Char(
        compute="_compute_complete_name", store=True, recursive=True, index=True
    )
    level_id = fields.Many2one(
        "vstbpn.committee.level", required=True, tracking=True, ondelete="restrict"
    )
    parent_id = fields.Many2one(
        "vstbpn.committee",
        string="Parent Committee",
        index=True,
        tracking=True,
        ondelete="restrict",
    )
    parent_path = fields.Char(index=True)
    child_ids = fields.One2many(
        "vstbpn.committee", "parent_id", string="Sub-committees"
    )
    organization_partner_id = fields.Many2one(
        "res.partner",
        string="Organisation",
        tracking=True,
        help="The People's Committee, department or agency the committee belongs to.",
    )
    standing_body_partner_id = fields.Many2one(
        "res.partner",
        string="Standing Body",
        tracking=True,
        help="The agency that runs the committee's daily work; it changes with "
        "reorganisations, so it is set per committee.",
    )
    officer_user_ids = fields.Many2many(
        "res.users",
        "vstbpn_committee_res_users_rel",
        "committee_id",
        "user_id",
        string="Responsible Officers",
        help="Users who work for this committee and every committee below it.",
    )
    meeting_frequency = fields.Selection(
        MEETING_FREQUENCIES,
        string="Regular Meetings",
        default="quarterly",
        tracking=True,
    )
    active = fields.Boolean(default=True, tracking=True)
    company_id = fields.Many2one(
        "res.company", required=True, default=lambda self: self.env.company
    )
    document_place = fields.Char(
        string="Place on Documents",
        help="The place name of the date line of its documents, e.g. 'Bình Định'.",
    )
    document_symbol = fields.Char(
        string="Document Symbol",
        help="The committee's own symbol after the number, e.g. 'BVSTBPN' in "
        "'Số: 56/BVSTBPN'. An advisory committee keeps its own number sequence.",
    )
    document_numbering = fields.Selection(
        [
            ("single", "One series for every document type"),
            ("per_type", "One series per document type"),
        ],
        string="Document Numbering",
        default="single",
        required=True,
        tracking=True,
        help="Its documents are numbered from 01 on 1 January each year (Decree "
        "30/2020/NĐ-CP, Art. 15): in one series whatever their type, or in one "
        "series per type (plans, reports, letters...) where its office works "
        "that way.",
    )
    seal_image = fields.Image(
        string="Seal Image",
        max_width=600,
        max_height=600,
        groups="vstbpn_committee.group_admin",
        help="The organisation's seal, a PNG with a transparent background: "
        "stamped over the left third of the signer's signature on the signed "
        "PDF of its documents (Decree 30/2020/NĐ-CP, Appendix I, Part II).",
    )
    color = fields.Integer()
    note = fields.Html()
    member_ids = fields.One2many(
        "vstbpn.committee.member", "committee_id", string="Members"
    )
    decision_ids = fields.One2many(
        "vstbpn.committee.decision", "committee_id", string="Decisions"
    )
    head_member_id = fields.Many2one(
        "vstbpn.committee.member",
        string="Current Head",
        compute="_compute_current_members",
        compute_sudo=True,
    )
    head_partner_id = fields.Many2one(
        "res.partner",
        string="Head",
        compute="_compute_current_members",
        compute_sudo=True,
    )
    current_member_count = fields.Integer(
        string="Current Members",
        compute="_compute_current_members",
        compute_sudo=True,
    )
    child_count = fields.Integer(
        string="Sub-committees Count", compute="_compute_child_count"
    )
    decision_count = fields.Integer(compute="_compute_decision_count")

    _sql_constraints = [
        ("code_unique", "unique(code)", "Another committee already has this code."),
    ]

    @api.depends("name")
    def _compute_short_name(self):
        for committee in self:
            committee.short_name = short_committee_name(committee.name)

    @api.depends_context("vstbpn_short_name")
    @api.depends("name", "short_name")
    def _compute_display_name(self):
        """The short name where a view asks for it (context key
        ``vstbpn_short_name``: lists, kanban cards, group headers)."""
        short = self.env.context.get("vstbpn_short_name")
        for committee in self:
            committee.display_name = (short and committee.short_name) or committee.name

    @api.depends("name", "parent_id.complete_name")
    def _compute_complete_name(self):
        for committee in self:
            if committee.parent_id:
                committee.complete_name = (
                    f"{committee.parent_id.complete_name} / {committee.name}"
                )
            else:
                committee.complete_name = committee.name

    @api.depends("member_ids.date_start", "member_ids.date_end", "member_ids.role")
    @api.depends_context("date")
    def _compute_current_members(self):
        current = self.env["vstbpn.committee.member"].search(
            [("committee_id", "in", self.ids), ("is_current", "=", True)]
        )
        by_committee = current.grouped("committee_id")
        for committee in self:
            members = by_committee.get(committee, current.browse())
            head = members.filtered(lambda m: m.role == "head")[:1]
            committee.head_member_id = head
            committee.head_partner_id = head.partner_id
            committee.current_member_count = len(members)

    def _compute_child_count(self):
        counts = count_by(self, "vstbpn.committee", "parent_id")
        for committee in self:
            committee.child_count = counts.get(committee, 0)

    def _compute_decision_count(self):
        counts = count_by(self, "vstbpn.committee.decision", "committee_id")
        for committee in self:
            committee.decision_count = counts.get(committee, 0)

    # CRUD

    def _vstbpn_refuse_duplicate(self, values, other):
        if not other:
            return super()._vstbpn_refuse_duplicate(values, other)
        raise ValidationError(
            self.env._(
                "The code %(code)s is already used by the committee %(other)s: give "
                "each committee its own code.",
                code=values["code"],
                other=other.complete_name,
            )
        )

    def _vstbpn_may_move(self, field_name):
        # restructuring the tree (the 2025 reform) is the administrators' work;
        # they see every committee, so a move takes nothing out of their reach
        return field_name == "parent_id" and self.env.user.has_group(
            "vstbpn_committee.group_admin"
        )

    def write(self, vals):
        if vals.get("parent_id"):
            self._check_new_parent(vals["parent_id"])
        result = super().write(vals)
        if "officer_user_ids" in vals:
            # the other side of res.users.vstbpn_committee_ids: record rules
            # cached with the old assignments would keep a removed officer in
            self.env.registry.clear_cache()
        return result

    def _check_new_parent(self, parent_id):
        # Checked before writing: the parent_store update would otherwise fail
        # first, with a message that tells the user nothing.
        committees = self.env["vstbpn.committee"].sudo().with_context(active_test=False)
        if committees.search_count(
            [("id", "=", parent_id), ("id", "child_of", self.ids)]
        ):
            raise ValidationError(
                self.env._(
                    "A committee cannot be placed under itself or one of its "
                    "sub-committees. Choose a parent committee outside its subtree."
                )
            )

    # ACCESS HELPERS (shared by every committee-owned model)

    def _get_officers(self):
        """Officers of the committee, or of the nearest committee above that
        has any. Users merely assigned to a committee without the officer role
        read its records but are not asked to act on them."""
        self.ensure_one()
        committee = self.sudo()
        while committee:
            officers = committee.officer_user_ids.filtered(
                lambda user: user.has_group("vstbpn_committee.group_officer")
            )
            if officers:
                return officers
            committee = committee.parent_id
        return self.env["res.users"]

    def _is_reviewed_by_user(self):
        """Whether the user works for a committee strictly above this one."""
        self.ensure_one()
        user = self.env.user
        if self.env.su or user.has_group("vstbpn_committee.group_admin"):
            return True
        if not user.has_group("vstbpn_committee.group_officer"):
            return False
        ancestors = {int(i) for i in self.sudo().parent_path.split("/")[:-2]}
        return bool(ancestors & set(user.vstbpn_allowed_committee_ids.ids))

    def _vstbpn_document_place_name(self):
        """The place of the date line: its own, else its organisation's."""
        self.ensure_one()
        organisation = self.organization_partner_id
        return (
            self.document_place or organisation.state_id.name or organisation.city or ""
        )

    @api.model
    def _cron_process_deadlines(self):
        """Daily, for every model with deadlines (``vstbpn.deadline.mixin``):
        remind before the deadline, escalate what is overdue."""
        mixin = self.env.registry["vstbpn.deadline.mixin"]
        for name, model in self.env.registry.items():
            if (
                not model._abstract
                and not model._transient
                and issubclass(model, mixin)
            ):
                self.env[name]._cron_remind_and_escalate()

    # ACTIONS

    def action_open_members(self):
        self.ensure_one()
        return window_action(
            self.env,
            "vstbpn_committee.vstbpn_committee_member_action",
            [("committee_id", "=", self.id)],
            {"default_committee_id": self.id, "search_default_current": 1},
        )

    def action_open_children(self):
        self.ensure_one()
        return window_action(
            self.env,
            "vstbpn_committee.vstbpn_committee_action",
            [("parent_id", "=", self.id)],
            {"default_parent_id": self.id},
        )

    def action_open_decisions(self):
        self.ensure_one()
        return window_action(
            self.env,
            "vstbpn_committee.vstbpn_committee_decision_action",
            [("committee_id", "=", self.id)],
            {"default_committee_id": self.id},
        )
