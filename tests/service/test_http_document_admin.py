"""The 文件管理 routes through a real uvicorn port: preview, confirm, indexing job, delete; 文号 forms and
PDF bombs at the upload (issue 16, items 5 and 6). Every upload rebuilds a copy of the shared index."""

from __future__ import annotations

import shutil
import time
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from http_support import ADMIN_KEY, assert_error, make_settings, served, shared_qa

from corpus.models import TextStatus
from service.container import build_policyqa
from service.protocols import PolicyQA
from service.settings import Settings

pytestmark = pytest.mark.slow

KEY = {"X-API-Key": ADMIN_KEY}


@pytest.fixture
def own_core(tmp_path: Path) -> Iterator[tuple[Settings, PolicyQA]]:
    """A core over a copy of the shared data dir (index and embedding cache), for tests that change it."""
    shared_qa()
    settings = make_settings(data_dir=tmp_path / "data")
    shutil.copytree(make_settings().data_dir, settings.data_dir)
    yield settings, build_policyqa(settings, build_if_missing=False)


def _fund_entry() -> tuple[int, str, str]:
    """A document the TOC lists without text: (doc_no, title, 文号)."""
    doc = next(
        d for d in shared_qa().corpus.documents.values() if d.text_status is TextStatus.TOC_ONLY and "基金" in d.title
    )
    return doc.doc_no, doc.title, doc.doc_number


def _synthetic_pdf(title: str, doc_number: str) -> bytes:
    """A two-page text PDF with the TOC entry's title and 文号 (in square brackets) and a made-up body."""
    import io

    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    out = io.BytesIO()
    pdf = canvas.Canvas(out)
    pages = [
        [
            doc_number.replace("〔", "[").replace("〕", "]"),
            title,
            "一、基金规模",
            "基金总规模为36亿元,由区财政分期出资。",
        ],
        [
            "二、投资方向",
            "(一)直投项目。对单个科技企业的直投金额最高不超过4800万元。",
            "三、附则",
            "本办法自2022年6月1日起施行,有效期五年。",
        ],
    ]
    for number, lines in enumerate(pages, start=1):
        pdf.setFont("STSong-Light", 12)
        for i, line in enumerate(lines):
            pdf.drawString(72, 780 - 22 * i, line)
        pdf.drawCentredString(297, 40, f"- {number} -")
        pdf.showPage()
    pdf.save()
    return out.getvalue()


def _wait(client: httpx.Client, job: dict[str, Any]) -> dict[str, Any]:
    deadline = time.monotonic() + 300
    while job["state"] == "indexing":
        assert time.monotonic() < deadline, job
        time.sleep(0.5)
        job = client.get(f"/api/admin/jobs/{job['id']}", headers=KEY).json()
    return job


