"""Official documents print as real PDFs, as a demo officer prints them.

One demo database (built by scripts/run, dropped afterwards) serves eight
documents: a decision, the directive 56/BVSTBPN, a report, a work plan, its
settlement, the Action Month results, an inspection plan and a unit's Action
Month plan. Each is downloaded as the officer's browser would, as a PDF made
by wkhtmltopdf (Odoo 18's PDF engine) and as HTML; the PDF's text (pdftotext)
must say what the HTML says, with its diacritics, the blocks of Decree
30/2020/NĐ-CP, in Times New Roman or its metric twin (pdffonts).
Without wkhtmltopdf or poppler's tools these tests fail: officers could not
print.
"""

import http.cookiejar
import json
import os
import re
import shutil
import signal
import subprocess
import time
import unicodedata
import urllib.request
import uuid

import lxml.html
import pytest
from conftest import REPO, run

PORT = int(os.environ.get("VSTBPN_PDF_TEST_HTTP_PORT", "18076"))
BASE = f"http://127.0.0.1:{PORT}"

# name: (report, record's xml id, who prints it, pages it takes at most)
DOCUMENTS = {
    "decision": (
        "vstbpn_committee.vstbpn_committee_decision_document",
        "vstbpn_committee.decision_bd_consolidation_2017_demo",
        "bd_canbo",
        1,
    ),
    "directive_56": (
        "vstbpn_committee.vstbpn_document_report_document",
        "vstbpn_committee.document_bd_56_2017_demo",
        "bd_canbo",
        3,
    ),
    "report": (
        "vstbpn_reporting.vstbpn_report_document",
        "vstbpn_reporting.report_2017_qn_demo",
        "quynhon_canbo",
        3,
    ),
    "work_plan": (
        "vstbpn_committee.vstbpn_work_plan_document",
        "vstbpn_committee.work_plan_bd_2017_demo",
        "bd_canbo",
        2,
    ),
    "settlement": (
        "vstbpn_committee.vstbpn_work_plan_settlement_document",
        "vstbpn_committee.work_plan_bd_2017_demo",
        "bd_canbo",
        2,
    ),
    "action_month_results": (
        "vstbpn_campaign.vstbpn_campaign_results_document",
        "vstbpn_campaign.campaign_2017_bd_demo",
        "bd_canbo",
        3,
    ),
    "inspection_plan": (
        "vstbpn_committee.vstbpn_inspection_plan_document",
        "vstbpn_committee.inspection_plan_bd_2017_demo",
        "bd_canbo",
        2,
    ),
    "action_month_plan": (
        "vstbpn_campaign.vstbpn_campaign_plan_document",
        "vstbpn_campaign.plan_2017_bd_demo",
        "bd_canbo",
        2,
    ),
}
# Times New Roman, or its metric-compatible twins (Tinos first: see the layout).
LEGAL_FONTS = re.compile(r"^([A-Z]{6}\+)?(Tinos|TimesNewRoman|LiberationSerif)")


def tool(name, package):
    path = shutil.which(name)
    if not path:
        pytest.fail(
            f"{name} is missing: officers cannot print (apt-get install {package})"
        )
    return path


def words(text):
    return unicodedata.normalize("NFC", text).split()


def opener():
    return urllib.request.build_opener(
        urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
    )


def log_in(browser, database, login):
    request = urllib.request.Request(
        f"{BASE}/web/session/authenticate",
        data=json.dumps(
            {
                "jsonrpc": "2.0",
                "params": {"db": database, "login": login, "password": login},
            }
        ).encode(),
        headers={"Content-Type": "application/json"},
    )
    with browser.open(request, timeout=120) as response:
        answer = json.load(response)
    assert "error" not in answer, answer["error"]


def record_id(database, xmlid):
    module, name = xmlid.split(".")
    result = run(
        [
            "psql",
            "-d",
            database,
            "-tAc",
            (
                "SELECT res_id FROM ir_model_data"
                f" WHERE module = '{module}' AND name = '{name}'"
            ),
        ]
    )
    assert result.returncode == 0 and result.stdout.strip(), result.stderr
    return int(result.stdout.strip())


def wait_until_served(server, timeout=900):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if server.poll() is not None:
            pytest.fail(f"scripts/run exited:\n{server.communicate()[0][-3000:]}")
        try:
            with urllib.request.urlopen(f"{BASE}/web/login", timeout=5):
                return
        except OSError:
            time.sleep(2)
    pytest.fail("scripts/run did not serve Odoo in time")


