"""scripts/lib.sh on a fresh machine: any checkout, any way Odoo is installed."""

import hashlib
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest
from conftest import REPO, run

PG_PORT = os.environ.get("VSTBPN_LIB_TEST_PG_PORT", "54341")


def bash(script, cwd, **env):
    """Run SCRIPT in bash after sourcing CWD's scripts/lib.sh."""
    return run(
        ["bash", "-c", f"source scripts/lib.sh || exit 2\n{script}"],
        cwd=cwd,
        env=dict(os.environ, **env),
    )


def outputs(result):
    """The KEY=value lines a script printed, as a dict."""
    return dict(
        line.split("=", 1) for line in result.stdout.splitlines() if "=" in line
    )


@pytest.fixture
def private_checkout():
    """A clone of the repository in a folder only its owner may enter (under
    /root, say), removed afterwards with what lib.sh made outside it."""
    parent = Path(tempfile.mkdtemp(prefix="vstbpn-lib-"))
    parent.chmod(0o700)
    checkout = parent / "checkout"
    # lib.sh names the socket folder, and the cluster's folder when it cannot
    # stay in the checkout, after the checkout's path.
    digest = hashlib.md5(f"{checkout}\n".encode()).hexdigest()[:8]
    tag = f"{os.getuid()}-{digest}"
    outside = [Path(f"/tmp/vstbpn-pg-{tag}"), Path(f"/var/tmp/vstbpn-pg-{tag}")]
    try:
        cloned = run(["git", "clone", "-q", str(REPO), str(checkout)])
        assert cloned.returncode == 0, cloned.stderr
        # Under test is the work tree's lib.sh, which may not be committed yet.
        shutil.copy2(REPO / "scripts" / "lib.sh", checkout / "scripts" / "lib.sh")
        yield checkout
    finally:
        # Should the script have left a server running, stop it before its
        # data goes.
        for data in [checkout / ".local" / "pg" / "data", outside[1] / "data"]:
            if (data / "postmaster.pid").exists():
                bash(
                    f'as_pg_owner "$(pg_bindir)/pg_ctl" -D "{data}" -m immediate stop',
                    cwd=REPO,
                )
        for path in [parent, *outside]:
            shutil.rmtree(path, ignore_errors=True)


def test_private_cluster_runs_from_a_checkout_only_root_may_enter(private_checkout):
    checkout = private_checkout
    result = bash(
        """
        trap stop_private_postgres EXIT
        find_odoo && ensure_postgres || exit 2
        echo "PG_DIR=$PG_DIR"
        echo "SELECT=$(psql -d postgres -tAc 'select 1')"
        stop_private_postgres
        pg_isready -q && echo "STOPPED=no"
        exit 0
        """,
        cwd=checkout,
        VSTBPN_PRIVATE_PG="1",
        VSTBPN_PG_PORT=PG_PORT,
    )
    report = f"{result.stdout}\n{result.stderr}"
    assert result.returncode == 0, report
    printed = outputs(result)
    assert printed.get("SELECT") == "1", report
    assert "STOPPED" not in printed, report
    pg_dir = Path(printed["PG_DIR"])
    assert (pg_dir / "data" / "PG_VERSION").is_file(), report
    assert (pg_dir / "server.log").is_file(), report
    messages = [line for line in result.stdout.splitlines() if "=" not in line]
    assert any(str(pg_dir) in line for line in messages), "say where the cluster is"
    if os.getuid() == 0:
        # The postgres user, who runs the server, cannot enter the checkout.
        assert not pg_dir.is_relative_to(checkout.parent), report
        assert not (checkout / ".local" / "pg" / "data").exists()
        info = pg_dir.stat()
        assert info.st_uid == int(run(["id", "-u", "postgres"]).stdout)
        assert info.st_mode & 0o777 == 0o700
    else:
        assert pg_dir == checkout / ".local" / "pg"


def odoo_wrapper(folder, python, odoo_bin):
    """An `odoo` that is a shell wrapper, as in many container images; and a
    python3 first on the PATH that has no Odoo, whatever this machine has."""
    wrapper = folder / "odoo"
    wrapper.write_text(f'#!/bin/sh\nexec {python} {odoo_bin} "$@"\n')
    no_odoo = folder / "bin" / "python3"
    no_odoo.parent.mkdir()
    no_odoo.write_text("#!/bin/sh\nexit 1\n")
    for path in (wrapper, no_odoo):
        path.chmod(0o755)
    return {
        "ODOO_BIN": str(wrapper),
        "ODOO_PYTHON": "",  # as unset: lib.sh must find it
        "PATH": f"{no_odoo.parent}:{os.environ['PATH']}",
    }


