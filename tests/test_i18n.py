"""Every addon speaks Vietnamese: vi.po is complete, valid and up to date."""

import re

import polib
import pytest
from conftest import addon_dirs, run

ADDONS = addon_dirs()
PLACEHOLDER = re.compile(r"%\(\w+\)s|%[sd]|\{\w*\}")


def load(addon, name):
    path = addon / "i18n" / name
    assert path.is_file(), f"{path} is missing"
    return polib.pofile(str(path))


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_vi_po_compiles(addon):
    result = run(
        ["msgfmt", "--check", "-o", "/dev/null", str(addon / "i18n" / "vi.po")]
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_vi_po_is_complete(addon):
    po = load(addon, "vi.po")
    assert po.metadata.get("Language") in ("vi", "vi_VN")
    untranslated = [entry.msgid for entry in po.untranslated_entries()]
    fuzzy = [entry.msgid for entry in po.fuzzy_entries()]
    assert not untranslated, f"untranslated: {untranslated[:10]}"
    assert not fuzzy, f"fuzzy: {fuzzy[:10]}"


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_vi_po_covers_the_template(addon):
    template = {entry.msgid for entry in load(addon, f"{addon.name}.pot")}
    translated = {entry.msgid for entry in load(addon, "vi.po") if entry.translated()}
    assert not template - translated, f"missing: {sorted(template - translated)[:10]}"


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_placeholders_are_kept(addon):
    for entry in load(addon, "vi.po"):
        assert sorted(PLACEHOLDER.findall(entry.msgid)) == sorted(
            PLACEHOLDER.findall(entry.msgstr)
        ), f"placeholders differ in {entry.msgid!r}"
