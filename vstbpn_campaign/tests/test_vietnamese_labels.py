"""Every label of the suite reads in Vietnamese, as the web client gets it.

The officer sees what ``fields_get``, ``get_view``/``get_views``, the menus and
the actions return in their language, not what ``vi.po`` holds: a translation
that exists in a ``vi.po`` but is never loaded onto a record (a selection that
a model of one addon inherits from a mixin of another) shows in English.
This test lives in the addon installed last so that it sees the whole suite.

A string is left in English when it reads the same in ``vi_VN`` as in
``en_US`` and holds an ASCII word of letters only that is not allowed below.
"""

import re

from lxml import etree

from odoo.tests import TransactionCase, tagged
from odoo.tools import html2plaintext

SUITE_MODULES = ("vstbpn_committee", "vstbpn_reporting", "vstbpn_campaign")
VIEW_TYPES = (
    "form",
    "list",
    "kanban",
    "search",
    "pivot",
    "graph",
    "calendar",
    "activity",
)
# Attributes the web client shows; text nodes are checked as well.
SHOWN_ATTRIBUTES = (
    "string",
    "help",
    "placeholder",
    "title",
    "confirm",
    "aria-label",
    "data-tooltip",
    "alt",
    "sum",
    "avg",
)
# Words that stay as they are on a Vietnamese screen, each for a reason.
ALLOWED_WORDS = {
    # Odoo's own Vietnamese keeps these two ("ID" of a record, "Email")
    "ID",
    "Email",
    # a Vietnamese word ("committee") in the examples of a document's addressees
    "Ban",
}
# Two letters at least: a single one ("v" before a version number) says no language.
ASCII_WORD = re.compile(r"^[A-Za-z]{2,}$")
WORD = re.compile(r"\w+", re.UNICODE)
# An indicator expression ("[FC-02.female]") is code the user types, not words.
EXPRESSION = re.compile(r"\[[^\]]*\]")
# Nodes whose text is code or a change of another view's attribute, not a label.
CODE_TAGS = ("code", "attribute", "xpath")


def english_words(text):
    """The ASCII words of letters only in ``text`` that are not allowed."""
    return [
        word
        for word in WORD.findall(EXPRESSION.sub(" ", text or ""))
        if ASCII_WORD.match(word) and word not in ALLOWED_WORDS
    ]


def shown_strings(arch):
    """(where, text) for every string of a view's architecture, in order."""
    root = etree.fromstring(arch) if isinstance(arch, str) else arch
    for node in root.iter(tag=etree.Element):
        where = f"<{node.tag} {node.get('name') or ''}>"
        code = node.tag in CODE_TAGS and node.get("name") not in SHOWN_ATTRIBUTES
        if not code:
            for attribute in SHOWN_ATTRIBUTES:
                if node.get(attribute):
                    yield f"{where} @{attribute}", node.get(attribute)
        for kind, text in (("text", None if code else node.text), ("tail", node.tail)):
            if text and text.strip():
                yield f"{where} {kind}", text.strip()


@tagged("post_install", "-at_install")
class TestVietnameseLabels(TransactionCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        if not cls.env["res.lang"]._lang_get("vi_VN"):
            cls.env["res.lang"]._activate_lang("vi_VN")
            cls.env["ir.module.module"].search(
                [("state", "=", "installed")]
            )._update_translations("vi_VN")
        cls.en = cls.env(context={"lang": "en_US"})
        cls.vi = cls.env(context={"lang": "vi_VN"})
        cls.offenders = []

    def _records(self, model):
        """The suite's records of ``model``, by their XML ids."""
        data = self.env["ir.model.data"].search(
            [("module", "in", SUITE_MODULES), ("model", "=", model)]
        )
        return self.env[model].browse(set(data.mapped("res_id"))).exists()

    def _compare(self, where, english, vietnamese):
        if isinstance(english, str) and english == vietnamese:
            words = english_words(english)
            if words:
                self.offenders.append(f"{where}: {english!r} ({', '.join(words)})")

    def _check_fields(self):
        fields = self._records("ir.model.fields")
        attributes = ["string", "help", "selection"]
        for model_name in sorted(set(fields.mapped("model"))):
            if model_name not in self.env:
                continue
            names = fields.filtered(lambda f, m=model_name: f.model == m).mapped("name")
            en = self.en[model_name].fields_get(names, attributes)
            vi = self.vi[model_name].fields_get(names, attributes)
            for name in sorted(en):
                where = f"field {model_name}.{name}"
                self._compare(where, en[name].get("string"), vi[name].get("string"))
                self._compare(
                    f"{where} help", en[name].get("help"), vi[name].get("help")
                )
                vi_labels = dict(vi[name].get("selection") or [])
                for value, label in en[name].get("selection") or []:
                    self._compare(
                        f"{where} selection {value!r}", label, vi_labels.get(value)
                    )

    def _check_views(self):
        views = self._records("ir.ui.view").filtered(lambda v: v.type in VIEW_TYPES)
        for view in views.sorted("id"):
            where = f"view {view.xml_id or view.name} ({view.model})"
            if view.mode == "primary":
                en = self.en[view.model].get_view(view.id, view.type)["arch"]
                vi = self.vi[view.model].get_view(view.id, view.type)["arch"]
            else:  # an extension of a view of another addon: its own strings
                en = view.with_env(self.en).arch_db
                vi = view.with_env(self.vi).arch_db
            for (place, en_text), (__, vi_text) in zip(
                shown_strings(en), shown_strings(vi), strict=True
            ):
                self._compare(f"{where} {place}", en_text, vi_text)

    def _check_menus_and_actions(self):
        for menu in self._records("ir.ui.menu"):
            self._compare(
                f"menu {menu.complete_name}",
                menu.with_env(self.en).name,
                menu.with_env(self.vi).name,
            )
        action_models = (
            "ir.actions.act_window",
            "ir.actions.server",
            "ir.actions.report",
            "ir.actions.client",
        )
        for model in action_models:
            for action in self._records(model):
                where = f"action {action.xml_id or action.id}"
                self._compare(
                    where, action.with_env(self.en).name, action.with_env(self.vi).name
                )
                if "help" in action._fields:
                    self._compare(
                        f"{where} help",
                        html2plaintext(action.with_env(self.en).help or ""),
                        html2plaintext(action.with_env(self.vi).help or ""),
                    )

    def _check_models(self):
        for model in self._records("ir.model"):
            self._compare(
                f"model {model.model}",
                model.with_env(self.en).name,
                model.with_env(self.vi).name,
            )

    def test_every_label_reads_in_vietnamese(self):
        self._check_models()
        self._check_fields()
        self._check_views()
        self._check_menus_and_actions()
        self.assertFalse(
            self.offenders,
            f"Left in English in vi_VN ({len(self.offenders)}):\n"
            + "\n".join(self.offenders),
        )
