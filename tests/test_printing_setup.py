"""The two commands install what printing needs, or say what is missing.

Printing needs wkhtmltopdf (Odoo 18's PDF engine) and a font with the
Vietnamese letters metric-compatible with Times New Roman (Tinos, Debian's
fonts-croscore); the print tests read the PDFs with poppler's tools.
"""

import os
import shutil

import pytest
from conftest import REPO, run

PRINTING_PACKAGES = ["wkhtmltopdf", "fonts-croscore", "poppler-utils"]
# What .ci/run and lib.sh use from the PATH, without the packages above.
BASIC_TOOLS = [
    "awk", "basename", "cat", "cut", "dirname", "grep", "head", "ls", "md5sum",
    "readlink", "sed", "tr", "wc", "sort", "flock", "mkdir",
]  # fmt: skip


@pytest.fixture
def bare_path(tmp_path):
    """A PATH with the basic tools and a root `id`, an `apt-get` that records
    what it is asked, and neither wkhtmltopdf, fc-list nor pdftotext."""
    folder = tmp_path / "bin"
    folder.mkdir()
    for name in BASIC_TOOLS:
        if shutil.which(name):
            (folder / name).symlink_to(shutil.which(name))
    (folder / "id").write_text("#!/bin/bash\necho 0\n")
    (folder / "apt-get").write_text(f'#!/bin/bash\necho "$*" >>"{tmp_path}/apt.log"\n')
    for script in ("id", "apt-get"):
        (folder / script).chmod(0o755)
    return folder


def test_install_step_names_the_pdf_engine_and_the_font():
    result = run(
        ["bash", "-c", 'source scripts/lib.sh && echo "$ODOO_DEBIAN_PACKAGES"'],
        cwd=REPO,
    )
    packages = result.stdout.split()
    assert set(PRINTING_PACKAGES) <= set(packages), result.stdout + result.stderr


def test_ci_installs_printing_packages_even_with_odoo_found(bare_path, tmp_path):
    # An Odoo that is "found" but broken stops .ci/run right after its package
    # check, so nothing else runs.
    result = run(
        [shutil.which("bash"), str(REPO / ".ci" / "run")],
        env=dict(os.environ, PATH=str(bare_path), ODOO_BIN="/nonexistent/odoo"),
    )
    assert "0 passed, 1 failed" in result.stdout, result.stdout + result.stderr
    asked = (tmp_path / "apt.log").read_text()
    install = [line for line in asked.splitlines() if line.startswith("install")]
    assert install, asked
    assert set(PRINTING_PACKAGES) <= set(install[0].split()), asked


def test_run_says_in_one_line_how_to_get_printing(bare_path):
    result = run(
        [shutil.which("bash"), str(REPO / "scripts" / "run")],
        env=dict(os.environ, PATH=str(bare_path), ODOO_BIN="/nonexistent/odoo"),
    )
    first = result.stdout.splitlines()[0] if result.stdout else ""
    assert (
        "wkhtmltopdf" in first and "apt-get install wkhtmltopdf fonts-croscore" in first
    ), result.stdout + result.stderr


def test_run_says_nothing_about_printing_where_it_works():
    if not shutil.which("wkhtmltopdf"):
        pytest.fail("wkhtmltopdf is missing: apt-get install wkhtmltopdf")
    result = run(["bash", "-c", "source scripts/lib.sh && pdf_engine_advice"], cwd=REPO)
    assert result.returncode == 0 and result.stdout == "", result.stdout + result.stderr
