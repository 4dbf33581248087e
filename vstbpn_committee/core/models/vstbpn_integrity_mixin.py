import contextlib
import math

from psycopg2 import errors as pg_errors

from odoo import api, models
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.models import LOG_ACCESS_COLUMNS
from odoo.tools import is_html_empty
from odoo.tools.translate import translate_sql_constraint

# Fields that mail and activities write on any record, whatever its state.
CHATTER_FIELD_PREFIXES = ("message_", "activity_", "website_message")
NUMBER_TYPES = ("integer", "float", "monetary")
TEXT_TYPES = ("char", "text", "html")
# Required fields a user may leave empty by mistake; booleans and numbers are
# never "empty" (False and 0 are values).
REQUIRED_CHECKED_TYPES = (*TEXT_TYPES, "many2one", "selection", "date", "datetime")
# The field that ties a record to its committee: the suite's own models, and
# the Odoo models it extends (calendar.event).
COMMITTEE_FIELDS = ("committee_id", "vstbpn_committee_id")
LINK_TYPES = ("many2one", "many2many")
# x2many commands (odoo.fields.Command) by the ids and values they carry
COMMANDS_WITH_VALUES = (0,)  # CREATE: (0, _, {values})
COMMANDS_WITH_ID = (2, 3, 4)  # DELETE, UNLINK, LINK: (code, id)
COMMAND_UPDATE = 1  # (1, id, {values})
COMMAND_CLEAR = 5
COMMAND_SET = 6  # (6, _, [ids])


def named_ids(field, value):
    """The ids a form value of a relational field names (a many2one's id,
    the ids of x2many commands), and the values of the lines it creates or
    updates, as (ids, [values])."""
    if field.type == "many2one":
        if isinstance(value, dict):
            value = value.get("id")
        return ([value] if is_record_id(value) else []), []
    ids, lines = [], []
    for command in value if isinstance(value, list | tuple) else ():
        if is_record_id(command):
            ids.append(command)
        elif isinstance(command, list | tuple) and command:
            args = list(command[1:]) + [None, None]
            if is_record_id(args[0]):
                ids.append(args[0])
            if isinstance(args[1], dict):
                lines.append(args[1])
            elif isinstance(args[1], list | tuple):
                ids.extend(i for i in args[1] if is_record_id(i))
    return ids, lines


def unreadable_value_names(model, values):
    """The names of the relational values that name a record the user may
    not read, lines' values included."""
    names = []
    for name, value in values.items():
        field = model._fields.get(name)
        if field is None or not field.relational or not value:
            continue
        comodel = model.env[field.comodel_name]
        ids, lines = named_ids(field, value)
        # the committees' records only: Odoo's own (partners, employees) keep
        # their own rules and public views
        if comodel._name != "vstbpn.committee" and not committee_field_of(comodel):
            ids = []
        records = comodel.browse(ids).sudo().exists().with_env(model.env)
        if records - records._filtered_access("read") or any(
            unreadable_value_names(comodel, line) for line in lines
        ):
            names.append(name)
    return names


def check_readable_values(model, values):
    names = unreadable_value_names(model, values)
    if names:
        raise AccessError(
            model.env._(
                "%(field)s: you may not read the chosen record, so the form "
                "cannot show it.",
                field=model._fields[names[0]]._description_string(model.env),
            )
        )


def is_record_id(value):
    """A database id: a positive whole number, never a boolean or a float."""
    return isinstance(value, int) and not isinstance(value, bool) and value > 0


def committee_field_of(model):
    """The name of the field holding ``model``'s committee, or None."""
    return next((name for name in COMMITTEE_FIELDS if name in model._fields), None)


