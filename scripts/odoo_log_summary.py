"""Print "passed failed skipped" from an Odoo 18 test log.

Odoo logs ``N failed, E error(s) of T tests when loading database`` once per
run (T includes skips) and ``skipped Class.test`` per skipped test. A run that
crashed before the summary, or exited non-zero without failing a test, counts
as one failure so that it can never pass silently.
"""

import re
import sys

SUMMARY = re.compile(
    r"odoo\.tests\.result: (\d+) failed, (\d+) error\(s\) of (\d+) tests"
)
SKIP = re.compile(r": skipped \S+ : ")


def summarize(log_text, exit_code):
    summaries = SUMMARY.findall(log_text)
    failed = sum(int(f) + int(e) for f, e, _t in summaries)
    total = sum(int(t) for _f, _e, t in summaries)
    skipped = len(SKIP.findall(log_text))
    if not summaries or (exit_code != 0 and failed == 0):
        failed += 1
    return max(total - failed - skipped, 0), failed, skipped


def main():
    path, exit_code = sys.argv[1], int(sys.argv[2])
    with open(path, encoding="utf-8", errors="replace") as log:
        print(*summarize(log.read(), exit_code))


if __name__ == "__main__":
    main()
