"""The 文件管理 tab in headless Chromium: a real `policyqa serve` with an admin key over a copy of the
session's built index; upload a Word file, check what was read, confirm, watch it indexed. Screenshots
go to tests/artifacts/ui-admin-*.png. Set POLICYQA_ADMIN_UI_TEST_URL to drive a server already running
with the admin key below."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_browser import _SERVE, ARTIFACTS, CHROMIUM, CHROMIUM_ARGS, _free_port, _wait_ready

pytestmark = [pytest.mark.browser, pytest.mark.slow]
KEY = "browser-admin-key"


@pytest.fixture(scope="module")
def admin_server(tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest) -> Iterator[str]:
    if url := os.environ.get("POLICYQA_ADMIN_UI_TEST_URL"):  # a server already running with admin key KEY
        _wait_ready(url, None, None)
        yield url
        return
    built_data_dir: Path = request.getfixturevalue("built_data_dir")
    data_dir = tmp_path_factory.mktemp("admin-ui") / "data"
    shutil.copytree(built_data_dir, data_dir)
    port = _free_port()
    log = data_dir / "serve.log"
    env = {
        **os.environ,
        "POLICYQA_DATA_DIR": str(data_dir),
        "POLICYQA_ADMIN_API_KEY": KEY,
        "GRADIO_ANALYTICS_ENABLED": "False",
    }
    with log.open("wb") as out:
        server = subprocess.Popen(
            [sys.executable, "-c", _SERVE, "serve", "--host", "127.0.0.1", "--port", str(port)],
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            cwd=Path(__file__).resolve().parents[2],
        )
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_ready(base, server, log)
        yield base
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def _word_file(path: Path) -> None:
    import docx

    document = docx.Document()
    for line in [
        "杭州高新开发区(滨江)管委会文件",
        "区测〔2099〕7号",
        "关于支持浏览器测试产业发展的若干意见",
        "各街道、各部门:",
        "一、支持对象",
        "在区内注册的浏览器测试企业。",
        "二、支持政策",
        "(一)首版奖励。对首次发布浏览器测试产品的企业,给予一次性奖励10万元。",
        "(二)平台补助。对建设测试平台的企业,按投入的30%给予补助,最高200万元。",
    ]:
        document.add_paragraph(line)
    document.add_page_break()
    document.add_paragraph("三、附则")
    document.add_paragraph("本意见自2099年1月1日起施行,有效期三年。")
    document.save(str(path))


def _field(page: object, elem_id: str) -> object:
    return page.locator(f"#{elem_id} textarea, #{elem_id} input").first  # type: ignore[attr-defined]


def _shot(page: object, name: str) -> None:
    page.screenshot(path=str(ARTIFACTS / f"ui-admin-{name}.png"), full_page=True)  # type: ignore[attr-defined]


def test_documents_admin_tab_uploads_checks_and_indexes(admin_server: str, tmp_path: Path) -> None:
    playwright_api = pytest.importorskip("playwright.sync_api")
    if not Path(CHROMIUM).exists():
        pytest.skip("Debian chromium is not installed")
    ARTIFACTS.mkdir(exist_ok=True)
    upload = tmp_path / "浏览器测试意见.docx"
    _word_file(upload)
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1440, "height": 1000}, locale="zh-CN")
        page = context.new_page()
        page.set_default_timeout(60_000)
        page.goto(admin_server, wait_until="domcontentloaded")
        page.get_by_role("tab", name="文件管理").click()

        # without the key nothing is read
        page.locator("#pq-admin-file input[type=file]").set_input_files(str(upload))
        page.locator("#pq-admin-read").click()
        page.get_by_text("请先填写管理密钥").wait_for()

        _field(page, "pq-admin-key").fill(KEY)
        page.locator("#pq-admin-read").click()
        page.locator("#pq-admin-summary").get_by_text("作为新文件").wait_for(timeout=120_000)
        assert _field(page, "pq-admin-docno").input_value() == "区测〔2099〕7号"
        assert _field(page, "pq-admin-title").input_value() == "关于支持浏览器测试产业发展的若干意见"
        outline = page.locator("#pq-admin-outline .pq-outline li")
        assert outline.count() >= 5 and "首版奖励" in page.locator("#pq-admin-outline").inner_text()
        _shot(page, "1-preview")
        page.get_by_role("tab", name="逐页文本").click()
        page.locator("#pq-admin-pages details").nth(1).wait_for()
        _shot(page, "2-pages")

        page.locator("#pq-admin-confirm").click()
        page.locator("#pq-admin-progress").get_by_text("已添加").wait_for(timeout=300_000)
        assert "区测〔2099〕7号" in page.locator("#pq-admin-added").inner_text()
        _shot(page, "3-indexed")

        body = page.locator("body").inner_text()
        assert "Traceback" not in body and '{"error"' not in body
        context.close()
        browser.close()
