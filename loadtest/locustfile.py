"""The deadline rush, for Locust (run by scripts/loadtest, against 127.0.0.1 only).

In the last hour before the deadline, commune officers open their report,
fill and save figures in several steps, download the filled form, change it
and upload it, and submit; when their report comes back, they correct and
submit it again. At the same time the provincial officers open the
dashboards, accept and return the submitted reports of their communes,
consolidate and export. Everyone logs in over HTTP and calls the server as
the web client does (JSON-RPC ``call_kw`` on a session). Between two steps an
officer thinks (types, reads) for the times below.

Environment (scripts/loadtest sets it):
    VSTBPN_LOADTEST_DB              the database
    VSTBPN_LOADTEST_USERS           USERS.json of loadtest/prepare.py build
    VSTBPN_LOADTEST_RECORD          where to write what the server accepted
    VSTBPN_LOADTEST_PROVINCE_USERS  how many of the users are provincial officers
"""

import base64
import io
import itertools
import json
import os
import random
from contextlib import contextmanager
from urllib.parse import urlparse

import gevent
from locust import between, events, task
from locust.contrib.fasthttp import FastHttpUser

DB = os.environ.get("VSTBPN_LOADTEST_DB", "")
with open(os.environ["VSTBPN_LOADTEST_USERS"], encoding="utf-8") as _file:
    USERS = json.load(_file)
RECORD_FILE = os.environ.get("VSTBPN_LOADTEST_RECORD")
CONTEXT = {"lang": "vi_VN", "tz": "Asia/Ho_Chi_Minh"}
# Think times, in seconds: an officer types ten figures between two saves.
STEP_THINK = (5, 15)
POLL_THINK = (10, 20)
REVIEW_THINK = (3, 10)
SAVE_STEPS = 10  # saves of ten figures each (the form has 100), before the upload
FIGURES_PER_SAVE = 10
RETURN_SHARE = 0.1  # of the reports a province reviews, those it returns
POLLS = 12  # times a commune officer looks at the status after submitting

COMMUNES = iter(USERS["communes"])
PROVINCES = iter(USERS["provinces"])
REQUEST_IDS = itertools.count(1)

# What the server said it accepted, for loadtest/prepare.py check. A change
# is "uncertain" from its request until the answer: a request that never got
# one (time-out, or the user stopped at the end of the run) may or may not
# have been saved, so it is not checked.
RECORD = {
    "values": {},  # value id -> [female, male] last saved
    "uncertain": set(),  # values whose save got no answer
    "submits": {},  # report id -> submissions that succeeded
    "uncertain_submits": set(),
    "consolidations": {},  # province report id -> reports accepted before it
}


@contextmanager
def pending(kind, keys):
    """KEYS are uncertain until the server answers: kept so unless it
    accepted (then recorded by the caller) or refused (nothing changed)."""
    RECORD[kind].update(keys)
    try:
        yield
    except RpcError:
        RECORD[kind].difference_update(keys)
        raise
    RECORD[kind].difference_update(keys)


def allowed_host(host):
    name = urlparse(host).hostname or ""
    return name in ("localhost", "::1") or name.startswith("127.")


@events.test_start.add_listener
def only_loopback(environment, **_kwargs):
    if not allowed_host(environment.host or ""):
        raise SystemExit(
            f"the load test runs against 127.0.0.1 only, not {environment.host}"
        )


@events.test_stop.add_listener
def write_record(**_kwargs):
    if RECORD_FILE:
        with open(RECORD_FILE, "w", encoding="utf-8") as file:
            json.dump(RECORD, file, default=sorted)


class RpcError(Exception):
    """The server refused the call: its transaction was rolled back."""


# Errors after which the server itself cannot say whether the change was
# committed (a connection pool exhausted when the answer is prepared, after
# the commit): as no answer.
UNCERTAIN_ERRORS = ("PoolError",)


