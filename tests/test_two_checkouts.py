"""Two checkouts on one machine keep their own files: one serves its demo
while the other builds a demo database of the same name, and the first still
serves its web client's assets (stylesheets and scripts are attachments whose
files live in the database's filestore)."""

import os
import re
import shutil
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import REPO, run
from test_run_command import stop

PORT = int(os.environ.get("VSTBPN_TWO_CHECKOUTS_HTTP_PORT", "18091"))
SERVER = f"http://127.0.0.1:{PORT}"
ASSET = re.compile(r'(?:href|src)="(/web/assets/[^"]+)"')


def clone(parent, name):
    """A clone of this repository with the work tree's scripts (under test,
    maybe not committed yet) and only the core addon (a faster demo)."""
    checkout = parent / name
    cloned = run(["git", "clone", "-q", str(REPO), str(checkout)])
    assert cloned.returncode == 0, cloned.stderr
    shutil.copytree(REPO / "scripts", checkout / "scripts", dirs_exist_ok=True)
    for addon in checkout.glob("vstbpn_*"):
        if addon.name != "vstbpn_committee":
            shutil.rmtree(addon)
    return checkout


def environment(home):
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("PG", "VSTBPN_"))
    }
    # Each checkout its own private cluster, one home for both: what they
    # would share by default is shared.
    return dict(
        env,
        HOME=str(home),
        ODOO_BIN=os.environ["ODOO"],
        ODOO_PYTHON=os.environ["ODOO_PYTHON"],
        VSTBPN_PRIVATE_PG="1",
        VSTBPN_HTTP_PORT=str(PORT),
    )


def assets_served():
    """The status of every asset the login page links to."""
    with urllib.request.urlopen(f"{SERVER}/web/login", timeout=60) as r:
        page = r.read().decode()
    urls = sorted(set(ASSET.findall(page)))
    assert urls, "the login page links no asset"
    statuses = {}
    for url in urls:
        try:
            with urllib.request.urlopen(f"{SERVER}{url}", timeout=120) as r:
                r.read()
                statuses[url] = r.status
        except urllib.error.HTTPError as error:
            statuses[url] = error.code
    return statuses


def wait_until_served(process, timeout=600):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if process.poll() is not None:
            pytest.fail(f"scripts/run exited:\n{process.communicate()[0][-3000:]}")
        try:
            with urllib.request.urlopen(f"{SERVER}/web/login", timeout=5):
                return
        except OSError:
            time.sleep(2)
    pytest.fail("scripts/run did not serve Odoo in time")


@pytest.fixture
def two_checkouts():
    parent = Path(tempfile.mkdtemp(prefix="vstbpn-two-"))
    parent.chmod(0o755)  # the postgres user enters each checkout's .local/pg
    home = parent / "home"
    home.mkdir()
    first, second = clone(parent, "first"), clone(parent, "second")
    try:
        yield first, second, environment(home)
    finally:
        for checkout in (first, second):
            data = checkout / ".local" / "pg" / "data"
            if (data / "postmaster.pid").exists():
                run(
                    [
                        "bash",
                        "-c",
                        (
                            "source scripts/lib.sh && as_pg_owner "
                            f'"$(pg_bindir)/pg_ctl" -D "{data}" -m immediate stop'
                        ),
                    ],
                    cwd=checkout,
                )
        shutil.rmtree(parent, ignore_errors=True)


def test_a_second_checkout_building_its_demo_leaves_the_first_served(two_checkouts):
    first, second, env = two_checkouts
    server = subprocess.Popen(
        [str(first / "scripts" / "run")],
        cwd=first,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        wait_until_served(server)
        before = assets_served()
        assert set(before.values()) == {200}, before
        built = run(
            [str(second / "scripts" / "run"), "--stop-after-init"],
            cwd=second,
            env=env,
            timeout=900,
        )
        assert built.returncode == 0, built.stdout[-3000:] + built.stderr[-3000:]
        assert "Creating the demo database vstbpn_demo" in built.stdout
        after = assets_served()
    finally:
        stop(server)
    assert after == before, "the first checkout lost its web client's files"
    assert (first / ".local" / "data" / "filestore" / "vstbpn_demo").is_dir()
    assert (second / ".local" / "data" / "filestore" / "vstbpn_demo").is_dir()
    home_store = Path(env["HOME"]) / ".local" / "share" / "Odoo" / "filestore"
    assert not home_store.exists() or not any(home_store.iterdir()), (
        "nothing is kept in the user's home"
    )
