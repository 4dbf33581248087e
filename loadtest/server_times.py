"""Where Odoo's time goes per request, from its own log (a profile, not a guess).

    python3 loadtest/server_times.py ODOO_LOG...

Odoo logs each HTTP request at level info as
``"POST /web/dataset/call_kw/MODEL/METHOD HTTP/1.1" 200 - QUERIES SQL_S OTHER_S``:
the number of SQL queries, the seconds spent in them, and the rest of the
request's time in the server (Python, waiting for the CPU). Run
scripts/loadtest with VSTBPN_LOADTEST_ODOO_LOG=info, then this on the
NAME.odoo.log files it leaves, to see per request kind: count, queries,
SQL ms and other ms (mean), and which of them takes the server's time.
"""

import re
import sys
from collections import defaultdict

LINE = re.compile(
    r'"(GET|POST) (\S+) HTTP/[0-9.]+" (\d{3}) - (\d+) ([0-9.]+) ([0-9.]+)'
)


def kind(path):
    path = path.split("?")[0]
    path = re.sub(r"/report/\d+/xlsx/", "/report/ID/xlsx/", path)
    return path.replace("/web/dataset/call_kw/", "")


def main():
    totals = defaultdict(lambda: [0, 0, 0.0, 0.0])
    for name in sys.argv[1:]:
        with open(name, encoding="utf-8", errors="replace") as log:
            for line in log:
                match = LINE.search(line)
                if not match:
                    continue
                row = totals[kind(match.group(2))]
                row[0] += 1
                row[1] += int(match.group(4))
                row[2] += float(match.group(5))
                row[3] += float(match.group(6))
    grand = sum(r[2] + r[3] for r in totals.values()) or 1.0
    print("| request | count | queries | SQL ms | other ms | share of server time |")
    print("|---|---|---|---|---|---|")
    for path, (count, queries, sql, other) in sorted(
        totals.items(), key=lambda kv: -(kv[1][2] + kv[1][3])
    ):
        print(
            f"| {path} | {count} | {queries / count:.0f} | {sql / count * 1000:.0f} "
            f"| {other / count * 1000:.0f} | {(sql + other) / grand:.0%} |"
        )


if __name__ == "__main__":
    main()
