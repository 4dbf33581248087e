"""Screenshots of the suite as each demo user sees it (run by scripts/screens).

For every login: the first view of every menu of the suite's apps, and one
form per model those menus open, at 1366 px (a common office laptop) and at
375 px (a phone), saved as OUT/<login>/<width>/<nn>-<menu or model>.png.
Headless Chromium driven through the DevTools protocol (websocket-client,
which Odoo's tests use too); the server must be running.
"""

import argparse
import base64
import contextlib
import http.cookiejar
import itertools
import json
import re
import shutil
import subprocess
import sys
import tempfile
import time
import unicodedata
import urllib.parse
import urllib.request
from pathlib import Path

import websocket

LOGINS = [
    "bd_canbo",
    "bd_quanly",
    "quynhon_canbo",
    "annhon_canbo",
    "gialai_canbo",
    "phuongquynhon_canbo",
]
WIDTHS = {1366: 768, 375: 812}  # width: height
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--remote-debugging-port=0",
]
# The web client is done when its action is on screen and nothing loads.
READY = """
(() => {
    const busy = document.querySelector(
        '.o_loading_indicator, .o_blockUI, .o_dialog .fa-spin');
    const view = document.querySelector(
        '.o_action_manager .o_view_controller, .o_action_manager .o_action');
    return document.readyState === 'complete' && !!view && !busy;
})()
"""


class Browser:
    """One headless Chromium and its page, spoken to in DevTools messages."""

    def __init__(self, executable):
        self.profile = tempfile.mkdtemp(prefix="vstbpn-screens-")
        self.process = subprocess.Popen(
            [
                executable,
                *CHROMIUM_FLAGS,
                f"--user-data-dir={self.profile}",
                "about:blank",
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        port_file = Path(self.profile) / "DevToolsActivePort"
        for _ in range(100):
            if port_file.exists() and port_file.read_text().strip():
                break
            time.sleep(0.2)
        else:
            self.close()
            sys.exit("Chromium did not start")
        port = port_file.read_text().split()[0]
        with urllib.request.urlopen(
            f"http://127.0.0.1:{port}/json/list", timeout=10
        ) as r:
            page = next(t for t in json.load(r) if t["type"] == "page")
        self.socket = websocket.create_connection(
            page["webSocketDebuggerUrl"], timeout=60, suppress_origin=True
        )
        self.ids = itertools.count(1)
        self.send("Page.enable")

    def send(self, method, **params):
        message_id = next(self.ids)
        self.socket.send(
            json.dumps({"id": message_id, "method": method, "params": params})
        )
        while True:
            message = json.loads(self.socket.recv())
            if message.get("id") == message_id:
                if "error" in message:
                    raise RuntimeError(f"{method}: {message['error']}")
                return message.get("result", {})

    def evaluate(self, expression):
        result = self.send(
            "Runtime.evaluate", expression=expression, returnByValue=True
        )
        return result.get("result", {}).get("value")

    def show(self, url, width, timeout=30):
        self.send(
            "Emulation.setDeviceMetricsOverride",
            width=width,
            height=WIDTHS[width],
            deviceScaleFactor=1,
            mobile=width < 768,
        )
        self.send("Page.navigate", url=url)
        time.sleep(0.5)
        deadline = time.time() + timeout
        while time.time() < deadline and not self.evaluate(READY):
            time.sleep(0.3)
        time.sleep(0.8)  # the last paint: fonts, images, sample data
        return self.evaluate(READY)

    def screenshot(self, path):
        data = self.send("Page.captureScreenshot", format="png")["data"]
        path.write_bytes(base64.b64decode(data))

    def close(self):
        with contextlib.suppress(Exception):  # closing anyway
            self.socket.close()
        if getattr(self, "process", None):
            self.process.terminate()
            self.process.wait(timeout=10)
        shutil.rmtree(self.profile, ignore_errors=True)


class Session:
    """A demo user's JSON-RPC session on the server (password = login)."""

    def __init__(self, url, database, login):
        self.url = url
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar)
        )
        self.call("/web/session/authenticate", db=database, login=login, password=login)

    def call(self, path, **params):
        request = urllib.request.Request(
            self.url + path,
            data=json.dumps(
                {"jsonrpc": "2.0", "method": "call", "params": params}
            ).encode(),
            headers={"Content-Type": "application/json"},
        )
        with self.opener.open(request, timeout=120) as response:
            answer = json.load(response)
        if "error" in answer:
            raise RuntimeError(answer["error"]["data"]["message"])
        return answer["result"]

    def call_kw(self, model, method, *args, **kwargs):
        return self.call(
            f"/web/dataset/call_kw/{model}/{method}",
            model=model,
            method=method,
            args=list(args),
            kwargs=kwargs,
        )

    @property
    def session_id(self):
        return next(c.value for c in self.jar if c.name == "session_id")


