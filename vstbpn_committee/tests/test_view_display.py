from lxml import etree

from odoo.tests import TransactionCase, tagged
from odoo.tools.safe_eval import safe_eval


@tagged("post_install", "-at_install")
class TestViewDisplay(TransactionCase):
    """Every screen of the suite writes numbers as a Vietnamese office does."""

    def _suite_views(self, view_types):
        """(model, view type, combined arch) of every primary view the
        suite's addons define, once installed together (post_install)."""
        data = self.env["ir.model.data"].search(
            [("model", "=", "ir.ui.view"), ("module", "=like", "vstbpn\\_%")]
        )
        views = self.env["ir.ui.view"].browse(data.mapped("res_id")).exists()
        for view in views.filtered(lambda v: v.mode == "primary" and v.type in view_types):
            if view.model not in self.env:
                continue
            arch = self.env[view.model].get_views([(view.id, view.type)])["views"][view.type]["arch"]
            yield view, etree.fromstring(arch)

    def test_years_print_without_thousands_separator(self):
        """'2017', never '2.017': integer fields of years are shown unformatted
        in lists, forms and kanban cards (pivots and exports show raw values)."""
        unformatted = []
        checked = 0
        for view, arch in self._suite_views(("list", "form", "kanban")):
            for node in arch.iter("field"):
                field = self._field_of(node, view)
                if not field or field.type != "integer" or "year" not in field.name:
                    continue
                checked += 1
                options = safe_eval(node.get("options") or "{}", {"false": False, "true": True})
                if options.get("enable_formatting") is not False:
                    unformatted.append(f"{view.xml_id or view.name}: {field.model_name}.{field.name}")
        self.assertGreater(checked, 5, "the years of the suite's screens were not found")
        self.assertFalse(unformatted, "years shown with a thousands separator")

    def _field_of(self, node, view):
        """The field a <field> node shows, in its own model (one2many lists
        inside a form show the comodel's fields)."""
        model_name = view.model
        parent = node.getparent()
        while parent is not None:
            if parent.tag == "field":
                outer = self._field_of(parent, view)
                if outer and outer.comodel_name:
                    model_name = outer.comodel_name
                break
            parent = parent.getparent()
        return self.env[model_name]._fields.get(node.get("name"))
