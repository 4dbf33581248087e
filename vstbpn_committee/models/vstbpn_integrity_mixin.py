import math

from odoo import api, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.models import LOG_ACCESS_COLUMNS

# Fields that mail and activities write on any record, whatever its state.
CHATTER_FIELD_PREFIXES = ("message_", "activity_", "website_message")
NUMBER_TYPES = ("integer", "float", "monetary")
TEXT_TYPES = ("char", "text", "html")


class VstbpnIntegrityMixin(models.AbstractModel):
    """What every record of the suite guarantees, whoever writes it and how.

    Odoo checks record rules on the records *before* a write, so a field that
    ties a record to the committee tree could carry it out of its writer's
    reach, or bring the writer further in. Every model of the suite inherits
    this mixin and declares, as class attributes:

    - ``_vstbpn_tie_fields``: fields that tie a record to the tree or to its
      parent; set at creation, never changed afterwards by a user;
    - ``_vstbpn_derived_fields``: fields only the suite's own actions write
      (workflow states and dates, consolidated figures); computed and related
      fields that are not editable are derived without being listed;
    - ``_vstbpn_max_lengths``: longest text per field; other one-line texts
      take ``_vstbpn_default_max_length``.

    The suite's actions write derived and tie fields as superuser, after their
    own checks (``_vstbpn_trusted_write``): a client can never become superuser.
    Every user's create and write is then checked, after the fact, against the
    record rules the user had before it, and the values typed are checked
    against each field's type with a message that names the field.
    """

    _name = "vstbpn.integrity.mixin"
    _description = "Integrity of the Suite's Records"

    _vstbpn_tie_fields = ()
    _vstbpn_derived_fields = ()
    _vstbpn_max_lengths = {"code": 32}
    _vstbpn_default_max_length = 256
    # Text fields beyond this are refused too: a report or minutes, not a book.
    _vstbpn_max_text_length = 1_000_000
    # Fields unique together, checked before saving so that the message can
    # name the record that already holds the value (the SQL constraint stays,
    # as a backstop, but its message cannot).
    _vstbpn_unique_fields = ()

    # CRUD

    @api.model_create_multi
    def create(self, vals_list):
        guarded = [vals for vals in vals_list if self._vstbpn_guards_new(vals)]
        if self.env.su or not guarded:
            self.browse()._vstbpn_check_unique(vals_list)
            return super().create(vals_list)
        for vals in guarded:
            self._vstbpn_check_values(vals, creating=True)
        self._vstbpn_check_attach_targets(guarded)
        self.browse()._vstbpn_check_unique(vals_list)
        domain = self._vstbpn_rule_domain("create")
        records = super().create(vals_list)
        records._vstbpn_guarded({})._vstbpn_check_within_reach("create", domain)
        return records

    def write(self, vals):
        guarded = self.browse() if self.env.su else self._vstbpn_guarded(vals)
        if guarded:
            guarded._vstbpn_check_values(vals)
            guarded._vstbpn_check_ties_unchanged(vals)
        if set(self._vstbpn_unique_fields) & set(vals):
            self._vstbpn_check_unique([vals] * len(self))
        if not guarded:
            return super().write(vals)
        domain = self._vstbpn_rule_domain("write")
        result = super().write(vals)
        guarded._vstbpn_check_within_reach("write", domain)
        return result

    # SCOPE: which records these checks guard (hooks)

    @api.model
    def _vstbpn_guards_new(self, vals):
        """Whether a record created with ``vals`` is guarded: every record of
        the suite's own models. A model the suite does not own (Odoo's
        calendar) guards only the records that belong to a committee."""
        return True

    def _vstbpn_guarded(self, vals):
        """The records of ``self`` that a write of ``vals`` must check (see
        ``_vstbpn_guards_new``); ``vals`` may attach a record to a committee."""
        return self

    def _vstbpn_trusted_write(self, vals):
        """Write fields that only the suite's actions may write; the caller
        has checked that the user may take the action."""
        return self.sudo().with_context(vstbpn_workflow=True).write(vals)

    # REACH: a record stays within its writer's record rules

    def _vstbpn_rule_domain(self, mode):
        # Read before the operation: a membership or an assignment written by
        # the operation itself must not widen the rules it is checked against.
        return self.env["ir.rule"]._compute_domain(self._name, mode)

    def _vstbpn_check_within_reach(self, mode, domain):
        if not domain or not self:
            return
        outside = self - self.sudo().filtered_domain(domain)
        if outside:
            raise AccessError(
                self.env._(
                    "%(record)s (%(model)s) would end up outside the committees you "
                    "work for, so nothing was saved. Records stay with the committee "
                    "they belong to; ask an officer of the other committee to "
                    "record it there.",
                    record=outside[:1].sudo().display_name,
                    model=self._description,
                )
            )

    def _vstbpn_check_attach_targets(self, vals_list):
        """A record is attached only to a committee, or to a committee's record,
        that the user may write: a membership only by someone who manages its
        committee, a report line only by the report's own unit."""
        for name in self._vstbpn_tie_fields:
            field = self._fields[name]
            comodel = self.env[field.comodel_name] if field.type == "many2one" else None
            if comodel is None or not (
                comodel._name == "vstbpn.committee" or "committee_id" in comodel._fields
            ):
                continue
            targets = comodel.browse(
                {vals[name] for vals in vals_list if vals.get(name)}
            )
            forbidden = targets - targets._filtered_access("write")
            if forbidden:
                raise AccessError(
                    self.env._(
                        "You cannot record %(model)s under %(target)s: it is not one "
                        "of the committees you manage, nor one of their records.",
                        model=self._description,
                        target=forbidden[:1].sudo().display_name,
                    )
                )

    # UNIQUENESS

    def _vstbpn_check_unique(self, vals_list):
        """Refuse a value that another record already holds; ``self`` are the
        records being written (none when creating), one ``vals`` each. One
        query, whatever the number of records (opening a national period
        creates thousands)."""
        names = self._vstbpn_unique_fields
        if not names:
            return
        records = self or [None] * len(vals_list)
        keys = [
            tuple(self._vstbpn_unique_value(record, vals, name) for name in names)
            for record, vals in zip(records, vals_list, strict=True)
        ]
        if len(set(keys)) < len(keys):
            duplicate = next(key for key in keys if keys.count(key) > 1)
            self._vstbpn_refuse_duplicate(
                dict(zip(names, duplicate, strict=True)), None
            )
        candidates = (
            self.sudo()
            .with_context(active_test=False)
            .search(
                [
                    (name, "in", list({key[i] for key in keys}))
                    for i, name in enumerate(names)
                ]
                + [("id", "not in", self.ids)]
            )
        )
        wanted = set(keys)
        for other in candidates:
            key = tuple(self._vstbpn_unique_value(other, {}, name) for name in names)
            if key in wanted:
                self._vstbpn_refuse_duplicate(dict(zip(names, key, strict=True)), other)

    def _vstbpn_unique_value(self, record, vals, name):
        if name in vals:
            value = vals[name]
            return value.id if isinstance(value, models.BaseModel) else value
        if record is not None:
            value = record[name]
            return value.id if isinstance(value, models.BaseModel) else value
        default = self.default_get([name]).get(name)
        return default

    def _vstbpn_refuse_duplicate(self, values, other):
        """Hook: say which record already holds ``values``."""
        raise ValidationError(
            self.env._(
                "Another %(model)s already has these values (%(values)s): each must "
                "be unique.",
                model=self._description,
                values=", ".join(str(value) for value in values.values()),
            )
        )

    # PROTECTED FIELDS

    @api.model
    def _vstbpn_protected_fields(self):
        """Names of the fields a user never writes: derived, related, computed."""
        protected = set(self._vstbpn_derived_fields)
        for name, field in self._fields.items():
            if name.startswith(CHATTER_FIELD_PREFIXES) or name in LOG_ACCESS_COLUMNS:
                continue
            if field.related or (field.compute and field.readonly and field.store):
                protected.add(name)
        return protected

    def _vstbpn_check_ties_unchanged(self, vals):
        for name in set(self._vstbpn_tie_fields) & set(vals):
            new = vals[name]
            new = new.id if isinstance(new, models.BaseModel) else (new or False)
            moved = any(record[name].id != new for record in self)
            if moved and not self._vstbpn_may_move(name):
                raise UserError(
                    self.env._(
                        "%(field)s of %(record)s cannot be changed once it is "
                        "recorded: it ties the record to its committee. Create a new "
                        "record where it belongs instead.",
                        field=self._fields[name]._description_string(self.env),
                        record=self[:1].display_name,
                    )
                )

    def _vstbpn_may_move(self, field_name):
        """Whether the user may change this tie field (hook: nobody by default)."""
        return False

    # VALUES

    def _vstbpn_check_values(self, vals, creating=False):
        """Refuse, naming the field, what the user may not write or the field
        cannot hold; the ORM and PostgreSQL would answer with tracebacks."""
        protected = {
            name
            for name in self._vstbpn_protected_fields() & set(vals)
            if not self._vstbpn_writes_nothing(name, vals[name], creating)
        }
        if protected:
            self._vstbpn_refuse_protected(min(protected))
        for name, value in vals.items():
            field = self._fields.get(name)
            if field is None or value is False or value is None:
                continue
            problem = self._vstbpn_value_problem(field, value)
            if problem:
                raise ValidationError(
                    self.env._(
                        "%(field)s: %(problem)s",
                        field=field._description_string(self.env),
                        problem=problem,
                    )
                )

    def _vstbpn_writes_nothing(self, name, value, creating):
        """Whether ``value`` leaves the field as it is: empty or the field's
        own default on a new record (the web client sends a new record's
        defaults, Odoo copies an event's values into its recurrences), the
        stored value on existing ones (a form sends back what it shows)."""
        if creating:
            return not value or value == self._vstbpn_field_default(name)
        field = self._fields[name]
        try:
            new = field.convert_to_cache(value, self.browse(), validate=False)
        except (TypeError, ValueError):
            return False
        return all(
            field.convert_to_cache(record[name], record, validate=False) == new
            for record in self
        )

    def _vstbpn_field_default(self, name):
        """The field's own default, never the context's ``default_*`` keys,
        which a client sets at will."""
        field = self._fields[name]
        return field.default(self.browse()) if field.default else None

    def _vstbpn_refuse_protected(self, name):
        raise UserError(
            self.env._(
                "%(field)s is filled in by the system (by its workflow buttons, "
                "consolidation or computation) and cannot be written directly.",
                field=self._fields[name]._description_string(self.env),
            )
        )

    def _vstbpn_value_problem(self, field, value):
        checker = getattr(self, f"_vstbpn_value_problem_{field.type}", None)
        return checker(field, value) if checker else None

    def _vstbpn_value_problem_integer(self, field, value):
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
            or value != int(value)
        ):
            return self.env._(
                "a whole number is expected, not “%(value)s”.", value=value
            )
        if abs(value) >= 2**31:
            return self.env._("the number %(value)s is too large.", value=value)
        return None

    def _vstbpn_value_problem_float(self, field, value):
        if isinstance(value, bool) or not isinstance(value, int | float):
            return self.env._("a number is expected, not “%(value)s”.", value=value)
        if not math.isfinite(value):
            return self.env._(
                "“%(value)s” is not a number: enter a finite figure.", value=value
            )
        return None

    _vstbpn_value_problem_monetary = _vstbpn_value_problem_float

    def _vstbpn_value_problem_char(self, field, value):
        if not isinstance(value, str):
            return self.env._("a text is expected, not “%(value)s”.", value=value)
        limit = self._vstbpn_max_lengths.get(
            field.name, self._vstbpn_default_max_length
        )
        if len(value) > limit:
            return self.env._(
                "at most %(limit)s characters (%(length)s were entered): shorten it.",
                limit=limit,
                length=len(value),
            )
        return None

    def _vstbpn_value_problem_text(self, field, value):
        if not isinstance(value, str):
            return self.env._("a text is expected, not “%(value)s”.", value=value)
        if len(value) > self._vstbpn_max_text_length:
            return self.env._(
                "at most %(limit)s characters (%(length)s were entered): shorten it.",
                limit=self._vstbpn_max_text_length,
                length=len(value),
            )
        return None

    _vstbpn_value_problem_html = _vstbpn_value_problem_text

    def _vstbpn_value_problem_date(self, field, value):
        try:
            field.convert_to_cache(value, self.browse())
        except (TypeError, ValueError):
            return self.env._(
                "a date is expected (YYYY-MM-DD), not “%(value)s”.", value=value
            )
        return None

    _vstbpn_value_problem_datetime = _vstbpn_value_problem_date

    def _vstbpn_value_problem_selection(self, field, value):
        allowed = [key for key, _label in field._description_selection(self.env)]
        if value not in allowed:
            return self.env._(
                "“%(value)s” is not one of the allowed values (%(allowed)s).",
                value=value,
                allowed=", ".join(str(key) for key in allowed),
            )
        return None

    def _vstbpn_value_problem_many2one(self, field, value):
        if isinstance(value, models.BaseModel):
            value = value.id
        if isinstance(value, bool) or not isinstance(value, int):
            return self.env._(
                "a record id (a whole number) is expected, not “%(value)s”.",
                value=value,
            )
        if not self.env[field.comodel_name].sudo().browse(value).exists():
            return self.env._(
                "the chosen record (id %(value)s) does not exist.", value=value
            )
        return None

    # CHATTER

    def _vstbpn_post_note(self, body):
        """Log a note on these records whatever the user: a user without an
        e-mail address cannot post in their own name, and the suite's notes
        must never make a business action fail."""
        author = self.env.user.partner_id
        if not author.email:
            author = self.env.ref("base.partner_root")
        for record in self.sudo():
            record.message_post(
                body=body,
                author_id=author.id,
                message_type="comment",
                subtype_xmlid="mail.mt_note",
            )