def test_a_toc_only_document_added_is_answered_and_deleting_it_restores_toc_only(
    own_core: tuple[Settings, PolicyQA],
) -> None:
    settings, qa = own_core
    doc_no, title, doc_number = _fund_entry()
    question = f"{doc_number}对单个科技企业的直投金额最高多少?"
    with served(settings, qa) as client:
        before = client.post("/api/ask", json={"question": question}).json()
        assert before["status"] == "toc_only" and any(c["doc_no"] == doc_no for c in before["citations"])

        files = {"file": ("基金办法.pdf", _synthetic_pdf(title, doc_number))}
        preview = client.post("/api/admin/documents/preview", headers=KEY, files=files)
        assert preview.status_code == 201, preview.text
        shown = preview.json()
        assert shown["metadata"]["doc_number"] == doc_number and shown["metadata"]["title"] == title
        assert shown["metadata"]["effective_from"] == "2022-06-01" and shown["metadata"]["expires_on"] == "2027-05-31"
        assert shown["placement"] == {**shown["placement"], "action": "fills_toc_entry", "doc_no": doc_no}
        assert [p["printed_page"] for p in shown["pages"]] == [1, 2] and "4800万元" in shown["pages"][1]["text"]
        assert [o["marker"] for o in shown["outline"] if o["level"]] == ["一、", "二、", "(一)", "三、"]
        assert client.get(f"/api/documents/{doc_no}").json()["text_status"] == "toc_only", "nothing before confirm"

        job = client.post(f"/api/admin/documents/staged/{shown['token']}", headers=KEY, json={"title": title})
        assert job.status_code == 202, job.text
        done = _wait(client, job.json())
        assert done["state"] == "done" and done["doc_no"] == doc_no and done["stats"]["chunks"] > 0, done

        listed = client.get("/api/admin/documents", headers=KEY).json()
        assert [(d["doc_no"], d["fills_toc_entry"]) for d in listed] == [(doc_no, True)]
        document = client.get(f"/api/documents/{doc_no}").json()
        assert document["text_status"] == "full" and document["printed_pages"] == [1, 2]
        answer = client.post("/api/ask", json={"question": question}).json()
        assert answer["status"] == "answered", answer
        cited = [c for c in answer["citations"] if c["doc_no"] == doc_no]
        assert cited and cited[0]["printed_page"] == 2 and "4800" in cited[0]["quote"]

        deleting = client.delete(f"/api/admin/documents/{doc_no}", headers=KEY)
        assert deleting.status_code == 202, deleting.text
        assert _wait(client, deleting.json())["state"] == "done"
        assert client.get(f"/api/documents/{doc_no}").json()["text_status"] == "toc_only"
        after = client.post("/api/ask", json={"question": question}).json()
        assert after["status"] == "toc_only" and client.get("/api/admin/documents", headers=KEY).json() == []
    assert not list(settings.added_dir.glob("*.pdf")), "the deleted file is gone"


POLICY = "关于测试文号写法的通知\n一、支持内容\n对测试企业给予奖励3万元。\n二、附则\n本通知自2099年1月1日起施行。\n"


def test_doc_number_forms_normalise_to_one_document(own_core: tuple[Settings, PolicyQA]) -> None:
    settings, qa = own_core
    files = {"file": ("notice.txt", POLICY.encode())}
    with served(settings, qa) as client:
        first = client.post("/api/documents", headers=KEY, files=files, data={"doc_number": "区测[2099]7号"})
        assert first.status_code == 201, first.text
        assert (first.json()["doc_number"], first.json()["issuer"]) == ("区测〔2099〕7号", "区测")
        spaced = client.post("/api/documents", headers=KEY, files=files, data={"doc_number": " 区测 〔2099〕 7 号"})
        assert_error(spaced, 409, "duplicate_doc_number")
        second = client.post("/api/documents", headers=KEY, files=files, data={"doc_number": "区测(2099)8号"})
        assert second.status_code == 201 and second.json()["doc_number"] == "区测〔2099〕8号"
        for bad in ("区测2099年7号", "〔2099〕7号", "x" * 99):
            assert_error(client.post("/api/documents", headers=KEY, files=files, data={"doc_number": bad}), 422)
        flag = {"doc_number": "区测【2099】7号", "replace": "yes"}
        assert_error(client.post("/api/documents", headers=KEY, files=files, data=flag), 422, "invalid_request")
        replaced = client.post("/api/documents", headers=KEY, files=files, data={**flag, "replace": "true"})
        assert replaced.status_code == 201 and replaced.json()["doc_no"] == first.json()["doc_no"]
        numbers = [d["doc_number"] for d in client.get("/api/documents").json()["documents"]]
        assert numbers.count("区测〔2099〕7号") == 1 and numbers.count("区测〔2099〕8号") == 1
        # the preview says where a file goes: a duplicate of an added document, or one the compilation holds
        stated = {"file": ("n.txt", ("区测(2099)7号\n" + POLICY).encode())}
        shown = client.post("/api/admin/documents/preview", headers=KEY, files=stated).json()["placement"]
        assert (shown["action"], shown["doc_no"]) == ("duplicate", first.json()["doc_no"])
        held = {"file": ("n.txt", ("区办[2023]9号\n" + POLICY).encode())}
        shown = client.post("/api/admin/documents/preview", headers=KEY, files=held).json()["placement"]
        assert (shown["action"], shown["doc_no"]) == ("held_in_full", 3)
        # the same forms in the confirm step of the 文件管理 flow
        token = client.post("/api/admin/documents/preview", headers=KEY, files=files).json()["token"]
        bad = client.post(f"/api/admin/documents/staged/{token}", headers=KEY, json={"doc_number": "区测7号"})
        assert_error(bad, 422, "invalid_doc_number")
        dup = client.post(f"/api/admin/documents/staged/{token}", headers=KEY, json={"doc_number": "区测(2099)7号"})
        job = _wait(client, dup.json())
        assert job["state"] == "failed" and job["error"]["code"] == "duplicate_doc_number"


