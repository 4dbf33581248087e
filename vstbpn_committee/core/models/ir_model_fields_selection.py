from odoo import api, models
from odoo.tools import SQL

SUITE_MODEL_PREFIX = "vstbpn."


class IrModelFieldsSelection(models.Model):
    """A choice a suite model inherits from a mixin of another addon reads in
    the user's language, as the mixin's own choice does.

    Odoo names the choice ``<mixin's addon>.selection__<model>__<field>__<value>``
    and loads an addon's ``vi.po`` when that addon is installed: by then the
    choices of models of addons installed later do not exist yet, so their
    labels ("Not Due Yet", "Overdue", ...) stay in English although the
    mixin's addon translates them. The translations a choice lacks are taken
    from the same choice of the model it inherits, whenever translations are
    loaded.
    """

    _inherit = "ir.model.fields.selection"

    @api.model
    def _vstbpn_inherit_translations(self):
        pairs = self._vstbpn_inherited_selection_fields()
        if not pairs:
            return
        # A mixin may itself inherit its choices: repeat until nothing moves.
        for __ in range(5):
            self.env.cr.execute(
                SQL(
                    """
                    UPDATE ir_model_fields_selection AS child
                       SET name = parent.name || child.name
                      FROM ir_model_fields_selection AS parent,
                           ir_model_fields AS child_field,
                           ir_model_fields AS parent_field
                     WHERE child.field_id = child_field.id
                       AND parent.field_id = parent_field.id
                       AND (child_field.model, parent_field.model, child_field.name)
                           IN %s
                       AND child.value = parent.value
                       AND child.name->>'en_US' = parent.name->>'en_US'
                       -- a language the parent speaks and the child does not
                       AND NOT child.name ?& ARRAY(
                           SELECT jsonb_object_keys(parent.name)
                       )
                    """,
                    tuple(pairs),
                )
            )
            if not self.env.cr.rowcount:
                break
            self.env.registry.clear_cache()
        self.invalidate_model(["name"])

    @api.model
    def _vstbpn_inherited_selection_fields(self):
        """(model, parent model, field) for each choice list a suite model
        inherits from a parent model."""
        pairs = []
        for parent_name in self.env.registry:
            parent = self.env[parent_name]
            for child_name in parent._inherit_children:
                if child_name == parent_name or not child_name.startswith(
                    SUITE_MODEL_PREFIX
                ):
                    continue
                child = self.env[child_name]
                for name, field in parent._fields.items():
                    child_field = child._fields.get(name)
                    if (
                        field.type == "selection"
                        and isinstance(field.selection, list)
                        and child_field is not None
                        and child_field.type == "selection"
                        and isinstance(child_field.selection, list)
                    ):
                        pairs.append((child_name, parent_name, name))
        return pairs