class OdooUser(FastHttpUser):
    abstract = True
    wait_time = between(*REVIEW_THINK)
    network_timeout = 120.0
    connection_timeout = 30.0

    def think(self, low=STEP_THINK[0], high=STEP_THINK[1]):
        gevent.sleep(random.uniform(low, high))

    def rpc(self, name, path, params):
        """The result of a JSON-RPC call; RpcError when the server refused it,
        TimeoutError when no answer came (what was saved is then unknown)."""
        payload = {"jsonrpc": "2.0", "method": "call", "id": next(REQUEST_IDS)}
        payload["params"] = params
        with self.client.post(
            path, json=payload, name=name, catch_response=True
        ) as response:
            if response.status_code != 200:
                response.failure(f"HTTP {response.status_code}")
                raise TimeoutError(name)
            try:
                body = response.json()
            except ValueError:
                response.failure("not JSON")
                raise TimeoutError(name) from None
            if "error" in body:
                data = body["error"].get("data", {})
                error = data.get("message") or str(body["error"])
                response.failure(error[:300])
                if any(kind in data.get("name", "") for kind in UNCERTAIN_ERRORS):
                    raise TimeoutError(name)
                raise RpcError(error)
            response.success()
            return body["result"]

    def call(self, name, model, method, args, **kwargs):
        kwargs.setdefault("context", CONTEXT)
        return self.rpc(
            name,
            f"/web/dataset/call_kw/{model}/{method}",
            {"model": model, "method": method, "args": args, "kwargs": kwargs},
        )

    def login(self):
        self.rpc(
            "login",
            "/web/session/authenticate",
            {"db": DB, "login": self.me["login"], "password": USERS["password"]},
        )

    def refresh(self, report_id):
        """The report's status, as the officer sees it on reloading the page
        after an action that got no reliable answer."""
        return self.call(
            "open report",
            "vstbpn.report",
            "web_read",
            [[report_id]],
            specification={"state": {}, "return_reason": {}},
        )[0]

    def open_report(self, report_id):
        spec = {
            "name": {},
            "state": {},
            "return_reason": {},
            "is_consolidated": {},
            "value_ids": {
                "fields": {
                    "indicator_code": {},
                    "female": {},
                    "male": {},
                    "total": {},
                }
            },
        }
        return self.call(
            "open report",
            "vstbpn.report",
            "web_read",
            [[report_id]],
            specification=spec,
        )[0]


class CommuneOfficer(OdooUser):
    """Fills, uploads and submits the report of one commune."""

    weight = 1

    def on_start(self):
        self.me = next(COMMUNES, None)
        if self.me is None:
            raise RuntimeError("more commune users than prepared (prepare.py --users)")
        self.done = False
        self.seen_return = False
        self.login()

    @task
    def deadline_rush(self):
        if self.done:
            self.think(*POLL_THINK)
            return
        report_id = self.me["report_id"]
        try:
            report = self.open_report(report_id)
            values = report["value_ids"]
            for _step in range(SAVE_STEPS):
                self.think()
                self.save_figures(report_id, random.sample(values, FIGURES_PER_SAVE))
            self.think()
            self.upload_form(report_id, values)
            self.think()
            self.submit(report_id)
            for _poll in range(POLLS):
                self.think(*POLL_THINK)
                if self.returned(report_id):
                    self.seen_return = True
                    report = self.open_report(report_id)
                    self.think()
                    self.save_figures(report_id, random.sample(report["value_ids"], 1))
                    self.think()
                    self.submit(report_id)
        except (RpcError, TimeoutError):
            pass  # counted by Locust; the record holds what succeeded
        self.done = True

    def save_figures(self, report_id, values):
        changes = {
            v["id"]: [random.randint(0, 500), random.randint(0, 500)] for v in values
        }
        commands = [
            [1, value_id, {"female": female, "male": male}]
            for value_id, (female, male) in changes.items()
        ]
        with pending("uncertain", {str(v) for v in changes}):
            self.call(
                "save figures",
                "vstbpn.report",
                "web_save",
                [[report_id], {"value_ids": commands}],
                specification={"state": {}},
            )
        for value_id, figures in changes.items():
            RECORD["values"][str(value_id)] = figures

    def upload_form(self, report_id, values):
        from openpyxl import load_workbook

        response = self.client.get(
            f"/vstbpn_reporting/report/{report_id}/xlsx/filled", name="download form"
        )
        if response.status_code != 200:
            raise TimeoutError("download form")
        workbook = load_workbook(io.BytesIO(response.content))
        sheet = workbook.worksheets[0]
        ids = {v["indicator_code"]: v["id"] for v in values}
        changed = random.sample(sorted(ids), FIGURES_PER_SAVE)
        in_file = {}
        for row in sheet.iter_rows(min_row=8):
            code = row[0].value
            if code not in ids:
                continue
            if code in changed:
                row[3].value = random.randint(0, 500)
                row[4].value = random.randint(0, 500)
            female, male = row[3].value or 0, row[4].value or 0
            row[5].value = female + male  # a number: openpyxl saves no formula results
            in_file[str(ids[code])] = [female, male]
        output = io.BytesIO()
        workbook.save(output)
        with pending("uncertain", set(in_file)):
            wizard = self.call(
                "upload XLSX",
                "vstbpn.report.import",
                "web_save",
                [
                    [],
                    {
                        "report_id": report_id,
                        "file": base64.b64encode(output.getvalue()).decode(),
                        "filename": "form.xlsx",
                    },
                ],
                specification={},
            )
            self.call(
                "upload XLSX",
                "vstbpn.report.import",
                "action_import",
                [[wizard[0]["id"]]],
            )
        RECORD["values"].update(in_file)

    def submit(self, report_id):
        try:
            with pending("uncertain_submits", {report_id}):
                self.call("submit", "vstbpn.report", "action_submit", [[report_id]])
        except TimeoutError:
            # no reliable answer: reload the report to see whether it went
            # (a draft with a reason it did not have: submitted, then returned)
            report = self.refresh(report_id)
            RECORD["uncertain_submits"].discard(report_id)
            went = report["state"] != "draft" or (
                bool(report["return_reason"]) and not self.seen_return
            )
            if not went:
                raise
        RECORD["submits"][str(report_id)] = RECORD["submits"].get(str(report_id), 0) + 1

    def returned(self, report_id):
        mine = self.call(
            "my reports",
            "vstbpn.report",
            "web_search_read",
            [[["id", "=", report_id]]],
            specification={"state": {}, "return_reason": {}},
        )
        record = mine["records"][0]
        return record["state"] == "draft" and bool(record["return_reason"])


