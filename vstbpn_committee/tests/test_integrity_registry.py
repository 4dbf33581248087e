from datetime import date, datetime

from odoo import Command
from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user

# AccessError and ValidationError are UserErrors: any refusal
REFUSED = UserError
# Models whose demo records only the suite's own actions make, at installation:
# the spending of an approved plan, the follow-up lines of an issued document
# and their extensions, the submissions for signature. An update replays no
# demo action, so a database upgraded from a release without these models
# holds none of them; the fresh installation checks them like every other
# model.
MADE_BY_ACTIONS = {
    "vstbpn.work.plan.expense",
    "vstbpn.document.task.line",
    "vstbpn.document.task.extension",
    "vstbpn.signoff",
}


@tagged("post_install", "-at_install")
class TestEveryModelKeepsItsRecords(TransactionCase):
    """Every ``vstbpn.*`` model with a committee, found through the registry so
    that a later model is covered without editing this test: an officer of a
    unit can neither create in a sibling, nor move an own record to the
    sibling, the committee above or another branch of the tree, nor write any
    protected field. Each model needs demo data below a committee that has
    siblings; the demo of the suite gives every model some."""

    def owned_models(self):
        return sorted(
            name
            for name, model in self.env.registry.items()
            if name.startswith("vstbpn.")
            and not model._abstract
            and not model._transient
            and "committee_id" in model._fields
            and (name not in MADE_BY_ACTIONS or self.env[name].search_count([]))
        )

    def test_every_model_uses_the_integrity_mixin(self):
        models = self.owned_models()
        self.assertIn("vstbpn.committee.member", models)
        for name in models:
            with self.subTest(model=name):
                self.assertIsInstance(
                    self.env[name], type(self.env["vstbpn.integrity.mixin"])
                )
                self.assertTrue(
                    {"committee_id"} & set(self.env[name]._vstbpn_tie_fields)
                    or self.env[name]._fields["committee_id"].related,
                    "the field that ties the record to its committee is protected",
                )

    def test_every_model_has_a_rule_per_group(self):
        """Member, officer and administrator each have their rule, so that a
        new model is never readable by everyone nor by no one."""
        groups = [
            self.env.ref(f"vstbpn_committee.group_{role}")
            for role in ("member", "officer", "admin")
        ]
        for name in self.owned_models():
            rules = self.env["ir.rule"].search([("model_id.model", "=", name)])
            for group in groups:
                with self.subTest(model=name, group=group.name):
                    self.assertIn(group, rules.groups, f"{name}: no rule for {group}")

    def test_sibling_units_read_nothing(self):
        for name in self.owned_models():
            with self.subTest(model=name):
                sample = self.sample(name)
                unit = sample.committee_id
                sibling = (unit.parent_id.child_ids - unit)[:1]
                officer = mail_new_test_user(
                    self.env,
                    login=f"t_sibling_{name}",
                    groups="base.group_user,vstbpn_committee.group_officer",
                )
                officer.vstbpn_committee_ids = sibling
                Model = self.env[name].with_user(officer)
                self.assertFalse(Model.search([("id", "=", sample.id)]))
                with self.assertRaises(AccessError):
                    sample.with_user(officer).read(["committee_id"])

    def test_no_record_moves_out_of_reach(self):
        for name in self.owned_models():
            with self.subTest(model=name):
                self.check_model(name)

    def test_links_refuse_a_sibling_record(self):
        """Every link from a committee's record to a committee or to another
        committee's record (a member, a plan, a campaign...), found through
        the registry, refuses a record of a sibling committee, naming the
        field, and leaves the record as it was."""
        checked = []
        for name in self.owned_models():
            for field_name in self.link_fields(self.env[name]):
                with self.subTest(model=name, field=field_name):
                    self.check_link(name, field_name)
                    checked.append(f"{name}.{field_name}")
        # the links of the reported holes, where this class walks their models
        for link in (
            "vstbpn.work.plan.task.member_id",
            "vstbpn.inspection.team.member.member_id",
        ):
            if link.rsplit(".", 1)[0] in self.owned_models():
                self.assertIn(link, checked)

    def test_onchange_shows_nothing_of_an_unreadable_parent(self):
        """For every model, every many2one that related or computed fields
        read through (a line's parent, a member): the form of a new record
        naming such a record of a sibling committee shows nothing of it, to a
        unit's officer as to a portal user."""
        portal = mail_new_test_user(
            self.env, login="t_onchange_portal", groups="base.group_portal"
        )
        checked = []
        for name in self.owned_models():
            Model = self.env[name]
            for field_name, readers in self.parent_readers(Model).items():
                officer = self.officer_of(self.sample(name).committee_id)
                comodel = Model._fields[field_name].comodel_name
                for user in (officer, portal):
                    parent = self.unreadable_record(comodel, user)
                    if not parent:
                        continue
                    with self.subTest(model=name, field=field_name, user=user.login):
                        self.assert_onchange_hides(
                            Model, user, field_name, parent, readers
                        )
                        checked.append(f"{name}.{field_name}")
        if "vstbpn.document.recipient" in self.owned_models():
            self.assertIn("vstbpn.document.recipient.document_id", checked)

    def unreadable_record(self, model_name, user):
        """A record of another committee that ``user`` may not read."""
        records = self.env[model_name].with_context(active_test=False).search([])
        readable = records.with_user(user)._filtered_access("read")
        return (records - readable)[:1]

    def parent_readers(self, Model):
        """{many2one: the related or computed fields that read through it}"""
        readers = {}
        for name, field in Model._fields.items():
            if field.type != "many2one" or not (
                field.comodel_name == "vstbpn.committee"
                or "committee_id" in self.env[field.comodel_name]._fields
            ):
                continue
            through = [
                other
                for other, reader in Model._fields.items()
                if reader.type != "boolean"
                and other != name
                and any(
                    dep == name or dep.startswith(f"{name}.")
                    for dep in Model.pool.field_depends.get(reader, ())
                )
            ]
            if through:
                readers[name] = through
        return readers

    def assert_onchange_hides(self, Model, user, field_name, parent, readers):
        spec = {name: {} for name in readers}
        try:
            result = Model.with_user(user).onchange(
                {field_name: parent.id}, [field_name], spec
            )
        except AccessError:
            return
        shown = {
            name: value
            for name, value in result.get("value", {}).items()
            if name in readers and value
        }
        self.assertFalse(shown, f"{Model._name}: {parent} shows through {field_name}")

    # one model

    def link_fields(self, model):
        """Fields a user fills that point at a committee or a committee's
        record; the tie and protected fields have their own test."""
        if not model._auto:
            return []
        skipped = model._vstbpn_protected_fields() | set(model._vstbpn_tie_fields)
        return [
            name
            for name, field in model._fields.items()
            if field.type in ("many2one", "many2many")
            and field.store
            and name not in skipped | {"committee_id"}
            and (
                field.comodel_name == "vstbpn.committee"
                or "committee_id" in self.env[field.comodel_name]._fields
            )
        ]

    def check_link(self, name, field_name):
        sample, officer = self.editable_sample(name, field_name)
        unit = sample.committee_id
        sibling = (unit.parent_id.child_ids - unit)[:1]
        field = sample._fields[field_name]
        target = self.record_of(field.comodel_name, sibling)
        self.assertTrue(target, f"{name}.{field_name}: no record of {sibling.name}")
        value = target.id if field.type == "many2one" else [Command.link(target.id)]
        before = sample.read([field_name])
        with self.assertRaises(REFUSED, msg=f"{name}.{field_name}"):
            sample.with_user(officer).write({field_name: value})
        sample.invalidate_recordset()
        self.assertEqual(sample.read([field_name]), before)

    def editable_sample(self, name, field_name):
        """A record below a committee with siblings whose officer may write
        the field (its current value), so that a refusal is the link's own
        and not the record's lock: a demo record, else a draft copy of one."""
        records = (
            self.env[name]
            .search([], order="id desc")
            .filtered(lambda r: len(r.committee_id.parent_id.child_ids) > 1)
        )[:20]
        for record in records:
            if self.officer_may_write(record, field_name):
                return record, self.officer_of(record.committee_id)
        for record in records:
            copy = self.draft_copy(record)
            if copy and self.officer_may_write(copy, field_name):
                return copy, self.officer_of(copy.committee_id)
        self.fail(f"{name} has no demo record whose {field_name} an officer may edit")

    def officer_may_write(self, record, field_name):
        current = record[field_name]
        value = (
            current.id
            if record._fields[field_name].type == "many2one"
            else [Command.set(current.ids)]
        )
        try:
            with self.env.cr.savepoint():
                officer = self.officer_of(record.committee_id)
                record.with_user(officer).write({field_name: value})
        except UserError:
            return False
        return True

    def draft_copy(self, record):
        """A copy in the first state of its workflow (a line: in a copy of
        the record it belongs to)."""
        parent = getattr(record, "_vstbpn_lock_parent", None)
        try:
            with self.env.cr.savepoint():
                if parent:
                    copied = record[parent].copy(self.unique_defaults(record[parent]))
                    return record.copy({parent: copied.id})
                return record.copy(self.unique_defaults(record))
        except UserError:
            return None

    def unique_defaults(self, record):
        """Values that keep a copy apart from its original (a decision's
        number, a campaign's year)."""
        defaults = {}
        if record._fields.get("name") and record._fields["name"].type == "char":
            defaults["name"] = f"{record.name} (T)"
        if record._fields.get("year") and record._fields["year"].type == "integer":
            defaults["year"] = record.year + 50
        return defaults

    def officer_of(self, committee):
        login = f"t_link_officer_{committee.id}"
        officer = self.env["res.users"].search([("login", "=", login)])
        if not officer:
            officer = mail_new_test_user(
                self.env,
                login=login,
                groups="base.group_user,vstbpn_committee.group_officer",
            )
            officer.vstbpn_committee_ids = committee
        return officer

    def record_of(self, model_name, committee):
        if model_name == "vstbpn.committee":
            return committee
        Model = self.env[model_name].with_context(active_test=False)
        return Model.search([("committee_id", "=", committee.id)], limit=1)

    def check_model(self, name):
        sample = self.sample(name)
        unit = sample.committee_id
        sibling = (unit.parent_id.child_ids - unit)[:1]
        Committee = self.env["vstbpn.committee"]
        others = (
            Committee.search([])
            - Committee.search([("id", "child_of", unit.parent_id.id)])
            - Committee.search([("id", "parent_of", unit.id)])
        )[:1]
        officer = mail_new_test_user(
            self.env,
            login=f"t_integrity_{name}",
            groups="base.group_user,vstbpn_committee.group_officer",
        )
        officer.vstbpn_committee_ids = unit
        sample.with_user(officer).check_access("read")
        targets = sibling | unit.parent_id | others
        for field_name in sample._vstbpn_tie_fields:
            for value in self.tie_values(sample, field_name, targets):
                self.assert_refused(sample, officer, {field_name: value})
        for field_name in sorted(sample._vstbpn_protected_fields()):
            value = self.other_value(sample, field_name)
            if value is not None:
                self.assert_refused(sample, officer, {field_name: value})
        self.assert_create_refused(sample, officer, sibling)

    def sample(self, name):
        """A record of a committee that has siblings, editable where possible."""
        records = (
            self.env[name]
            .search([], order="id desc")
            .filtered(lambda r: len(r.committee_id.parent_id.child_ids) > 1)
        )
        self.assertTrue(
            records,
            f"{name} has no demo record below a committee with siblings: add one",
        )
        state = records._fields.get("state")
        if state and state.store and state.type == "selection":
            first = state._description_selection(self.env)[0][0]
            records = records.filtered(lambda r: r.state == first) or records
        return records[0]

    def tie_values(self, sample, field_name, targets):
        field = sample._fields[field_name]
        if field.type != "many2one":
            return []
        if field.comodel_name == "vstbpn.committee":
            return targets.ids
        comodel = self.env[field.comodel_name]
        domain = [("id", "!=", sample[field_name].id)]
        if "committee_id" in comodel._fields:
            in_targets = comodel.search(
                domain + [("committee_id", "in", targets.ids)], limit=1
            )
            if in_targets:
                return in_targets.ids
        return comodel.search(domain, limit=1).ids

    def other_value(self, sample, field_name):
        field = sample._fields[field_name]
        if not field.store or field.type in ("one2many", "many2many", "binary"):
            return None
        current = sample[field_name]
        if field.type == "many2one":
            other = self.env[field.comodel_name].search(
                [("id", "!=", current.id)], limit=1
            )
            return other.id or None
        if field.type == "selection":
            keys = [key for key, _label in field._description_selection(self.env)]
            return next((key for key in keys if key != current), None)
        return {
            "boolean": lambda: not current,
            "integer": lambda: (current or 0) + 1,
            "float": lambda: (current or 0) + 1,
            "monetary": lambda: (current or 0) + 1,
            "char": lambda: (current or "") + "x",
            "text": lambda: (current or "") + "x",
            "html": lambda: (current or "") + "x",
            "date": lambda: date(2001, 1, 1),
            "datetime": lambda: datetime(2001, 1, 1),
        }.get(field.type, lambda: None)()

    def assert_refused(self, sample, officer, vals):
        names = list(vals)
        before = sample.read(names)
        with self.assertRaises(REFUSED, msg=f"{sample._name}: {vals}"):
            sample.with_user(officer).write(vals)
        sample.invalidate_recordset()
        self.assertEqual(sample.read(names), before, f"{sample._name}: {vals}")

    def assert_create_refused(self, sample, officer, sibling):
        vals = sample.copy_data()[0]
        for field_name in sample._vstbpn_tie_fields:
            values = self.tie_values(sample, field_name, sibling)
            if values:
                vals[field_name] = values[0]
        for field_name in sample._vstbpn_protected_fields() & set(vals):
            del vals[field_name]
        count = sample.search_count([])
        with self.assertRaises(REFUSED, msg=f"{sample._name}: create in a sibling"):
            sample.with_user(officer).create(vals)
        self.assertEqual(sample.search_count([]), count)
