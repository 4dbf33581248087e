"""Manifests, data files and access rules agree with each other."""

import csv
import re

import pytest
from conftest import REPO, addon_dirs, read_manifest
from lxml import etree

ADDONS = addon_dirs()
NAME_DECLARATION = r'^\s+_name = "([\w.]+)"'
# Reference data every unit reads alike (ACLs restrict who edits it): no
# record rule, on purpose.
SHARED_CONFIGURATION_MODELS = {
    "vstbpn.committee.level",
    "vstbpn.indicator",
    "vstbpn.indicator.group",
    "vstbpn.report.template",
    "vstbpn.report.template.section",
    "vstbpn.report.template.line",
}
DATA_FOLDERS = ("data", "demo", "security", "views", "report", "wizard")


def model_sources(addon):
    paths = list((addon / "models").glob("*.py")) + list(
        (addon / "wizard").glob("*.py")
    )
    return [path.read_text(encoding="utf-8") for path in paths]


def model_names(addon):
    """The ``_name`` of every model the addon defines."""
    return {
        name
        for text in model_sources(addon)
        for name in re.findall(NAME_DECLARATION, text, re.MULTILINE)
    }


def names_of_kind(addon, kind):
    """The ``_name`` of the addon's models of one kind (AbstractModel...)."""
    names = set()
    for text in model_sources(addon):
        for block in re.split(r"^class ", text, flags=re.MULTILINE):
            if f"models.{kind}" in block.split("\n", 1)[0]:
                names.update(re.findall(NAME_DECLARATION, block, re.MULTILINE))
    return names


def test_the_suite_has_its_first_addon():
    assert REPO / "vstbpn_committee" in ADDONS


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_manifest_keys(addon):
    manifest = read_manifest(addon)
    assert re.fullmatch(r"18\.0\.\d+\.\d+\.\d+", manifest["version"])
    assert manifest["license"] in {"LGPL-3", "AGPL-3", "GPL-3"}
    for key in ("name", "summary", "author", "category", "depends", "data"):
        assert manifest.get(key), f"{addon.name}: manifest key {key} is empty"
    for dependency in manifest["depends"]:
        if dependency.startswith("vstbpn_"):
            assert (REPO / dependency / "__manifest__.py").exists()


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_every_data_file_is_listed_once_and_exists(addon):
    manifest = read_manifest(addon)
    listed = manifest.get("data", []) + manifest.get("demo", [])
    assert len(listed) == len(set(listed)), "a file is listed twice"
    for name in listed:
        assert (addon / name).is_file(), f"{addon.name}: {name} is listed but missing"
    on_disk = {
        str(path.relative_to(addon))
        for folder in DATA_FOLDERS
        for path in (addon / folder).glob("*")
        if path.suffix in {".xml", ".csv"}
    }
    assert on_disk <= set(listed), (
        f"{addon.name}: not in the manifest: {on_disk - set(listed)}"
    )


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_xml_is_well_formed_and_odoo_18(addon):
    for path in addon.rglob("*.xml"):
        tree = etree.parse(str(path))
        assert not tree.xpath("//tree"), f"{path}: Odoo 18 uses <list>"
        assert not tree.xpath("//*[@attrs or @states]"), (
            f"{path}: attrs/states are gone in 17+"
        )


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_every_model_has_access_rules(addon):
    """Each model has an ACL line; each ACL line names a known model and group."""
    with open(addon / "security" / "ir.model.access.csv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows, "no access rules"
    models_with_acl = {row["model_id:id"].split(".")[-1] for row in rows}
    for name in model_names(addon) - names_of_kind(addon, "AbstractModel"):
        assert "model_" + name.replace(".", "_") in models_with_acl, (
            f"no ACL for {name}"
        )
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids)), "duplicate ACL ids"
    groups_xml = "".join(
        p.read_text(encoding="utf-8") for p in (addon / "security").glob("*.xml")
    )
    for row in rows:
        group = row["group_id:id"]
        if group and "." not in group:
            assert f'id="{group}"' in groups_xml, f"unknown group {group}"


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_every_persistent_model_has_record_rules(addon):
    rules = "".join(
        p.read_text(encoding="utf-8") for p in (addon / "security").glob("*.xml")
    )
    for name in (
        model_names(addon)
        - names_of_kind(addon, "AbstractModel")
        - names_of_kind(addon, "TransientModel")
        - SHARED_CONFIGURATION_MODELS
    ):
        assert f'ref="model_{name.replace(".", "_")}"' in rules, (
            f"no record rule on {name}"
        )


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_module_documentation(addon):
    assert (addon / "readme" / "DESCRIPTION.md").is_file()
    assert (addon / "readme" / "USAGE.md").is_file()
    assert (
        addon / "static" / "description" / "icon.png"
    ).is_file() or not read_manifest(addon).get("application")
