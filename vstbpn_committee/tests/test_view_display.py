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
        for view in views.filtered(
            lambda v: v.mode == "primary" and v.type in view_types
        ):
            if view.model not in self.env:
                continue
            arch = self.env[view.model].get_views([(view.id, view.type)])["views"][
                view.type
            ]["arch"]
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
                options = safe_eval(
                    node.get("options") or "{}", {"false": False, "true": True}
                )
                if options.get("enable_formatting") is not False:
                    unformatted.append(
                        f"{view.xml_id or view.name}: {field.model_name}.{field.name}"
                    )
        self.assertGreater(
            checked, 5, "the years of the suite's screens were not found"
        )
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

    def test_lists_and_cards_name_units_by_their_short_name(self):
        """Every committee a list or a kanban card shows is asked for by its
        short name: the full names all start alike and are cut at 1366 px."""
        full_named = []
        checked = 0
        for view, arch in self._suite_views(("list", "kanban")):
            for node in arch.iter("field"):
                field = self._field_of(node, view)
                if (
                    not field
                    or field.comodel_name != "vstbpn.committee"
                    or field.type != "many2one"
                ):
                    continue
                if node.get("column_invisible") in ("True", "1") or node.get(
                    "invisible"
                ) in ("True", "1"):
                    continue
                checked += 1
                context = safe_eval(
                    node.get("context") or "{}", {"context": {}, "uid": 1}
                )
                if not context.get("vstbpn_short_name"):
                    full_named.append(
                        f"{view.xml_id or view.name}: {field.model_name}.{field.name}"
                    )
        self.assertGreater(checked, 20)
        self.assertFalse(
            full_named, "units shown by their full name where space is short"
        )

    def test_short_name_is_proposed_searched_and_shown_where_asked(self):
        Committee = self.env["vstbpn.committee"]
        commune = Committee.create(
            {
                "name": "Ban vì sự tiến bộ của phụ nữ xã Phù Cát",
                "code": "SHORT-PC",
                "level_id": self.env.ref("vstbpn_committee.level_commune").id,
            }
        )
        self.assertEqual(commune.short_name, "xã Phù Cát")
        self.assertEqual(commune.display_name, commune.name, "forms keep the full name")
        self.assertEqual(
            commune.with_context(vstbpn_short_name=True).display_name, "xã Phù Cát"
        )
        commune.short_name = "Phù Cát"  # editable
        self.assertEqual(
            commune.with_context(vstbpn_short_name=True).display_name, "Phù Cát"
        )
        self.assertIn(commune.id, [r[0] for r in Committee.name_search("Phù Cát")])
        national = Committee.create(
            {
                "name": "Ủy ban Quốc gia vì sự tiến bộ của phụ nữ Việt Nam",
                "code": "SHORT-VN",
                "level_id": self.env.ref("vstbpn_committee.level_province").id,
            }
        )
        self.assertEqual(
            national.short_name, national.name, "no usual opening: the name itself"
        )

    def test_group_headers_name_units_by_their_short_name(self):
        """Lists, pivots and graphs grouped by unit (read_group) name each
        unit by its short name, in committee-owned models and their lines."""
        province = self.env.ref("vstbpn_committee.committee_binh_dinh_demo")
        for model in ("vstbpn.work.plan", "vstbpn.work.plan.budget.line"):
            groups = self.env[model].read_group(
                [("committee_id", "=", province.id)], ["committee_id"], ["committee_id"]
            )
            self.assertEqual(groups[0]["committee_id"][1], "tỉnh Bình Định", model)
