"""Shared helpers of the repository-level tests (run by scripts/test)."""

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "scripts"))


def addon_dirs():
    """The addons under test: those scripts/test was given, or every one."""
    selected = [
        name for name in os.environ.get("VSTBPN_TEST_MODULES", "").split(",") if name
    ]
    addons = sorted(path.parent for path in REPO.glob("*/__manifest__.py"))
    return [addon for addon in addons if not selected or addon.name in selected]


def read_manifest(addon):
    return ast.literal_eval((addon / "__manifest__.py").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def odoo_command():
    """The Odoo command line with the addons path and database options.

    scripts/test exports them; without them (pytest run by hand) these tests
    fail rather than pass without Odoo.
    """
    odoo = os.environ.get("ODOO")
    args = os.environ.get("VSTBPN_ODOO_ARGS")
    if not odoo or not args:
        pytest.fail("run through scripts/test: ODOO and VSTBPN_ODOO_ARGS are not set")
    return [odoo, *args.split()]


def run(command, **kwargs):
    return subprocess.run(
        command, capture_output=True, text=True, check=False, **kwargs
    )
