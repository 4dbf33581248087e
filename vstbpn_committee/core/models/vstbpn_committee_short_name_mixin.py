from odoo import api, models


class VstbpnCommitteeShortNameMixin(models.AbstractModel):
    """Group headers name committees by their short name.

    Lists, pivots and graphs grouped by a committee show one header per unit,
    where the full names ("Ban vì sự tiến bộ của phụ nữ ...") would all read
    alike once cut; list and kanban views ask for the short name themselves
    (``context="{'vstbpn_short_name': True}"`` on the field).
    """

    _name = "vstbpn.committee.short.name.mixin"
    _description = "Grouped by Committee's Short Name"

    @api.model
    def read_group(
        self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True
    ):
        return super(
            VstbpnCommitteeShortNameMixin, self.with_context(vstbpn_short_name=True)
        ).read_group(
            domain,
            fields,
            groupby,
            offset=offset,
            limit=limit,
            orderby=orderby,
            lazy=lazy,
        )
