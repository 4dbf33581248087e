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
    "vstbpn.national.indicator",  # the official national set, one for all units
    "vstbpn.report.template",
    "vstbpn.report.template.section",
    "vstbpn.report.template.line",
}
DATA_FOLDERS = ("data", "demo", "security", "views", "report", "wizard")
# The capabilities vstbpn_committee holds, one room (sub-package) each.
COMMITTEE_ROOMS = ("core", "documents", "work_plans", "meetings", "inspections")


def rooms(addon):
    """The folders that hold an addon's models, views and data: the addon
    itself, or its rooms (sub-packages with models of their own)."""
    inner = [d for d in sorted(addon.iterdir()) if (d / "models").is_dir()]
    return [addon, *inner]


def in_rooms(addon, folder, pattern="*"):
    return [path for room in rooms(addon) for path in (room / folder).glob(pattern)]


def model_sources(addon):
    paths = in_rooms(addon, "models", "*.py") + in_rooms(addon, "wizard", "*.py")
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
        for path in in_rooms(addon, folder)
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
    rows = []
    for path in in_rooms(addon, "security", "ir.model.access.csv"):
        with open(path, encoding="utf-8") as handle:
            rows += list(csv.DictReader(handle))
    assert rows, "no access rules"
    models_with_acl = {row["model_id:id"].split(".")[-1] for row in rows}
    for name in model_names(addon) - names_of_kind(addon, "AbstractModel"):
        assert "model_" + name.replace(".", "_") in models_with_acl, (
            f"no ACL for {name}"
        )
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids)), "duplicate ACL ids"
    groups_xml = "".join(
        p.read_text(encoding="utf-8") for p in in_rooms(addon, "security", "*.xml")
    )
    for row in rows:
        group = row["group_id:id"]
        if group and "." not in group:
            assert f'id="{group}"' in groups_xml, f"unknown group {group}"


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_every_persistent_model_has_record_rules(addon):
    rules = "".join(
        p.read_text(encoding="utf-8") for p in in_rooms(addon, "security", "*.xml")
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


@pytest.mark.parametrize("room", COMMITTEE_ROOMS)
def test_each_capability_has_a_room_of_its_own(room):
    """vstbpn_committee's floor plan: each capability holds its models, views,
    security and tests; the addon's root holds no model of its own."""
    addon = REPO / "vstbpn_committee"
    assert [r.name for r in rooms(addon)[1:]] == sorted(COMMITTEE_ROOMS)
    assert not (addon / "models").exists()
    for folder in ("models", "views", "security", "tests"):
        assert any((addon / room / folder).glob("*")), f"{room}/{folder} is empty"
    suite_tests = (addon / "tests" / "__init__.py").read_text(encoding="utf-8")
    for test in (addon / room / "tests").glob("test_*.py"):
        assert test.stem in suite_tests, f"Odoo would not run {room}/tests/{test.name}"
