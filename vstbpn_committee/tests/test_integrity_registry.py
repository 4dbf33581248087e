from datetime import date, datetime

from odoo.exceptions import AccessError, UserError
from odoo.tests import TransactionCase, tagged

from odoo.addons.mail.tests.common import mail_new_test_user

# AccessError and ValidationError are UserErrors: any refusal
REFUSED = UserError


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

    # one model

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
