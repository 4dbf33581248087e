"""The tables of a load test (scripts/loadtest), in Markdown, from its folder.

    python3 loadtest/summarize.py RUN_FOLDER

Each run NAME (mode-users) left NAME_stats.csv (Locust), NAME.check.json
(loadtest/prepare.py check), NAME.sample.json (loadtest/sample.py) and
NAME.slow.json (the primary's statements slower than 250 ms).
"""

import csv
import json
import sys
from pathlib import Path

MODES = {"single": "(a) one process", "scale": "(b) 4 workers + replica + nginx"}
ACTIONS = [
    "login",
    "open report",
    "save figures",
    "download form",
    "upload XLSX",
    "submit",
    "my reports",
    "dashboard",
    "review list",
    "accept",
    "return",
    "consolidate",
    "export XLSX",
]


def load(folder, name, suffix):
    path = folder / f"{name}{suffix}"
    if not path.exists():
        return None
    if suffix.endswith(".csv"):
        with open(path, encoding="utf-8") as file:
            return {row["Name"]: row for row in csv.DictReader(file)}
    return json.loads(path.read_text(encoding="utf-8"))


def ms(row, column):
    value = row.get(column) if row else None
    return "-" if value in (None, "", "N/A") else f"{float(value):.0f}"


def runs(folder):
    names = sorted(
        (p.name[: -len("_stats.csv")] for p in folder.glob("*_stats.csv")),
        key=lambda n: (n.split("-")[0] != "single", int(n.split("-")[1])),
    )
    for name in names:
        mode, users = name.split("-")
        yield name, mode, int(users)


def main():
    folder = Path(sys.argv[1])
    out = []
    out.append(
        "| users | set-up | requests/s | errors | save p50 / p95 / p99 ms "
        "| all p50 / p95 / p99 ms | lost or mixed-up data |"
    )
    out.append("|---|---|---|---|---|---|---|")
    throughput = {}
    for name, mode, users in runs(folder):
        stats = load(folder, name, "_stats.csv")
        check = load(folder, name, ".check.json")
        total, save = stats.get("Aggregated"), stats.get("save figures")
        throughput[(mode, users)] = float(total["Requests/s"])
        integrity = (
            "not checked"
            if check is None
            else f"{len(check['problems'])} (of {check['values_checked']} figures, "
            f"{check['submissions']} submissions, "
            f"{check['consolidations_checked']} consolidations)"
        )
        out.append(
            f"| {users} | {MODES.get(mode, mode)} | {float(total['Requests/s']):.1f} "
            f"| {total['Failure Count']} of {total['Request Count']} "
            f"| {ms(save, '50%')} / {ms(save, '95%')} / {ms(save, '99%')} "
            f"| {ms(total, '50%')} / {ms(total, '95%')} / {ms(total, '99%')} "
            f"| {integrity} |"
        )
    ratios = []
    for mode, users in sorted(throughput):
        if mode == "single" and ("scale", users) in throughput:
            base = throughput[("single", users)] or float("nan")
            ratios.append(f"{users} users: {throughput[('scale', users)] / base:.2f}x")
    if ratios:
        out.append("")
        out.append("Throughput of (b) over (a): " + ", ".join(ratios))

    out.append("")
    out.append("Per action, p50 / p95 / p99 ms (count, errors):")
    out.append("")
    names = list(runs(folder))
    out.append("| action | " + " | ".join(f"{u} {m}" for _n, m, u in names) + " |")
    out.append("|---|" + "---|" * len(names))
    tables = {name: load(folder, name, "_stats.csv") for name, _m, _u in names}
    for action in ACTIONS:
        cells = []
        for name, _m, _u in names:
            row = tables[name].get(action)
            cells.append(
                "-"
                if not row
                else f"{ms(row, '50%')} / {ms(row, '95%')} / {ms(row, '99%')} "
                f"({row['Request Count']}, {row['Failure Count']})"
            )
        out.append(f"| {action} | " + " | ".join(cells) + " |")

    out.append("")
    out.append("Where the time went (CPU seconds during the run, per part):")
    out.append("")
    out.append(
        "| run | Odoo | PG primary | PG replica | Locust | other | machine busy "
        "| primary's active backends (mean) |"
    )
    out.append("|---|---|---|---|---|---|---|---|")
    for name, mode, users in names:
        sample = load(folder, name, ".sample.json")
        if not sample:
            continue
        cpu = sample["cpu_seconds"]
        backends = sorted(sample["active_backends"].items(), key=lambda kv: -kv[1])
        waits = ", ".join(f"{k} {v:.1f}" for k, v in backends[:3]) or "-"
        out.append(
            f"| {users} {mode} | "
            + " | ".join(
                f"{cpu.get(part, 0):.0f}"
                for part in (
                    "Odoo",
                    "PostgreSQL primary",
                    "PostgreSQL replica",
                    "Locust",
                    "other",
                )
            )
            + f" | {sample['machine_busy']:.0%} of 2 cores over "
            f"{sample['seconds']:.0f} s | {waits} |"
        )
    slow_lines = []
    for name, _mode, _users in names:
        slow = load(folder, name, ".slow.json")
        if slow:
            top = ", ".join(
                f"{s['count']}x {s['ms']:.0f} ms {s['query']}" for s in slow[:3]
            )
            slow_lines.append(f"- {name}: {top}")
    if slow_lines:
        out.append("")
        out.append("Statements slower than 250 ms on the primary (count, total time):")
        out.extend(slow_lines)
    print("\n".join(out))


if __name__ == "__main__":
    main()
