"""From a bare machine: where no Odoo 18.0 is found, the two commands install
one into a folder of their own (scripts/lib.sh, bootstrap_odoo) and use it
from then on; a found Odoo of another version is refused."""

import ast
import os
import shutil
import tempfile
import time
import uuid
from pathlib import Path

import pytest
from conftest import REPO, run
from odoo_log_summary import summarize

HTTP_PORT = os.environ.get("VSTBPN_BOOTSTRAP_TEST_HTTP_PORT", "19081")


def odoo_tree():
    """The Odoo 18.0 source tree under test (a local checkout), unless
    VSTBPN_BOOTSTRAP_SOURCE names another source."""
    if os.environ.get("VSTBPN_BOOTSTRAP_SOURCE"):
        return os.environ["VSTBPN_BOOTSTRAP_SOURCE"]
    found = run(
        [
            os.environ.get("ODOO_PYTHON", "python3"),
            "-c",
            "import os, odoo; print(os.path.dirname(os.path.dirname(odoo.__file__)))",
        ]
    )
    assert found.returncode == 0, found.stderr
    return found.stdout.strip()


def bare_environment(**extra):
    """This environment as on a machine without Odoo: no ODOO_BIN, no
    ODOO_PYTHON, no folder of the PATH that holds an `odoo`."""
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in ("ODOO", "ODOO_BIN", "ODOO_PYTHON", "ODOO_SOURCE")
    }
    env["PATH"] = os.pathsep.join(
        folder
        for folder in env["PATH"].split(os.pathsep)
        if not os.access(os.path.join(folder, "odoo"), os.X_OK)
    )
    env.update(extra)
    return env


def lib(script, env, timeout=900):
    """Run SCRIPT in bash after sourcing scripts/lib.sh."""
    return run(
        ["bash", "-c", f"source scripts/lib.sh || exit 2\n{script}"],
        cwd=REPO,
        env=env,
        timeout=timeout,
    )


def one_committee_test():
    """The first test method of vstbpn_committee's tests, as a test tag."""
    for path in sorted((REPO / "vstbpn_committee" / "tests").glob("test_*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if isinstance(node, ast.ClassDef):
                for item in node.body:
                    if isinstance(item, ast.FunctionDef) and item.name.startswith(
                        "test_"
                    ):
                        return f"/vstbpn_committee:{node.name}.{item.name}"
    pytest.fail("vstbpn_committee has no test")


@pytest.fixture
def home():
    path = Path(tempfile.mkdtemp(prefix="vstbpn-odoo-home-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def database():
    name = f"vstbpn_boot_{uuid.uuid4().hex[:8]}"
    yield name
    run(["dropdb", "--if-exists", name])


def test_odoo_is_installed_once_then_reused(home, database):
    odoo_home = home / "odoo"
    env = bare_environment(ODOO_SOURCE=odoo_tree(), VSTBPN_ODOO_HOME=str(odoo_home))
    tag = one_committee_test()
    first = lib(
        f"""
        find_odoo && ensure_postgres || exit 2
        trap stop_private_postgres EXIT
        echo "ODOO=$ODOO"
        echo "ODOO_PYTHON=$ODOO_PYTHON"
        "$ODOO" $(odoo_db_args) -d {database} -i "$SUITE_MODULES" --test-enable \
            --test-tags={tag} --stop-after-init --http-port={HTTP_PORT} \
            --no-database-list --log-level=info
        """,
        env,
        timeout=1200,
    )
    log = first.stdout + first.stderr
    # one line per step, and where it went
    for step in range(1, 7):
        assert f"[Odoo install {step}/6]" in first.stdout, log[-4000:]
    assert f"ODOO={odoo_home}/bin/odoo" in first.stdout, log[-4000:]
    assert f"ODOO_PYTHON={odoo_home}/venv/bin/python" in first.stdout, log[-4000:]
    assert (odoo_home / "installed").is_file()
    passed, failed, skipped = summarize(log, first.returncode)
    assert (passed, failed, skipped) == (1, 0, 0), log[-6000:]

    started = time.monotonic()
    second = lib(
        """
        find_odoo || exit 2
        echo "ODOO=$ODOO"
        "$ODOO_PYTHON" -W ignore -c 'import gevent.monkey; gevent.monkey.patch_all()
import ruff, pytest, xlsxwriter, odoo; print("IMPORTS=ok")'
        """,
        env,
        timeout=120,
    )
    assert second.returncode == 0, second.stdout + second.stderr
    assert "[Odoo install" not in second.stdout, "the second run installs again"
    assert f"Using Odoo 18.0 installed in {odoo_home}" in second.stdout
    assert f"ODOO={odoo_home}/bin/odoo" in second.stdout
    assert "IMPORTS=ok" in second.stdout, second.stderr
    assert time.monotonic() - started < 60


def fake_odoo(folder, version):
    odoo = folder / "odoo"
    odoo.write_text(f"#!/bin/sh\necho 'Odoo Server {version}'\n")
    odoo.chmod(0o755)


def test_a_found_odoo_of_another_version_is_refused(home):
    fake_odoo(home, "17.0")
    env = bare_environment(
        PATH=f"{home}{os.pathsep}{bare_environment()['PATH']}",
        VSTBPN_ODOO_HOME=str(home / "odoo"),
    )
    result = lib("find_odoo && echo FOUND", env, timeout=60)
    assert result.returncode != 0
    assert "FOUND" not in result.stdout
    assert "is not Odoo 18.0 (it says: Odoo Server 17.0)" in result.stderr
    assert not (home / "odoo" / "installed").exists(), "nothing installed instead"


def test_a_source_of_another_version_is_refused(home):
    tree = home / "odoo-17"
    (tree / "odoo").mkdir(parents=True)
    (tree / "odoo" / "release.py").write_text(
        "version_info = (17, 0, 0, 'final', 0, '')\n"
    )
    env = bare_environment(ODOO_SOURCE=str(tree), VSTBPN_ODOO_HOME=str(home / "odoo"))
    result = lib("find_odoo && echo FOUND", env, timeout=120)
    assert result.returncode != 0
    assert "FOUND" not in result.stdout
    assert "is Odoo 17.0, not Odoo 18.0" in result.stderr, result.stderr
    assert not (home / "odoo" / "installed").exists()


def test_a_missing_odoo_bin_is_not_replaced_by_an_install(home):
    """ODOO_BIN names the Odoo to use: missing, it is reported, not replaced."""
    env = bare_environment(
        ODOO_BIN=str(home / "no-odoo-here"), VSTBPN_ODOO_HOME=str(home / "odoo")
    )
    result = lib("find_odoo && echo FOUND", env, timeout=60)
    assert result.returncode != 0
    assert "Odoo 18.0 was not found at ODOO_BIN" in result.stderr
    assert not (home / "odoo").exists()