@pytest.fixture
def folder():
    path = Path(tempfile.mkdtemp(prefix="vstbpn-wrapper-"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


def test_odoo_shell_wrapper_gives_its_python(folder):
    odoo = os.environ.get("ODOO")
    if not odoo:
        pytest.fail("run through scripts/test: ODOO is not set")
    # These tests run in Odoo's interpreter (scripts/test sees to it).
    env = odoo_wrapper(folder, sys.executable, os.path.realpath(odoo))
    result = bash('find_odoo && echo "ODOO_PYTHON=$ODOO_PYTHON"', REPO, **env)
    assert result.returncode == 0, result.stderr
    python = outputs(result)["ODOO_PYTHON"]
    assert os.path.samefile(python, sys.executable), python
    version = run([python, "-c", "import odoo.release as r; print(r.version_info[:2])"])
    assert version.stdout.strip() == "(18, 0)", version.stderr


def test_odoo_shell_wrapper_to_nothing_asks_for_odoo_python(folder):
    gone = folder / "gone"
    env = odoo_wrapper(folder, gone / "python3", gone / "odoo-bin")
    result = bash('find_odoo && echo "ODOO_PYTHON=$ODOO_PYTHON"', REPO, **env)
    assert result.returncode != 0, result.stdout
    assert "Set ODOO_PYTHON" in result.stderr, result.stderr


def test_suite_modules_are_every_vstbpn_addon_committee_first(folder):
    (folder / "scripts").mkdir()
    shutil.copy2(REPO / "scripts" / "lib.sh", folder / "scripts" / "lib.sh")
    for name in ["vstbpn_zeta", "vstbpn_reporting", "vstbpn_committee", "vstbpn_alpha"]:
        (folder / name).mkdir()
        (folder / name / "__manifest__.py").write_text("{}\n")
    (folder / "vstbpn_no_manifest").mkdir()
    result = bash('echo "SUITE_MODULES=$SUITE_MODULES"', folder)
    assert outputs(result)["SUITE_MODULES"] == (
        "vstbpn_committee,vstbpn_alpha,vstbpn_reporting,vstbpn_zeta"
    ), result.stderr


def test_databases_keep_their_files_in_the_checkout(tmp_path):
    """Odoo's files of a checkout's databases live in its .local (never in
    the user's home, where two checkouts' demo databases would share them),
    and dropping a database removes them."""
    script = """
echo "DEFAULT=$(odoo_data_dir)"
VSTBPN_DATA_DIR=$1
echo "ARGS=$(odoo_db_args)"
mkdir -p "$1/filestore/vstbpn_gone/ab" "$1/filestore/vstbpn_kept"
drop_database vstbpn_gone
echo "GONE=$(test -e "$1/filestore/vstbpn_gone" && echo no || echo yes)"
echo "KEPT=$(test -e "$1/filestore/vstbpn_kept" && echo yes || echo no)"
"""
    env = {key: val for key, val in os.environ.items() if key != "VSTBPN_DATA_DIR"}
    command = f"source scripts/lib.sh || exit 2\n{script}"
    result = run(
        ["bash", "-c", command, "-", str(tmp_path)],
        cwd=REPO,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    out = outputs(result)
    assert out["DEFAULT"] == str(REPO / ".local" / "data")
    assert f"--data-dir={tmp_path}" in out["ARGS"].split()
    assert (out["GONE"], out["KEPT"]) == ("yes", "yes")


def test_test_command_removes_its_databases_files():
    """scripts/test gives its databases (the repository tests' included) a
    folder of their own and removes it with them."""
    text = (REPO / "scripts" / "test").read_text()
    assert 'export VSTBPN_DATA_DIR="$OUT/data-$$"' in text
    cleanup = text[text.index("cleanup() {") : text.index("trap cleanup EXIT")]
    assert 'rm -rf "$VSTBPN_DATA_DIR"' in cleanup
    assert 'drop_database "$DB"' in cleanup
