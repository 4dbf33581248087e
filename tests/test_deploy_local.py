"""scripts/deploy-local: the multi-worker set-up with a streaming replica
starts with one command, serves the demo, sends read-only requests to the
replica, and stops everything on a signal."""

import http.cookiejar
import json
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time
import urllib.request
import uuid
from pathlib import Path

import pytest
from conftest import REPO, run

HTTP_PORT = int(os.environ.get("VSTBPN_DEPLOY_TEST_HTTP_PORT", "19091"))
GEVENT_PORT = int(os.environ.get("VSTBPN_DEPLOY_TEST_GEVENT_PORT", "19092"))
PG_PORT = int(os.environ.get("VSTBPN_DEPLOY_TEST_PG_PORT", "19441"))


class Client:
    """A browser's session: JSON-RPC calls and downloads with its cookie."""

    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )

    def rpc(self, path, params):
        request = urllib.request.Request(
            self.base + path,
            data=json.dumps(
                {"jsonrpc": "2.0", "method": "call", "params": params}
            ).encode(),
            headers={"Content-Type": "application/json"},
        )
        with self.opener.open(request, timeout=120) as response:
            answer = json.load(response)
        assert "error" not in answer, answer.get("error")
        return answer["result"]

    def get(self, path):
        with self.opener.open(self.base + path, timeout=120) as response:
            return (
                response.status,
                response.headers.get("Content-Type"),
                response.read(),
            )


def served(port):
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/web/login", timeout=5):
            return True
    except OSError:
        return False


def listening(port):
    with socket.socket() as probe:
        probe.settimeout(2)
        return probe.connect_ex(("127.0.0.1", port)) == 0


@pytest.fixture
def deployment():
    home = Path(tempfile.mkdtemp(prefix="vstbpn-scale-"))
    home.chmod(0o755)  # the postgres user runs the clusters in it
    database = f"vstbpn_scale_{uuid.uuid4().hex[:8]}"
    env = dict(
        os.environ,
        VSTBPN_SCALE_HOME=str(home),
        VSTBPN_SCALE_PG_PORT=str(PG_PORT),
        VSTBPN_HTTP_PORT=str(HTTP_PORT),
        VSTBPN_GEVENT_PORT=str(GEVENT_PORT),
        VSTBPN_DB=database,
    )
    process = subprocess.Popen(
        [str(REPO / "scripts" / "deploy-local")],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    state = {"process": process, "home": home, "database": database, "log": None}
    try:
        yield state
    finally:
        if state["log"] is None:  # the test did not stop it
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
            try:
                state["log"] = process.communicate(timeout=120)[0]
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                state["log"] = process.communicate()[0]
        for name in ("replica", "primary"):  # should the script have left one
            data = home / name / "data"
            if (data / "postmaster.pid").exists():
                run(
                    [
                        "bash",
                        "-c",
                        (
                            f'source scripts/lib.sh; as_pg_owner "$(pg_bindir)/pg_ctl" '
                            f'-D "{data}" -m immediate -w stop'
                        ),
                    ],
                    cwd=REPO,
                )
        shutil.rmtree(home, ignore_errors=True)


def replica_transactions(database):
    # the live replica's socket: folders of earlier runs (or of other
    # checkouts) may remain in /tmp without one
    socket_dir = next(
        folder
        for folder in Path("/tmp").glob(f"vstbpn-pgr-*-{PG_PORT + 1}")
        if (folder / f".s.PGSQL.{PG_PORT + 1}").exists()
    )
    result = run(
        [
            "psql",
            "-h", str(socket_dir),
            "-p", str(PG_PORT + 1),
            "-U", "odoo",
            "-d", "postgres",
            "-tAc",
            ("SELECT pg_is_in_recovery(), xact_commit + xact_rollback"
            f" FROM pg_stat_database WHERE datname = '{database}'"),
        ]
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    in_recovery, transactions = result.stdout.strip().split("|")
    return in_recovery == "t", int(transactions)


def test_multi_worker_deployment_serves_the_demo_with_a_replica(deployment):
    process = deployment["process"]
    deadline = time.time() + 900
    while not served(HTTP_PORT):
        if process.poll() is not None:
            pytest.fail(f"deploy-local exited:\n{process.communicate()[0][-4000:]}")
        if time.time() > deadline:
            pytest.fail("deploy-local did not serve Odoo in time")
        time.sleep(3)

    client = Client(f"http://127.0.0.1:{HTTP_PORT}")
    session = client.rpc(
        "/web/session/authenticate",
        {"db": deployment["database"], "login": "bd_canbo", "password": "bd_canbo"},
    )
    assert session["uid"], "the demo officer cannot log in"
    reports = client.rpc(
        "/web/dataset/call_kw/vstbpn.report/web_search_read",
        {
            "model": "vstbpn.report",
            "method": "web_search_read",
            "args": [],
            "kwargs": {"domain": [], "specification": {"name": {}}, "limit": 5},
        },
    )["records"]
    assert reports, "the demo officer sees no report"

    in_recovery, before = replica_transactions(deployment["database"])
    assert in_recovery, "the replica is not a standby"
    status, content_type, body = client.get(
        f"/vstbpn_reporting/report/{reports[0]['id']}/xlsx/filled"
    )
    assert status == 200 and "spreadsheetml" in content_type and body[:2] == b"PK"
    # the replica's backends report their transactions about once a second
    deadline = time.time() + 15
    while replica_transactions(deployment["database"])[1] <= before:
        assert time.time() < deadline, (
            "the XLSX download (a read-only route) did not use the replica"
        )
        time.sleep(1)
    assert listening(GEVENT_PORT), "no websocket (gevent) process"

    os.killpg(process.pid, signal.SIGTERM)
    log = deployment["log"] = process.communicate(timeout=120)[0]
    assert "4 workers" in log and "cron: one process" in log, log[-3000:]
    assert "streaming from the primary: 1 replica(s)" in log, log[-3000:]
    assert "Stopped the deployment." in log, log[-3000:]
    assert not served(HTTP_PORT), "Odoo still answers after the deployment stopped"
    for name in ("primary", "replica"):
        assert not (deployment["home"] / name / "data" / "postmaster.pid").exists()
