"""Print "passed failed skipped" from a pytest JUnit XML file.

A missing file or a non-zero exit with no failing test counts as one failure.
"""

import sys
import xml.etree.ElementTree as ET


def summarize(path, exit_code):
    try:
        suites = ET.parse(path).getroot().iter("testsuite")
    except (OSError, ET.ParseError):
        return 0, 1, 0
    total = failed = skipped = 0
    for suite in suites:
        total += int(suite.get("tests", 0))
        failed += int(suite.get("failures", 0)) + int(suite.get("errors", 0))
        skipped += int(suite.get("skipped", 0))
    if exit_code not in (0, 5) and failed == 0:
        failed = 1
    return max(total - failed - skipped, 0), failed, skipped


if __name__ == "__main__":
    print(*summarize(sys.argv[1], int(sys.argv[2])))