def slug(text):
    text = text.replace("đ", "d").replace("Đ", "D")
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:60]


def suite_menus(session, prefix):
    """(path of names, action id, model) of every menu of the suite's apps
    that opens a window action, in menu order."""
    with session.opener.open(
        f"{session.url}/web/webclient/load_menus/0", timeout=60
    ) as r:
        menus = json.load(r)
    found = []

    def walk(menu_id, names):
        menu = menus[str(menu_id)]
        names = [*names, menu["name"]] if menu_id not in apps else []
        if menu.get("actionID") and menu.get("actionModel") == "ir.actions.act_window":
            found.append(
                (" - ".join(names) or "home", menu["actionID"], menu.get("actionPath"))
            )
        for child in menu["children"]:
            walk(child, names)

    apps = [
        app_id
        for app_id in menus["root"]["children"]
        if (menus[str(app_id)].get("xmlid") or "").startswith(prefix)
    ]
    for app_id in apps:
        walk(app_id, [])
    return found


def capture(args, login, browser):
    session = Session(args.url, args.db, login)
    open_session(browser, session, urllib.parse.urlparse(args.url).hostname)
    shots = screens_to_take(args, session)
    missing = []
    for width in args.widths:
        folder = Path(args.out) / login / str(width)
        folder.mkdir(parents=True, exist_ok=True)
        for name, url in shots[: args.limit or None]:
            if not browser.show(url, width):
                missing.append(f"{login}/{width}/{name}")
            browser.screenshot(folder / f"{name}.png")
    print(f"{login}: {len(shots)} screens x {len(args.widths)} widths, in {args.out}")
    return missing


def open_session(browser, session, host):
    """The browser logged in as the session's user."""
    browser.send("Network.enable")
    browser.send("Network.clearBrowserCookies")
    browser.send(
        "Network.setCookie",
        name="session_id",
        value=session.session_id,
        domain=host,
        path="/",
    )


def screens_to_take(args, session):
    """``[(name, url)]``: each menu of the suite's list, then one form of each
    model those menus open (its first record the user can read)."""
    shots = []
    forms = {}
    for number, (names, action_id, _path) in enumerate(
        suite_menus(session, args.prefix), 1
    ):
        model = session.call("/web/action/load", action_id=action_id)["res_model"]
        shots.append(
            (f"{number:02d}-{slug(names)}", f"{args.url}/odoo/action-{action_id}")
        )
        if model not in forms:
            url = first_record_url(
                session, model, f"{args.url}/odoo/action-{action_id}"
            )
            if url:
                forms[model] = url
    for model, url in forms.items():
        shots.append((f"form-{slug(model)}", url))
    return shots


def first_record_url(session, model, action_url):
    """The form of the first record of ``model`` the user reads, or None."""
    try:
        ids = session.call_kw(model, "search", [], limit=1)
    except RuntimeError:
        ids = []
    return f"{action_url}/{ids[0]}" if ids else None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--url", default="http://localhost:8069")
    parser.add_argument("--db", default="vstbpn_demo")
    parser.add_argument("--out", default=".local/screens")
    parser.add_argument("--logins", default=",".join(LOGINS))
    parser.add_argument("--widths", default="1366,375")
    parser.add_argument(
        "--prefix", default="vstbpn_", help="the apps' menu xml ids start so"
    )
    parser.add_argument(
        "--limit", type=int, default=0, help="at most so many screens a width"
    )
    parser.add_argument("--chromium", default=shutil.which("chromium") or "chromium")
    args = parser.parse_args()
    args.url = args.url.rstrip("/")
    args.widths = [int(width) for width in args.widths.split(",")]
    for width in args.widths:
        WIDTHS.setdefault(width, 800)
    browser = Browser(args.chromium)
    missing = []
    try:
        for login in args.logins.split(","):
            missing += capture(args, login, browser)
    finally:
        browser.close()
    if missing:
        print(f"{len(missing)} screens were still loading when taken: {missing[:10]}")


if __name__ == "__main__":
    main()