def _bomb(content: bytes, compress: bool = True) -> bytes:
    payload = zlib.compress(content, 9) if compress else content
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>",
        b"<< /Length %d%s >>\nstream\n" % (len(payload), b" /Filter /FlateDecode" if compress else b"")
        + payload
        + b"\nendstream",
    ]
    out = bytearray(b"%PDF-1.7\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 5\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size 5 /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % xref
    return bytes(out)


def test_pdf_bombs_get_a_4xx_and_change_nothing(own_core: tuple[Settings, PolicyQA]) -> None:
    settings, qa = own_core
    current = (settings.index_dir / "CURRENT").read_text()
    with served(settings, qa) as client:
        docs = client.get("/api/documents").json()
        inflating = {"file": ("bomb.pdf", _bomb(b"\x00" * (200 * 1024 * 1024)))}
        for route in ("/api/documents", "/api/admin/documents/preview"):
            started = time.perf_counter()
            assert_error(client.post(route, headers=KEY, files=inflating), 413, "document_too_large")
            assert time.perf_counter() - started < 20
        drawing = {"file": ("draw.pdf", _bomb(b"0 0 m 100 100 l 50 20 l h S\n" * 7000, compress=False))}
        response = client.post("/api/documents", headers=KEY, files=drawing)
        assert 400 <= response.status_code < 500, response.text
        assert client.get("/api/documents").json() == docs
    assert (settings.index_dir / "CURRENT").read_text() == current
    assert not settings.added_dir.exists() or not any(settings.added_dir.iterdir())


def test_admin_document_routes_check_the_key_and_their_input(own_core: tuple[Settings, PolicyQA]) -> None:
    settings, qa = own_core
    with served(settings, qa) as client:
        for method, path in [
            ("POST", "/api/admin/documents/preview"),
            ("GET", "/api/admin/documents"),
            ("DELETE", "/api/admin/documents/2"),
            ("GET", "/api/admin/jobs/abc"),
        ]:
            assert_error(client.request(method, path), 401, "missing_api_key")
        mismatch = {"file": ("policy.docx", b"%PDF-1.7\n")}
        assert_error(client.post("/api/admin/documents/preview", headers=KEY, files=mismatch), 415, "type_mismatch")
        assert_error(
            client.post("/api/admin/documents/staged/" + "0" * 32, headers=KEY, json={}), 404, "unknown_upload"
        )
        assert_error(client.post("/api/admin/documents/staged/..%2F..%2Fx", headers=KEY, json={}), 404)
        assert_error(client.get("/api/admin/jobs/nope", headers=KEY), 404, "unknown_job")
        assert_error(client.delete("/api/admin/documents/2", headers=KEY), 404, "not_added")
        token = client.post(
            "/api/admin/documents/preview", headers=KEY, files={"file": ("n.txt", POLICY.encode())}
        ).json()["token"]
        assert client.delete(f"/api/admin/documents/staged/{token}", headers=KEY).status_code == 204
        assert_error(client.post(f"/api/admin/documents/staged/{token}", headers=KEY, json={}), 404, "unknown_upload")
