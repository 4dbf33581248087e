"""The suite's records as JSON, before and after an upgrade (tests/test_upgrade.py).

Run in Odoo's interpreter, with Odoo's options for the database:

    python tests/upgrade_snapshot.py before OUT.json -d DB --addons-path=...
    python tests/upgrade_snapshot.py after OUT.json BEFORE.json -d DB --addons-path=...

(and --db_host, --db_port, --db_user as Odoo takes them).

``before`` (with the previous release's addons on the addons path) finds every
model of the suite (``vstbpn.*``: neither abstract, transient nor an SQL view)
and its business fields (stored and not computed, the log-access columns
aside), and dumps each record's values from the database as they are stored:
columns as PostgreSQL returns them (translations: every language), many2many
as sorted id lists. It also lists the records that the suite's data files
manage (an xml id with noupdate off), which an upgrade rewrites by design,
and the xml ids of all the records its data files created.

``after`` (with the current addons) dumps the same tables, columns and
relation tables, whatever the current code declares, so that a field dropped
from the code still shows its data; and says of each field whether the
current code still declares it as a business field.
"""

import json
import sys

LOG_ACCESS = {"create_uid", "create_date", "write_uid", "write_date"}


def is_business(field):
    return bool(
        field.store
        and not field.compute
        and not field.related
        and field.name != "id"
        and field.name not in LOG_ACCESS
        and (field.column_type or field.type == "many2many")
    )


def suite_models(env):
    for name in sorted(env.registry.models):
        model = env[name]
        if (
            name.startswith("vstbpn.")
            and not model._abstract
            and not model._transient
            and model._auto
        ):
            yield model


def spec_of(env):
    """Per model: its table, business columns and many2many relations."""
    spec = {}
    for model in suite_models(env):
        fields = {"columns": {}, "many2many": {}}
        for name, field in model._fields.items():
            if not is_business(field):
                continue
            if field.type == "many2many":
                fields["many2many"][name] = [
                    field.relation,
                    field.column1,
                    field.column2,
                ]
            else:
                fields["columns"][name] = name
        spec[model._name] = {"table": model._table, **fields}
    return spec


def quote(identifier):
    escaped = identifier.replace('"', '""')
    return f'"{escaped}"'


def plain(value):
    """A JSON-ready value that compares as the stored one does."""
    if isinstance(value, (bytes, memoryview)):
        return bytes(value).hex()
    return value


def existing_columns(cr, table):
    cr.execute(
        "SELECT column_name FROM information_schema.columns"
        " WHERE table_schema = current_schema() AND table_name = %s",
        [table],
    )
    return {row[0] for row in cr.fetchall()}


def dump(cr, spec):
    """Every record of SPEC's tables: {model: {id: {field: value}}}; a model
    whose table is gone gives None, a field whose column or relation table is
    gone gives "<gone>"."""
    data = {}
    for model, info in spec.items():
        present = existing_columns(cr, info["table"])
        if "id" not in present:
            data[model] = None
            continue
        names = sorted(n for n in info["columns"] if info["columns"][n] in present)
        gone = sorted(n for n in info["columns"] if info["columns"][n] not in present)
        columns = ", ".join(["id", *(quote(info["columns"][n]) for n in names)])
        cr.execute(f"SELECT {columns} FROM {quote(info['table'])} ORDER BY id")
        records = {
            str(row[0]): {
                **dict(zip(names, map(plain, row[1:]), strict=True)),
                **dict.fromkeys(gone, "<gone>"),
            }
            for row in cr.fetchall()
        }
        for name, (relation, column1, column2) in sorted(info["many2many"].items()):
            linked = {column1, column2} <= existing_columns(cr, relation)
            for values in records.values():
                values[name] = [] if linked else "<gone>"
            if not linked:
                continue
            cr.execute(
                f"SELECT {quote(column1)}, {quote(column2)} FROM {quote(relation)} "
                f"ORDER BY 1, 2"
            )
            for record_id, other_id in cr.fetchall():
                if str(record_id) in records:
                    records[str(record_id)][name].append(other_id)
        data[model] = records
    return data


def managed_records(cr, modules):
    """(model, id) of the records that the suite's data files own."""
    cr.execute(
        "SELECT model, res_id FROM ir_model_data"
        " WHERE module = ANY(%s) AND NOT noupdate AND res_id IS NOT NULL",
        [list(modules)],
    )
    return sorted([model, res_id] for model, res_id in cr.fetchall())


def xml_ids(cr, modules):
    """[model, id, xml id] of every record the suite's data files created,
    noupdate or not: the test names the records it expects to change."""
    cr.execute(
        "SELECT model, res_id, module || '.' || name FROM ir_model_data"
        " WHERE module = ANY(%s) AND res_id IS NOT NULL",
        [list(modules)],
    )
    return sorted([model, res_id, xml_id] for model, res_id, xml_id in cr.fetchall())


def main():
    mode, output, *rest = sys.argv[1:]
    before = None
    if mode == "after":
        with open(rest.pop(0), encoding="utf-8") as file:
            before = json.load(file)

    import odoo
    from odoo.tools import config

    config.parse_config(rest)
    registry = odoo.modules.registry.Registry(config["db_name"])
    with registry.cursor() as cr:
        env = odoo.api.Environment(cr, odoo.SUPERUSER_ID, {})
        env.cr.execute(
            "SELECT name, latest_version FROM ir_module_module"
            " WHERE name LIKE 'vstbpn\\_%%' AND state = 'installed'"
        )
        modules = dict(env.cr.fetchall())
        if mode == "before":
            spec = spec_of(env)
            result = {
                "modules": modules,
                "spec": spec,
                "managed": managed_records(env.cr, modules),
                "xml_ids": xml_ids(env.cr, modules),
            }
        else:
            spec = before["spec"]
            current = spec_of(env)
            result = {
                "modules": modules,
                "business": {
                    model: sorted([*info["columns"], *info["many2many"]])
                    for model, info in current.items()
                },
                "declared": {model: sorted(env[model]._fields) for model in current},
            }
        result["data"] = dump(env.cr, spec)
        env.cr.rollback()
    with open(output, "w", encoding="utf-8") as file:
        json.dump(result, file, default=str, sort_keys=True)


if __name__ == "__main__":
    main()
