import ast

from odoo.tests import TransactionCase, tagged

from odoo.addons.vstbpn_committee import rule_policies

PERMS = ("read", "write", "create", "unlink")
GROUPS = ("member", "officer", "admin")


def normalised(domain_text):
    """A domain's text as Python writes it back: quotes, spaces and line
    breaks of the XML no longer count."""
    return ast.unparse(ast.parse(domain_text.strip(), mode="eval"))


@tagged("post_install", "-at_install")
class TestRulesFollowTheirPolicy(TransactionCase):
    """Every record rule of the suite says what its model's policy in
    ``rule_policies`` says, found through the registry so that a new model
    or a rule copied by hand is checked without editing this test."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.groups = {
            cls.env.ref(f"vstbpn_committee.group_{name}"): name for name in GROUPS
        }
        # the rules of an addon that is not installed are not there
        refs = (
            cls.env.ref(xml_id, raise_if_not_found=False)
            for _model, xml_id, _why in rule_policies.SPECIAL_RULES
        )
        cls.special_ids = {rule.id for rule in refs if rule}

    def installed(self, model_name):
        return model_name in self.env.registry

    def rules_of(self, model_name):
        Rule = self.env["ir.rule"].with_context(active_test=False)
        return Rule.search([("model_id.model", "=", model_name)])

    def described(self, rule):
        """(group, perms, normalised domain) of an ir.rule record."""
        perms = frozenset(p for p in PERMS if rule[f"perm_{p}"])
        names = sorted(self.groups.get(group, group.name) for group in rule.groups)
        return (",".join(names) or "global", perms, normalised(rule.domain_force))

    # the table covers the suite

    def test_every_model_with_rules_or_a_committee_has_a_policy(self):
        ruled = set(self.env["ir.rule"].search([]).mapped("model_id.model"))
        owned = {
            name
            for name, model in self.env.registry.items()
            if name.startswith("vstbpn.")
            and not model._abstract
            and not model._transient
            and "committee_id" in model._fields
        }
        special = {model for model, _xml_id, _why in rule_policies.SPECIAL_RULES}
        for name in sorted(owned | {n for n in ruled if n.startswith("vstbpn.")}):
            with self.subTest(model=name):
                self.assertTrue(
                    name in rule_policies.MODEL_POLICIES or name in special,
                    f"{name}: name its policy in vstbpn_committee/rule_policies.py",
                )

    def test_every_rule_of_the_suite_is_checked(self):
        """A rule the suite adds on any model, Odoo's included, follows a
        policy or is listed as a special case."""
        data = self.env["ir.model.data"].search(
            [("model", "=", "ir.rule"), ("module", "=like", "vstbpn_%")]
        )
        for rule in self.env["ir.rule"].browse(data.mapped("res_id")):
            with self.subTest(rule=rule.name):
                self.assertTrue(
                    rule.model_id.model in rule_policies.MODEL_POLICIES
                    or rule.id in self.special_ids,
                    f"{rule.name}: give {rule.model_id.model} a policy, or list "
                    "the rule in SPECIAL_RULES with its reason",
                )
        self.assertGreater(len(data), 50)

    def test_special_rules_are_where_the_list_says(self):
        for model, xml_id, reason in rule_policies.SPECIAL_RULES:
            if not self.installed(model):
                continue
            with self.subTest(rule=xml_id):
                self.assertTrue(reason)
                rule = self.env.ref(xml_id)
                self.assertEqual(rule.model_id.model, model, xml_id)

    # each rule says what its policy says

    def test_every_rule_follows_its_policy(self):
        for name in sorted(rule_policies.MODEL_POLICIES):
            if not self.installed(name):
                continue
            with self.subTest(model=name):
                self.assert_follows_policy(name)

    def assert_follows_policy(self, model_name):
        policy, path = rule_policies.MODEL_POLICIES[model_name]
        rules = self.rules_of(model_name).filtered(
            lambda r: r.id not in self.special_ids
        )
        actual = [self.described(rule) for rule in rules]
        expected = [
            (group, perms, normalised(domain))
            for group, perms, domain in rule_policies.expected_rules(model_name)
        ]
        if sorted(actual, key=str) != sorted(expected, key=str):
            self.fail(
                f"{model_name} (policy {policy}, committee path {path!r}) "
                f"drifts from its policy:\n{self.explain(expected, actual)}"
            )

    def explain(self, expected, actual):
        """The groups whose rules differ, with both sides."""
        lines = []
        for group in sorted({rule[0] for rule in expected + actual}):
            wanted = self.shown(rule for rule in expected if rule[0] == group)
            found = self.shown(rule for rule in actual if rule[0] == group)
            if wanted != found:
                lines.append(
                    f"  group {group}:\n    expected: {wanted}\n    actual:   {found}"
                )
        return "\n".join(lines) or "  a rule is there twice"

    def shown(self, rules):
        return (
            "; ".join(
                sorted(
                    f"{domain} for {'/'.join(sorted(perms))}"
                    for _g, perms, domain in rules
                )
            )
            or "no rule"
        )

    # lines reach their committee as their parent does

    def test_lines_store_their_parents_committee(self):
        """A line's committee is its parent's, stored, so that its rules read
        ``committee_id`` as its parent's do (save the listed exceptions)."""
        unstored = dict(rule_policies.UNSTORED_LINE_COMMITTEES)
        lines = 0
        for name, (_policy, path) in sorted(rule_policies.MODEL_POLICIES.items()):
            if not self.installed(name) or path != "committee_id":
                continue
            field = self.env[name]._fields["committee_id"]
            if not field.related:
                continue
            lines += 1
            parent_name, parent_field = field.related.split(".", 1)
            parent_model = self.env[name]._fields[parent_name].comodel_name
            with self.subTest(model=name):
                self.assertEqual(parent_field, "committee_id")
                self.assertEqual(
                    rule_policies.MODEL_POLICIES[parent_model][1],
                    "committee_id",
                    f"{name}: its parent {parent_model} reaches its committee "
                    "another way",
                )
                self.assertTrue(
                    field.store or name in unstored,
                    f"{name}: store committee_id, or list the line and the reason "
                    "in UNSTORED_LINE_COMMITTEES",
                )
        self.assertGreater(lines, 5)

    def test_a_drifted_rule_is_caught(self):
        """The comparison fails on a rule that says something else, naming
        the model, the group, and both domains."""
        rule = self.env.ref("vstbpn_committee.vstbpn_committee_decision_rule_officer")
        rule.domain_force = (
            "[('committee_id', 'in', user.vstbpn_allowed_committee_ids.ids)]"
        )
        with self.assertRaises(AssertionError) as caught:
            self.assert_follows_policy("vstbpn.committee.decision")
        message = str(caught.exception)
        self.assertIn("vstbpn.committee.decision", message)
        self.assertIn("group officer", message)
        self.assertIn("'child_of'", message)