def committees_of(records):
    """The committees ``records`` belong to (the records themselves for
    committees), read as superuser: the caller checks what the user sees."""
    records = records.sudo()
    if records._name == "vstbpn.committee":
        return records
    name = committee_field_of(records)
    return records[name] if name else records.env["vstbpn.committee"]


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
      take ``_vstbpn_default_max_length``;
    - ``_vstbpn_link_scopes``: how far a link to another committee's record
      (a member, a plan, a committee) may reach, per field: ``same`` (the
      record's own committee), ``below`` (it or a unit below), ``above`` (it
      or a committee above), ``line`` (below or above: the default).

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
    _vstbpn_link_scopes = {}

    # CRUD

    @api.model_create_multi
    def create(self, vals_list):
        guarded = [vals for vals in vals_list if self._vstbpn_guards_new(vals)]
        if self.env.su or not guarded:
            self.browse()._vstbpn_check_unique(vals_list)
            return super().create(vals_list)
        for vals in guarded:
            self._vstbpn_check_values(vals, creating=True)
        self._vstbpn_check_required_given(guarded)
        self._vstbpn_check_attach_targets(guarded)
        self.browse()._vstbpn_check_unique(vals_list)
        domain = self._vstbpn_rule_domain("create")
        with self._vstbpn_database_refusals():
            records = super().create(vals_list)
            records.flush_recordset()
        guarded_records = records._vstbpn_guarded({})
        guarded_records._vstbpn_check_within_reach("create", domain)
        # every link, not only those sent: a context default fills the others
        guarded_records._vstbpn_check_links(records._vstbpn_link_fields())
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
        with self._vstbpn_database_refusals():
            result = super().write(vals)
            self.flush_recordset()
        guarded._vstbpn_check_within_reach("write", domain)
        guarded._vstbpn_check_links(vals)
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

    # READS THROUGH THE FORM: onchange and defaults

    def onchange(self, values, field_names, fields_spec):
        """The form of a new line sends its parent's id: related and computed
        fields would read that parent as superuser, so it must be one the
        user may read (any record named in the values, lines included)."""
        if not self.env.su:
            check_readable_values(self, values)
        return super().onchange(values, field_names, fields_spec)

    @api.model
    def default_get(self, fields_list):
        """Defaults a client sets through the context (``default_*``) name
        only records the user may read: an unreadable one is left out."""
        defaults = super().default_get(fields_list)
        if self.env.su:
            return defaults
        from_context = {
            name: value
            for name, value in defaults.items()
            if f"default_{name}" in self.env.context
        }
        for name in unreadable_value_names(self, from_context):
            del defaults[name]
        return defaults

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

    # LINKS: a record points only at records of its own line of committees

    @api.model
    def _vstbpn_link_fields(self):
        """Fields the user fills that point at a committee or at another
        committee's record; the tie fields are checked on their own."""
        if not committee_field_of(self) or not self._auto:
            return []
        skipped = self._vstbpn_protected_fields() | set(self._vstbpn_tie_fields)
        return [
            name
            for name, field in self._fields.items()
            if field.type in LINK_TYPES
            and field.store
            and name not in skipped
            and name not in COMMITTEE_FIELDS
            and (
                field.comodel_name == "vstbpn.committee"
                or committee_field_of(self.env[field.comodel_name])
            )
        ]

    def _vstbpn_check_links(self, names):
        """Refuse a link to a record the user may not read, or of a committee
        outside the field's scope (``_vstbpn_link_scopes``): a sibling's member
        would receive the record's activities and show its person here."""
        names = set(self._vstbpn_link_fields()) & set(names)
        if not names:
            return
        # one check per committee of the records, not one per record
        for records in self.sudo().grouped(committees_of).values():
            records = records.with_env(self.env)
            for name in names:
                targets = records.sudo()[name].with_env(self.env)
                if targets:
                    records._vstbpn_check_link_targets(
                        name, targets, self._vstbpn_link_scopes.get(name, "line")
                    )

    def _vstbpn_check_link_targets(self, name, targets, scope):
        field_label = self._fields[name]._description_string(self.env)
        unreadable = targets - targets._filtered_access("read")
        if unreadable:
            raise AccessError(
                self.env._(
                    "%(field)s: you cannot choose a record you may not read "
                    "(id %(id)s).",
                    field=field_label,
                    id=unreadable[:1].id,
                )
            )
        own = committees_of(self)
        if not own:
            return
        reach = (
            self.env["vstbpn.committee"]
            .sudo()
            .search(
                [("id", "in", committees_of(targets).ids)]
                + self._vstbpn_reach_domain(own, scope)
            )
        )
        stray = targets.sudo().filtered(lambda t: committees_of(t) - reach)
        if stray:
            raise ValidationError(
                self.env._(
                    "%(field)s: “%(target)s” belongs to %(committee)s. Choose one "
                    "%(reach)s.",
                    field=field_label,
                    target=stray[:1].display_name,
                    committee=committees_of(stray[:1]).display_name,
                    reach=self._vstbpn_reach_label(own, scope),
                )
            )

    @api.model
    def _vstbpn_reach_domain(self, committee, scope):
        below = [("id", "child_of", committee.id)]
        above = [("id", "parent_of", committee.id)]
        return {
            "same": [("id", "=", committee.id)],
            "below": below,
            "above": above,
            "line": ["|", *below, *above],
        }[scope]

    @api.model
    def _vstbpn_reach_label(self, committee, scope):
        name = committee.display_name
        return {
            "same": self.env._("of %(committee)s itself", committee=name),
            "below": self.env._(
                "of %(committee)s or of a unit below it", committee=name
            ),
            "above": self.env._(
                "of %(committee)s or of a committee above it", committee=name
            ),
            "line": self.env._(
                "of %(committee)s, of a committee above it or of a unit below it",
                committee=name,
            ),
        }[scope]

    # ODOO'S OWN REFUSALS, IN THE USER'S LANGUAGE

    @contextlib.contextmanager
    def _vstbpn_database_refusals(self):
        """Say in the user's language what PostgreSQL refuses (a check or
        unique constraint, an empty required field, an unknown id): Odoo's
        RPC layer words it in English, with the table's technical names."""
        cr = self.env.cr
        # a line written through its parent's write is inside the parent's
        # savepoint already: one savepoint per save, not one per line
        outermost = not getattr(cr, "_vstbpn_refusals_guarded", False)
        try:
            with cr.savepoint() if outermost else contextlib.nullcontext():
                cr._vstbpn_refusals_guarded = True
                yield
        except (pg_errors.IntegrityError, pg_errors.DataError) as exc:
            raise ValidationError(self._vstbpn_database_refusal(exc)) from exc
        finally:
            if outermost:
                cr._vstbpn_refusals_guarded = False

    def _vstbpn_database_refusal(self, exc):
        diag = exc.diag
        field = self._fields.get(diag.column_name or "")
        label = field._description_string(self.env) if field else self._description
        if isinstance(exc, pg_errors.NotNullViolation):
            return self.env._("%(field)s is required: fill it in.", field=label)
        if isinstance(exc, pg_errors.ForeignKeyViolation):
            return self.env._(
                "%(model)s: one of the chosen records does not exist (any more): "
                "choose it again.",
                model=self._description,
            )
        if diag.constraint_name in self.env.registry._sql_constraints:
            return translate_sql_constraint(
                self.env.cr, diag.constraint_name, self.env.lang or "en_US"
            )
        return self.env._(
            "%(model)s: a value is out of the range it may take; check what was "
            "entered.",
            model=self._description,
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
        """Tie fields keep their value, unless the model lets the user move
        them (``_vstbpn_may_move``): then only to a committee, or a
        committee's record, the user may write, as at creation."""
        moves = {}
        for name in set(self._vstbpn_tie_fields) & set(vals):
            new = vals[name]
            new = new.id if isinstance(new, models.BaseModel) else (new or False)
            if all(record[name].id == new for record in self):
                continue
            if not self._vstbpn_may_move(name):
                raise UserError(
                    self.env._(
                        "%(field)s of %(record)s cannot be changed once it is "
                        "recorded: it ties the record to its committee. Create a new "
                        "record where it belongs instead.",
                        field=self._fields[name]._description_string(self.env),
                        record=self[:1].display_name,
                    )
                )
            moves[name] = new
        if moves:
            self._vstbpn_check_attach_targets([moves])

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
            if field is None:
                continue
            problem = self._vstbpn_required_problem(field, value)
            if problem is None and value is not False and value is not None:
                problem = self._vstbpn_value_problem(field, value)
            if problem:
                self._vstbpn_refuse_value(field, problem)

    def _vstbpn_refuse_value(self, field, problem):
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

    def _vstbpn_required_problem(self, field, value):
        """A required field emptied, or filled with blanks only: the database
        would store the blanks, or refuse the empty value in English."""
        if not field.required or field.type not in REQUIRED_CHECKED_TYPES:
            return None
        blank = (
            value is False
            or value is None
            or (isinstance(value, str) and not value.strip())
            or (
                field.type == "html" and isinstance(value, str) and is_html_empty(value)
            )
        )
        return self.env._("it is required: fill it in.") if blank else None

    def _vstbpn_check_required_given(self, vals_list):
        """New records lack no required field that has no default (the
        defaults read once for the batch)."""
        required = [
            name
            for name, field in self._fields.items()
            if field.required
            and field.store
            and field.type in REQUIRED_CHECKED_TYPES
            and not (field.compute or field.related)
            and name not in LOG_ACCESS_COLUMNS
        ]
        missing = [
            name for name in required if any(name not in vals for vals in vals_list)
        ]
        defaults = self.default_get(missing) if missing else {}
        for name in missing:
            if self._vstbpn_required_problem(self._fields[name], defaults.get(name)):
                raise ValidationError(
                    self.env._(
                        "%(field)s is required: fill it in.",
                        field=self._fields[name]._description_string(self.env),
                    )
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

    def _vstbpn_value_problem_many2many(self, field, value):
        """Any x2many value the ORM would choke on, or half apply: a bare
        number, a malformed command, an id that is not a whole number (a float
        in a SET once emptied a plan's areas) or that names no record."""
        if isinstance(value, models.BaseModel):
            return None
        if not isinstance(value, list | tuple):
            return self._vstbpn_commands_expected(value)
        ids = []
        for command in value:
            problem = self._vstbpn_command_problem(command, ids)
            if problem:
                return problem
        existing = self.env[field.comodel_name].sudo().browse(ids).exists()
        missing = set(ids) - set(existing.ids)
        if missing:
            return self.env._(
                "the chosen record (id %(value)s) does not exist.", value=min(missing)
            )
        return None

    _vstbpn_value_problem_one2many = _vstbpn_value_problem_many2many

    def _vstbpn_command_problem(self, command, ids):
        """What is wrong with one x2many command; the ids it names are added
        to ``ids``, to be looked up at once."""
        if is_record_id(command):  # a list of ids, as Odoo's own code writes
            ids.append(command)
            return None
        if (
            not isinstance(command, list | tuple)
            or not command
            or not isinstance(command[0], int)
            or isinstance(command[0], bool)
        ):
            return self._vstbpn_commands_expected(command)
        code, args = command[0], list(command[1:])
        if (
            code in COMMANDS_WITH_VALUES
            and len(args) == 2
            and isinstance(args[1], dict)
        ):
            return None
        if code == COMMAND_UPDATE and len(args) == 2 and isinstance(args[1], dict):
            return self._vstbpn_id_problem(args[0], ids)
        if code in COMMANDS_WITH_ID and 1 <= len(args) <= 2:
            return self._vstbpn_id_problem(args[0], ids)
        if code == COMMAND_CLEAR and len(args) <= 2:
            return None
        if code == COMMAND_SET and len(args) == 2 and isinstance(args[1], list | tuple):
            for record_id in args[1]:
                problem = self._vstbpn_id_problem(record_id, ids)
                if problem:
                    return problem
            return None
        return self._vstbpn_commands_expected(command)

    def _vstbpn_id_problem(self, record_id, ids):
        if not is_record_id(record_id):
            return self.env._(
                "a record id (a whole number) is expected, not “%(value)s”.",
                value=record_id,
            )
        ids.append(record_id)
        return None

    def _vstbpn_commands_expected(self, value):
        return self.env._(
            "“%(value)s” is not a valid list of changes: use (0, 0, {values}) to "
            "add a new line, (4, id) to add a record, (3, id) to remove one, "
            "(6, 0, [ids]) to replace them all.",
            value=value,
        )

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
