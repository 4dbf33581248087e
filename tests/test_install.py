"""Every addon installs alone and all install together, on real Odoo 18."""

import os
import uuid

import polib
import pytest
from conftest import REPO, addon_dirs, run

ADDONS = addon_dirs()


@pytest.fixture
def database():
    name = f"vstbpn_install_{uuid.uuid4().hex[:8]}"
    yield name
    run(["dropdb", "--if-exists", name])


def install(odoo_command, database, modules, *extra):
    result = run(
        [
            *odoo_command,
            "-d",
            database,
            "-i",
            ",".join(modules),
            "--stop-after-init",
            "--http-port",
            os.environ.get("VSTBPN_INSTALL_HTTP_PORT", "18079"),
            "--log-level",
            "warn",
            *extra,
        ],
        timeout=1200,
    )
    log = result.stdout + result.stderr
    assert result.returncode == 0, log[-4000:]
    errors = [
        line for line in log.splitlines() if " ERROR " in line or " CRITICAL " in line
    ]
    assert not errors, "\n".join(errors[:20])
    assert "demo data failed to install" not in log, log[-4000:]
    return log


def only_in_demo(entry):
    """Terms of demo records (xml ids end in _demo) are not in the template."""
    places = [path for path, _line in entry.occurrences]
    return bool(places) and all(place.endswith("_demo") for place in places)


@pytest.mark.parametrize("addon", ADDONS, ids=lambda a: a.name)
def test_addon_installs_alone_with_demo_and_its_template_is_current(
    odoo_command, database, addon, tmp_path
):
    install(odoo_command, database, [addon.name])
    exported = tmp_path / f"{addon.name}.pot"
    result = run(
        [
            *odoo_command,
            "-d",
            database,
            f"--i18n-export={exported}",
            f"--modules={addon.name}",
            "--stop-after-init",
            "--log-level",
            "warn",
        ],
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    current = {
        entry.msgid for entry in polib.pofile(str(exported)) if not only_in_demo(entry)
    }
    committed = {
        entry.msgid for entry in polib.pofile(str(addon / "i18n" / f"{addon.name}.pot"))
    }
    assert current == committed, (
        f"i18n/{addon.name}.pot is out of date: new {sorted(current - committed)[:5]}, "
        f"gone {sorted(committed - current)[:5]}"
    )


def test_all_addons_install_together_without_demo(odoo_command, database):
    install(
        odoo_command, database, [addon.name for addon in ADDONS], "--without-demo=all"
    )


@pytest.mark.parametrize("command", ["test", "run"])
def test_commands_fail_loudly_without_odoo(tmp_path, command):
    """No Odoo on the PATH and no ODOO_BIN: neither command may pass or serve."""
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
        "ODOO_BIN": str(tmp_path / "no-odoo-here"),
    }
    result = run([str(REPO / "scripts" / command)], env=env, timeout=120)
    assert result.returncode != 0
    assert "Odoo 18.0 was not found" in result.stderr
    assert "git clone" in result.stderr  # says how to get it
    assert " passed, 0 failed" not in result.stdout
