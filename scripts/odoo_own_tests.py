"""Run test files of Odoo's own addons on a database where the suite is
installed, on the fully loaded registry (as users meet Odoo), in one process.

    python scripts/odoo_own_tests.py FILE [FILE ...] -- ODOO_ARGS ...

Odoo's ``--test-file`` runs one file after the registry is loaded, at-install
and post-install cases alike; ``--test-tags /calendar`` would instead run
calendar's at-install cases while the registry is still loading, before the
suite's models exist. This runs every FILE the way ``--test-file`` runs one,
with the HTTP server up for browser tours, and logs the same summary line as
Odoo's test runs (``odoo.tests.result: N failed, E error(s) of T tests``),
which scripts/odoo_log_summary.py reads.
"""

import logging
import sys

from odoo.service import server
from odoo.tools import config

_logger = logging.getLogger("odoo.tests.result")


def main(argv):
    split = argv.index("--") if "--" in argv else 0
    files, odoo_args = argv[:split], argv[split + 1 :]
    if not files:
        _logger.error("no test file of Odoo's was found: nothing was tested")
        return 1
    config.parse_config([*odoo_args, f"--test-file={files[0]}", "--stop-after-init"])
    run_one = server.load_test_file_py

    def run_all(registry, _first):
        for path in files:
            run_one(registry, path)
        report = registry._assertion_report
        level = logging.INFO if report.wasSuccessful() else logging.ERROR
        _logger.log(level, "%s when loading database %r", report, config["db_name"])

    server.load_test_file_py = run_all
    return server.start(preload=config["db_name"].split(","), stop=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