class ProvinceOfficer(OdooUser):
    """Reviews the communes of one province, consolidates and exports."""

    fixed_count = max(int(os.environ.get("VSTBPN_LOADTEST_PROVINCE_USERS", "1")), 1)

    def on_start(self):
        self.me = next(PROVINCES, None)
        if self.me is None:
            raise RuntimeError("more provincial users than provinces")
        self.accepted = set()
        self.returned = set()
        self.consolidated = None
        self.unknown = False  # an acceptance whose outcome is not known
        self.login()

    @task
    def review_and_consolidate(self):
        period = USERS["period_id"]
        mine = [
            ["period_id", "=", period],
            ["parent_committee_id", "=", self.me["committee_id"]],
        ]
        try:
            self.call(
                "dashboard",
                "vstbpn.report",
                "web_read_group",
                [],
                domain=mine,
                fields=["state"],
                groupby=["state"],
            )
            self.call(
                "dashboard",
                "vstbpn.report.value",
                "read_group",
                [],
                domain=[
                    ["period_id", "=", period],
                    ["parent_committee_id", "=", self.me["committee_id"]],
                ],
                fields=["result_total:sum"],
                groupby=["report_state"],
            )
            waiting = self.call(
                "review list",
                "vstbpn.report",
                "web_search_read",
                [[*mine, ["state", "=", "submitted"]]],
                specification={"name": {}, "state": {}, "date_submitted": {}},
                limit=80,
            )["records"]
            for report in waiting[:5]:
                self.think(2, 5)
                self.open_report(report["id"])
                if report["id"] not in self.returned and random.random() < RETURN_SHARE:
                    wizard = self.call(
                        "return",
                        "vstbpn.reason.wizard",
                        "web_save",
                        [
                            [],
                            {
                                "res_model": "vstbpn.report",
                                "res_ids": [report["id"]],
                                "action_name": "action_return",
                                "reason": "Thiếu số liệu",
                            },
                        ],
                        specification={},
                    )
                    self.call(
                        "return",
                        "vstbpn.reason.wizard",
                        "action_confirm",
                        [[wizard[0]["id"]]],
                    )
                    self.returned.add(report["id"])
                else:
                    self.accept(report["id"])
            if self.accepted and self.accepted != self.consolidated:
                self.consolidate(sorted(self.accepted))
            if self.consolidated:
                response = self.client.get(
                    f"/vstbpn_reporting/report/{self.me['report_id']}/xlsx/detail",
                    name="export XLSX",
                )
                if response.status_code != 200:
                    return
        except (RpcError, TimeoutError):
            return
        self.think(*REVIEW_THINK)

    def accept(self, report_id):
        try:
            self.call("accept", "vstbpn.report", "action_accept", [[report_id]])
        except TimeoutError:
            # no reliable answer: reload the report to see whether it went
            self.unknown = True
            if self.refresh(report_id)["state"] == "accepted":
                self.accepted.add(report_id)
            self.unknown = False
            raise
        self.accepted.add(report_id)

    def consolidate(self, accepted):
        key = str(self.me["report_id"])
        # done or not, a consolidation without an answer is no longer known
        previous = RECORD["consolidations"].pop(key, None)
        self.consolidated = None
        try:
            self.call(
                "consolidate",
                "vstbpn.report",
                "action_consolidate",
                [[self.me["report_id"]]],
            )
        except RpcError:  # refused: the previous one stands
            if previous is not None:
                RECORD["consolidations"][key] = previous
                self.consolidated = set(previous)
            raise
        self.consolidated = set(accepted)
        if not self.unknown:  # else it cannot be checked
            RECORD["consolidations"][key] = accepted
