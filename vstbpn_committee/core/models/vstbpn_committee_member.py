from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import UserError, ValidationError

from ...tools import vn_today

ROLES = [
    ("head", "Head"),
    ("deputy_head", "Deputy Head"),
    ("standing_member", "Standing Member"),
    ("member", "Member"),
    ("secretary", "Secretary"),
]
ROLE_SEQUENCE = {code: index for index, (code, _label) in enumerate(ROLES)}


class VstbpnCommitteeMember(models.Model):
    """One person's membership of a committee, in one role, for one period.

    Memberships are history: who held which role when. A change of role ends
    one membership and starts another; nothing is ever deleted.
    """

    _name = "vstbpn.committee.member"
    _description = "Committee Membership"
    _inherit = ["mail.thread", "vstbpn.committee.owned.mixin"]
    _order = "committee_id, is_head desc, role_sequence, date_start desc, id"
    _rec_name = "partner_id"
    # Who is a member of which committee grants access: a membership is
    # created where it belongs, never moved, and only decisions link to it.
    _vstbpn_tie_fields = ("committee_id", "employee_id", "partner_id")
    _vstbpn_derived_fields = ("decision_start_id", "decision_end_id")

    employee_id = fields.Many2one(
        "hr.employee", index="btree_not_null", tracking=True, ondelete="restrict"
    )
    partner_id = fields.Many2one(
        "res.partner",
        string="Person",
        required=True,
        index=True,
        tracking=True,
        ondelete="restrict",
        compute="_compute_partner_id",
        store=True,
        readonly=False,
        precompute=True,
    )
    user_id = fields.Many2one(related="employee_id.user_id", string="User")
    # Officers need not have HR rights to see a member's photo.
    image_128 = fields.Image(compute="_compute_image_128", compute_sudo=True)
    role = fields.Selection(ROLES, required=True, default="member", tracking=True)
    role_sequence = fields.Integer(compute="_compute_role_sequence", store=True)
    is_head = fields.Boolean(compute="_compute_role_sequence", store=True)
    committee_title = fields.Char(
        string="Title in the Committee",
        tracking=True,
        help="E.g. 'Vice-chairman of the provincial People's Committee, "
        "Head of the committee'.",
    )
    agency_partner_id = fields.Many2one(
        "res.partner",
        string="Represented Agency",
        tracking=True,
        help="The agency or organisation the person represents in the committee.",
    )
    job_title = fields.Char(string="Position in the Agency", tracking=True)
    signature_image = fields.Image(
        string="Signature Image",
        max_width=600,
        max_height=600,
        groups="vstbpn_committee.group_admin",
        help="The person's handwritten signature, a PNG with a transparent "
        "background: placed between the title and the name on the signed PDF "
        "of the documents they sign off (Decree 30/2020/NĐ-CP, Appendix I, "
        "Part II).",
    )
    date_start = fields.Date(
        string="Start Date",
        required=True,
        default=lambda self: vn_today(self.env),
        tracking=True,
    )
    date_end = fields.Date(string="End Date", tracking=True)
    decision_start_id = fields.Many2one(
        "vstbpn.committee.decision", string="Appointing Decision", ondelete="restrict"
    )
    decision_end_id = fields.Many2one(
        "vstbpn.committee.decision", string="Ending Decision", ondelete="restrict"
    )
    is_current = fields.Boolean(
        string="Current", compute="_compute_status", search="_search_is_current"
    )
    status = fields.Selection(
        [("upcoming", "Upcoming"), ("current", "Current"), ("former", "Former")],
        compute="_compute_status",
    )
    phone = fields.Char(related="partner_id.phone")
    email = fields.Char(related="partner_id.email")

    @api.depends("employee_id")
    def _compute_partner_id(self):
        for member in self.filtered("employee_id"):
            member.partner_id = member.employee_id.work_contact_id

    @api.depends("employee_id.image_128", "partner_id.avatar_128")
    def _compute_image_128(self):
        for member in self:
            member.image_128 = (
                member.employee_id.image_128 or member.partner_id.avatar_128
            )

    @api.depends("role")
    def _compute_role_sequence(self):
        for member in self:
            member.role_sequence = ROLE_SEQUENCE.get(member.role, len(ROLES))
            member.is_head = member.role == "head"

    @api.depends("date_start", "date_end")
    @api.depends_context("date")
    def _compute_status(self):
        today = self._reference_date()
        for member in self:
            if member.date_start and member.date_start > today:
                member.status = "upcoming"
            elif member.date_end and member.date_end < today:
                member.status = "former"
            else:
                member.status = "current"
            member.is_current = member.status == "current"

    def _search_is_current(self, operator, value):
        if operator not in ("=", "!=") or not isinstance(value, bool):
            raise UserError(self.env._("Unsupported search on the current flag."))
        day = self._reference_date()
        if (operator == "=") == value:
            return self._domain_active_on(day)
        return [
            "|",
            ("date_start", ">", day),
            "&",
            ("date_end", "!=", False),
            ("date_end", "<", day),
        ]

    def _reference_date(self):
        """The day "current" refers to: today, or the ``date`` in the context."""
        return fields.Date.to_date(self.env.context.get("date")) or vn_today(self.env)

    @api.model
    def _domain_active_on(self, day):
        return [
            ("date_start", "<=", day),
            "|",
            ("date_end", "=", False),
            ("date_end", ">=", day),
        ]

    # CONSTRAINTS

    @api.constrains("date_start", "date_end")
    def _check_dates(self):
        for member in self:
            if member.date_end and member.date_end < member.date_start:
                raise ValidationError(
                    self.env._(
                        "The membership of %(person)s in %(committee)s ends (%(end)s) "
                        "before it starts (%(start)s). Set an end date on or after the "
                        "start date.",
                        person=member.partner_id.display_name,
                        committee=member.committee_id.display_name,
                        end=member.date_end,
                        start=member.date_start,
                    )
                )

    @api.constrains("committee_id", "partner_id", "role", "date_start", "date_end")
    def _check_overlaps(self):
        # one search for all the committees concerned, not one per membership:
        # a decision or an import writes many memberships at once
        by_committee = (
            self.sudo()
            .search([("committee_id", "in", self.committee_id.ids)])
            .grouped("committee_id")
        )
        for member in self:
            overlapping = by_committee[member.committee_id].filtered(
                lambda m, member=member: m.id != member.id and m._overlaps(member)
            )
            same_person = overlapping.filtered(
                lambda m, p=member.partner_id: m.partner_id == p
            )
            if same_person:
                raise ValidationError(
                    self.env._(
                        "%(person)s is already a member of %(committee)s from "
                        "%(start)s. End that membership before starting another "
                        "one, or change its role.",
                        person=member.partner_id.display_name,
                        committee=member.committee_id.display_name,
                        start=same_person[0].date_start,
                    )
                )
            other_head = (
                overlapping.filtered("is_head") if member.is_head else overlapping[:0]
            )
            if other_head:
                raise ValidationError(
                    self.env._(
                        "%(committee)s already has a head for this period: %(head)s. "
                        "A committee has one head at a time: end the current head's "
                        "membership first.",
                        committee=member.committee_id.display_name,
                        head=other_head[0].partner_id.display_name,
                    )
                )

    def _overlaps(self, other):
        """Whether the periods of these two memberships meet (open ends run on)."""
        return (not self.date_end or self.date_end >= other.date_start) and (
            not other.date_end or self.date_start <= other.date_end
        )

    @api.model
    def _cron_refresh_access(self):
        """Record rules follow current memberships; a membership that starts or
        ends by the calendar, with no write, must refresh them too. Looks two
        days back, so that a missed run is caught up the day after."""
        today = vn_today(self.env)
        changed = self.sudo().search_count(
            [
                "|",
                "&",
                ("date_start", ">", today - timedelta(days=2)),
                ("date_start", "<=", today),
                "&",
                ("date_end", ">=", today - timedelta(days=3)),
                ("date_end", "<", today),
            ],
            limit=1,
        )
        if changed:
            self.env.registry.clear_cache()
        return bool(changed)

    # CRUD

    @api.model_create_multi
    def create(self, vals_list):
        members = super().create(vals_list)
        self.env.registry.clear_cache()  # record rules depend on memberships
        return members

    def write(self, vals):
        result = super().write(vals)
        if {"date_start", "date_end", "employee_id", "committee_id"} & set(vals):
            self.env.registry.clear_cache()
        return result

    @api.ondelete(at_uninstall=False)
    def _unlink_never(self):
        raise UserError(
            self.env._(
                "Committee memberships are kept as history and cannot be deleted. "
                "End the membership instead: set its end date, or apply a decision "
                "that dismisses the person."
            )
        )

    # ACTIONS

    def action_end(self, date_end=None, decision=None):
        """End these memberships on ``date_end`` (default: today)."""
        values = {"date_end": date_end or vn_today(self.env)}
        if decision:
            values["decision_end_id"] = decision.id
        self.write(values)
