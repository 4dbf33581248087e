"""The README's run command serves the demo database, in Vietnamese."""

import json
import os
import signal
import subprocess
import threading
import time
import urllib.request
import uuid

import pytest
from conftest import REPO, run

PORT = int(os.environ.get("VSTBPN_RUN_TEST_HTTP_PORT", "18077"))


def start(database, *args):
    env = dict(os.environ, VSTBPN_DB=database, VSTBPN_HTTP_PORT=str(PORT))
    return subprocess.Popen(
        [str(REPO / "scripts" / "run"), *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )


def stop(process):
    os.killpg(process.pid, signal.SIGTERM)
    try:
        return process.communicate(timeout=60)[0]
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        return process.communicate()[0]


def wait_until_served(process, timeout=900):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the run command exited:\n{process.communicate()[0][-3000:]}")
        try:
            with urllib.request.urlopen(
                f"http://127.0.0.1:{PORT}/web/login", timeout=5
            ):
                return
        except OSError:
            time.sleep(2)
    pytest.fail("the run command did not serve Odoo in time")


def json_rpc(service, method, *args):
    payload = {
        "jsonrpc": "2.0",
        "method": "call",
        "id": 1,
        "params": {"service": service, "method": method, "args": list(args)},
    }
    request = urllib.request.Request(
        f"http://127.0.0.1:{PORT}/jsonrpc",
        data=json.dumps(payload).encode(),
        headers={"Content-Type": "application/json"},
    )
    with urllib.request.urlopen(request, timeout=60) as response:
        answer = json.load(response)
    assert "error" not in answer, answer.get("error")
    return answer["result"]


@pytest.fixture
def demo_database():
    name = f"vstbpn_run_{uuid.uuid4().hex[:8]}"
    yield name
    run(["dropdb", "--if-exists", name])


def test_run_command_serves_the_demo_in_vietnamese(odoo_command, demo_database):
    server = start(demo_database)
    try:
        wait_until_served(server)
        uid = json_rpc("common", "login", demo_database, "bd_canbo", "bd_canbo")
        assert uid, "the demo officer cannot log in"
        committees = json_rpc(
            "object",
            "execute_kw",
            demo_database,
            uid,
            "bd_canbo",
            "vstbpn.committee",
            "search_read",
            [[("code", "=like", "BD%")]],
            {"fields": ["name", "level_id"], "context": {"lang": "vi_VN"}},
        )
        names = {committee["name"] for committee in committees}
        assert "Ban vì sự tiến bộ của phụ nữ tỉnh Bình Định" in names
        assert len([n for n in names if "thành phố Quy Nhơn" in n]) == 1
        assert {"Tỉnh", "Huyện (trước 2025)"} <= {c["level_id"][1] for c in committees}
        user = json_rpc(
            "object",
            "execute_kw",
            demo_database,
            uid,
            "bd_canbo",
            "res.users",
            "read",
            [[uid]],
            {"fields": ["lang"]},
        )
        assert user[0]["lang"] == "vi_VN"
    finally:
        first_log = stop(server)
    assert "Creating the demo database" in first_log

    # A small connection pool, so that a rush is easy to make: every request
    # is answered all the same, in turn (without the cap on request threads
    # that scripts/run sets, most of these fail with a full pool).
    second = start(demo_database, "--db_maxconn=6")
    try:
        wait_until_served(second, timeout=300)
        failures = rush(demo_database, uid, requests=60)
    finally:
        second_log = stop(second)
    assert "Creating the demo database" not in second_log, "the demo database is reused"
    assert not failures, f"{len(failures)} of 60 requests failed: {failures[:3]}"
    assert "Connection Pool Is Full" not in second_log


def rush(database, uid, requests):
    """REQUESTS calls at once, each on its own connection; their failures."""
    failures = []

    def read_committees():
        try:
            json_rpc(
                "object",
                "execute_kw",
                database,
                uid,
                "bd_canbo",
                "vstbpn.committee",
                "search_read",
                [[]],
                {"fields": ["name", "level_id", "parent_id"]},
            )
        except Exception as error:  # noqa: BLE001 - every failure counts
            failures.append(repr(error)[:200])

    threads = [threading.Thread(target=read_committees) for _ in range(requests)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return failures
