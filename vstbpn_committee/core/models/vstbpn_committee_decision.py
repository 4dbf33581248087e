from datetime import timedelta

from odoo import api, fields, models
from odoo.exceptions import AccessError, UserError, ValidationError

from ...tools import vn_today

DECISION_TYPES = [
    ("establishment", "Establishment"),
    ("consolidation", "Consolidation"),
    ("dissolution", "Dissolution"),
]


class VstbpnCommitteeDecision(models.Model):
    """A decision establishing, consolidating (kiện toàn) or dissolving a committee.

    Its lines appoint, change the role of, or dismiss people. Applying it
    updates the memberships as of its effective date, all or nothing; an
    applied decision is part of the record and can no longer be changed.
    """

    _name = "vstbpn.committee.decision"
    _description = "Committee Decision"
    _inherit = [
        "mail.thread",
        "mail.activity.mixin",
        "vstbpn.numbered.document.mixin",
        "vstbpn.committee.owned.mixin",
        "vstbpn.locked.workflow.mixin",
    ]
    _order = "date desc, id desc"
    _vstbpn_tie_fields = ("committee_id",)
    _vstbpn_derived_fields = ("state",)
    _vstbpn_unique_fields = ("committee_id", "name")

    name = fields.Char(
        string="Number and Symbol",
        required=True,
        tracking=True,
        help="As printed on the decision, e.g. 123/QĐ-UBND.",
    )
    decision_type = fields.Selection(
        DECISION_TYPES,
        string="Type",
        required=True,
        default="consolidation",
        tracking=True,
    )
    summary = fields.Char(string="Subject", help="The decision's abstract (trích yếu).")
    date = fields.Date(
        string="Signing Date",
        required=True,
        default=lambda self: vn_today(self.env),
        tracking=True,
    )
    date_effective = fields.Date(
        string="Effective Date",
        required=True,
        tracking=True,
        compute="_compute_date_effective",
        store=True,
        readonly=False,
        precompute=True,
    )
    issuing_partner_id = fields.Many2one(
        "res.partner", string="Issuing Body", tracking=True
    )
    # the signer's fields come from vstbpn.numbered.document.mixin; the number
    # is typed (``name``): the People's Committee issues the decision
    signer_authority = fields.Selection(default="TM.")
    distribution = fields.Text(
        help="The 'Nơi nhận' list of the printed decision, one recipient per line; "
        "the archive line 'Lưu: VT' is added.",
    )
    line_ids = fields.One2many(
        "vstbpn.committee.decision.line", "decision_id", string="Changes", copy=True
    )
    signed_file = fields.Binary(string="Signed Decision", attachment=True, copy=False)
    signed_filename = fields.Char(copy=False)
    state = fields.Selection(
        [("draft", "Draft"), ("applied", "Applied")],
        default="draft",
        required=True,
        tracking=True,
        copy=False,
    )
    appointed_member_ids = fields.One2many(
        "vstbpn.committee.member", "decision_start_id", string="Memberships Started"
    )
    ended_member_ids = fields.One2many(
        "vstbpn.committee.member", "decision_end_id", string="Memberships Ended"
    )

    _sql_constraints = [
        (
            "name_committee_unique",
            "unique(committee_id, name)",
            "This committee already has a decision with this number.",
        ),
    ]

    @api.depends("date")
    def _compute_date_effective(self):
        for decision in self:
            decision.date_effective = decision.date_effective or decision.date

    @api.constrains("date", "date_effective")
    def _check_dates(self):
        for decision in self:
            if decision.date_effective < decision.date:
                raise ValidationError(
                    self.env._(
                        "Decision %(name)s takes effect (%(effective)s) before it is "
                        "signed (%(signed)s). Set the effective date on or after the "
                        "signing date.",
                        name=decision.name,
                        effective=decision.date_effective,
                        signed=decision.date,
                    )
                )

    # CRUD

    def _vstbpn_refuse_duplicate(self, values, other):
        if not other:
            return super()._vstbpn_refuse_duplicate(values, other)
        raise ValidationError(
            self.env._(
                "%(committee)s already has a decision numbered %(name)s (signed on "
                "%(date)s): check the number and symbol.",
                committee=other.committee_id.name,
                name=other.name,
                date=other.date,
            )
        )

    def _vstbpn_locked_message(self):
        return self.env._(
            "Decision %(name)s has been applied and is part of the committee's "
            "record: it can no longer be changed or deleted. Record a new "
            "decision instead.",
            name=self.name,
        )

    # ACTIONS

    def action_apply(self):
        """Apply each decision's changes to the memberships, all or nothing."""
        self._check_apply_rights()
        for decision in self.sorted(lambda d: (d.date_effective, d.id)):
            decision._check_applicable()
            try:
                with self.env.cr.savepoint():
                    # checked above: the manager may apply it; the memberships
                    # it starts and ends are linked to it by the system
                    decision.sudo()._apply_lines()
                    decision.sudo()._apply_dissolution()
                    decision._vstbpn_trusted_write({"state": "applied"})
            except ValidationError as error:
                self.env.invalidate_all()  # the rollback left stale values in the cache
                raise UserError(
                    self.env._(
                        "Decision %(name)s cannot be applied, and nothing was changed: "
                        "%(reason)s",
                        name=decision.name,
                        reason=error.args[0],
                    )
                ) from error
        return True

    def _check_apply_rights(self):
        if not self.env.user.has_group("vstbpn_committee.group_manager"):
            raise AccessError(
                self.env._(
                    "Only committee managers can apply decisions. Ask a manager of "
                    "the committee to apply it."
                )
            )
        self.check_access("write")
        self.committee_id.check_access("write")

    def _check_applicable(self):
        self.ensure_one()
        if self.state != "draft":
            raise UserError(
                self.env._(
                    "Decision %(name)s has already been applied.", name=self.name
                )
            )
        if not self.line_ids and self.decision_type != "dissolution":
            raise UserError(
                self.env._(
                    "Decision %(name)s has no changes to apply: add the people it "
                    "appoints, moves or dismisses.",
                    name=self.name,
                )
            )
        problems = [
            problem
            for line in self.line_ids
            for problem in line._applicability_problems()
        ]
        if problems:
            raise UserError(
                self.env._(
                    "Decision %(name)s cannot be applied, and nothing was changed:"
                    "\n%(problems)s",
                    name=self.name,
                    problems="\n".join(f"- {problem}" for problem in problems),
                )
            )

    def _apply_lines(self):
        # Ends first: a new head may start on the day after the old one leaves.
        ordered = self.line_ids.sorted(
            lambda line: (line.action == "appoint", line.sequence)
        )
        for line in ordered:
            line._apply()

    def _apply_dissolution(self):
        if self.decision_type != "dissolution":
            return
        current = self.env["vstbpn.committee.member"].search(
            [("committee_id", "=", self.committee_id.id)]
            + self.env["vstbpn.committee.member"]._domain_active_on(self.date_effective)
        )
        current.action_end(self._last_day_before_effect(), decision=self)
        self.committee_id.active = False

    def _last_day_before_effect(self):
        return self.date_effective - timedelta(days=1)

    # PRINTING (Decree 30/2020/NĐ-CP)

    def _vstbpn_document_issuer(self):
        return (
            self.issuing_partner_id.name
            or self.committee_id.organization_partner_id.name
        )

    def _vstbpn_document_number(self):
        return self.name

    def _vstbpn_document_place(self):
        return self.committee_id._vstbpn_document_place_name()

    def _vstbpn_document_date(self):
        return self.date

    def _vstbpn_document_title(self):
        return self.env._("Decision")

    def _vstbpn_document_title_subject(self):
        return self.summary

    def _vstbpn_document_recipients(self):
        lines = (self.distribution or "").splitlines()
        return [line.strip(" -;") for line in lines if line.strip(" -;")]

    def _vstbpn_print_lines(self):
        """The decision's changes in the order the printed article lists them."""
        return self.line_ids.sorted(
            lambda line: (line.action != "appoint", line.sequence)
        )