@pytest.fixture(scope="module")
def printed(odoo_command, tmp_path_factory):
    """{name: (pdf path, html text)} of the documents."""
    tool("wkhtmltopdf", "wkhtmltopdf")
    tool("pdftotext", "poppler-utils")
    folder = tmp_path_factory.mktemp("pdf")
    database = f"vstbpn_pdf_{uuid.uuid4().hex[:8]}"
    server = subprocess.Popen(
        [str(REPO / "scripts" / "run")],
        env=dict(os.environ, VSTBPN_DB=database, VSTBPN_HTTP_PORT=str(PORT)),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    documents = {}
    try:
        wait_until_served(server)
        # The administrator's first login sets the address wkhtmltopdf fetches
        # the report's assets from, as on any new database.
        log_in(opener(), database, "admin")
        for name, (report, xmlid, login, _pages) in DOCUMENTS.items():
            browser = opener()
            log_in(browser, database, login)
            res_id = record_id(database, xmlid)
            with browser.open(
                f"{BASE}/report/pdf/{report}/{res_id}", timeout=300
            ) as answer:
                assert answer.headers["Content-Type"] == "application/pdf", name
                (folder / f"{name}.pdf").write_bytes(answer.read())
            with browser.open(
                f"{BASE}/report/html/{report}/{res_id}", timeout=300
            ) as answer:
                tree = lxml.html.fromstring(answer.read())
            for style in tree.xpath("//style|//script"):
                style.drop_tree()
            # Block elements end a word, as they end a line on paper.
            for block in tree.xpath("//div|//p|//li|//td|//th|//tr|//br|//table"):
                block.tail = "\n" + (block.tail or "")
            html_text = " ".join(
                article.text_content()
                for article in tree.xpath("//div[contains(@class, 'article')]")
            )
            documents[name] = (folder / f"{name}.pdf", html_text)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            log = server.communicate(timeout=60)[0]
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            log = server.communicate()[0]
        run(["dropdb", "--if-exists", database])
    assert "wkhtmltopdf is missing" not in log
    return documents


def pdf_text(path, *options):
    result = run([tool("pdftotext", "poppler-utils"), *options, str(path), "-"])
    assert result.returncode == 0, result.stderr
    return unicodedata.normalize("NFC", result.stdout)


def page_count(path):
    result = run([tool("pdfinfo", "poppler-utils"), str(path)])
    return int(re.search(r"^Pages:\s+(\d+)", result.stdout, re.MULTILINE).group(1))


@pytest.mark.parametrize("name", DOCUMENTS)
def test_pdf_says_what_the_html_says_with_its_diacritics(printed, name):
    path, html_text = printed[name]
    text = pdf_text(path, "-layout")
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    assert "Độc lập - Tự do - Hạnh phúc" in text
    # In the order it was written (table cells whole), where a line may end
    # after a hyphen inside a word ("515/QĐ-" / "TTg").
    read = re.sub(r"(\S-)\n\s*", r"\1", pdf_text(path, "-raw"))
    missing = sorted(set(words(html_text)) - set(words(read)))
    assert not missing, (
        f"{name}: words of the HTML missing from the PDF: {missing[:20]}"
    )


@pytest.mark.parametrize("name", DOCUMENTS)
def test_pdf_has_the_decree_30_blocks_and_ends_with_its_signature(printed, name):
    path, html_text = printed[name]
    pages = page_count(path)
    assert pages <= DOCUMENTS[name][3], f"{name}: {pages} pages"
    text = pdf_text(path, "-layout")
    # "Số: 56/BVSTBPN", or a blank for the number the clerk writes by hand.
    assert re.search(r"Số:\s+(\d{2,})?\s*/[A-ZĐ]", text), f"{name}: no number line"
    # The italic place-date line: "Bình Định, ngày 18 tháng 4 năm 2017".
    date = re.search(r"ngày \d{1,2} tháng \d{1,2} năm \d{4}", html_text)
    assert date and re.search(rf"\w+, {date.group(0)}", text), (
        f"{name}: no place-date line"
    )
    # The recipients and the signature block stay together on the last page.
    last = pdf_text(path, "-layout", "-f", str(pages), "-l", str(pages))
    assert "Nơi nhận:" in last and "- Lưu:" in last, f"{name}: the closing blocks split"


@pytest.mark.parametrize("name", DOCUMENTS)
def test_pdf_embeds_times_new_roman_or_its_metric_twin_only(printed, name):
    result = run([tool("pdffonts", "poppler-utils"), str(printed[name][0])])
    fonts = [line.split() for line in result.stdout.splitlines()[2:] if line.strip()]
    assert fonts, result.stdout
    others = [font[0] for font in fonts if not LEGAL_FONTS.match(font[0])]
    # A fallback font (DejaVu) means a letter the chosen font lacks.
    assert not others, f"{name}: letters printed in {sorted(set(others))}"
    assert all(font[-5] == "yes" for font in fonts), (
        f"fonts not embedded:\n{result.stdout}"
    )


def test_decision_fits_on_one_page(printed):
    assert page_count(printed["decision"][0]) == 1


def test_directive_56_prints_its_header_and_signature_as_issued(printed):
    text = re.sub(r" +", " ", pdf_text(printed["directive_56"][0], "-layout"))
    for line in [
        "ỦY BAN NHÂN DÂN TỈNH BÌNH ĐỊNH",
        "BAN VÌ SỰ TIẾN BỘ CỦA PHỤ NỮ",
        "Số: 56/BVSTBPN",
        "Bình Định, ngày 18 tháng 4 năm 2017",
        "V/v triển khai các hoạt động của Ban vì sự tiến",
        "Kính gửi:",
        "Nơi nhận:",
        "- Lưu: VT",
        "TRƯỞNG BAN",
        "PHÓ CHỦ TỊCH UBND TỈNH",
        "Nguyễn Tuấn Thanh",
    ]:
        assert line in text, line
