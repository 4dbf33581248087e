"""Where the machine's time goes during a load test run (scripts/loadtest).

    python3 loadtest/sample.py OUTPUT.json STOP_FILE PRIMARY_DATA REPLICA_DATA DB
    python3 loadtest/sample.py --slow OUTPUT.json SERVER_LOG OFFSET

Every second until STOP_FILE exists: the CPU time of Odoo's processes, of each
PostgreSQL cluster (the primary's and the replica's backends, told apart by
their postmaster), of Locust and of everything else, from /proc; and every
two seconds what the primary's active backends of DB wait for
(pg_stat_activity). With --slow: the statements that the primary logged as
slower than log_min_duration_statement after byte OFFSET of its log, grouped
by their first 90 characters, most total time first. Nothing but the
standard library and psql.
"""

import json
import os
import re
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

TICK = os.sysconf("SC_CLK_TCK")


def processes():
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as stat:
                fields = stat.read().rsplit(b")", 1)[1].split()
            with open(f"/proc/{entry.name}/cmdline", "rb") as cmd:
                cmdline = cmd.read().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        # after the command: state, ppid, ... utime (12th), stime (13th)
        yield (
            int(entry.name),
            int(fields[1]),
            int(fields[11]) + int(fields[12]),
            cmdline,
        )


def postmaster(data_dir):
    try:
        return int(Path(data_dir, "postmaster.pid").read_text().split()[0])
    except (OSError, ValueError, IndexError):
        return None


def kind(pid, ppid, cmdline, primary, replica, db):
    if pid == primary or ppid == primary:
        return "PostgreSQL primary"
    if pid == replica or ppid == replica:
        return "PostgreSQL replica"
    if "locust" in cmdline:
        return "Locust"
    if "odoo" in cmdline and f"-d {db} " in f"{cmdline} ":
        return "Odoo"
    return "other"  # the rest of the machine: other people's work too


def machine_busy():
    with open("/proc/stat") as stat:
        values = [int(v) for v in stat.readline().split()[1:]]
    idle = values[3] + values[4]
    return sum(values) - idle, sum(values)


def waits(db):
    query = (
        "SELECT coalesce(wait_event_type || ':' || wait_event, 'running'), count(*)"
        f" FROM pg_stat_activity WHERE datname = '{db}' AND state = 'active'"
        " AND pid != pg_backend_pid() GROUP BY 1"
    )
    result = subprocess.run(
        ["psql", "-d", "postgres", "-tAF", "\t", "-c", query],
        capture_output=True,
        text=True,
        check=False,
    )
    counts = Counter()
    for line in result.stdout.splitlines():
        if "\t" in line:
            name, count = line.rsplit("\t", 1)
            counts[name] += int(count)
    return counts


def slow_statements(output, log, offset):
    pattern = re.compile(r"duration: ([0-9.]+) ms\s+(?:statement|execute [^:]*): (.*)")
    groups = {}
    with open(log, "rb") as file:
        file.seek(int(offset))
        for line in file.read().decode(errors="replace").splitlines():
            match = pattern.search(line)
            if match:
                query = " ".join(match.group(2).split())[:90]
                count, total = groups.get(query, (0, 0.0))
                groups[query] = (count + 1, total + float(match.group(1)))
    result = [
        {"query": query, "count": count, "ms": total}
        for query, (count, total) in sorted(groups.items(), key=lambda kv: -kv[1][1])
    ]
    Path(output).write_text(json.dumps(result[:10]), encoding="utf-8")


def main():
    if sys.argv[1] == "--slow":
        slow_statements(*sys.argv[2:5])
        return
    output, stop, primary_dir, replica_dir, db = sys.argv[1:6]
    primary, replica = postmaster(primary_dir), postmaster(replica_dir)
    first, last = {}, {}
    kinds = {}
    wait_counts, wait_samples = Counter(), 0
    busy0, total0 = machine_busy()
    started = time.monotonic()
    tick = 0
    while not os.path.exists(stop):
        for pid, ppid, cpu, cmdline in processes():
            kinds.setdefault(pid, kind(pid, ppid, cmdline, primary, replica, db))
            first.setdefault(pid, cpu)
            last[pid] = cpu
        if tick % 2 == 0:
            wait_counts.update(waits(db))
            wait_samples += 1
        tick += 1
        time.sleep(1)
    busy1, total1 = machine_busy()
    cpu = Counter()
    for pid, value in last.items():
        cpu[kinds[pid]] += (value - first[pid]) / TICK
    elapsed = time.monotonic() - started
    result = {
        "seconds": elapsed,
        "cpu_seconds": dict(cpu),
        "machine_busy": (busy1 - busy0) / max(total1 - total0, 1),
        "active_backends": {
            name: count / max(wait_samples, 1) for name, count in wait_counts.items()
        },
    }
    Path(output).write_text(json.dumps(result), encoding="utf-8")


if __name__ == "__main__":
    main()
