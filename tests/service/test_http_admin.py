"""Admin routes through a real uvicorn port: the key, upload checks and limits, incremental indexing, rebuild."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from http_support import ADMIN_KEY, assert_error, make_settings, served, shared_qa

from service.container import build_policyqa
from service.protocols import PolicyQA
from service.settings import Settings

pytestmark = pytest.mark.slow

KEY = {"X-API-Key": ADMIN_KEY}
NEW_POLICY = (
    "关于支持量子咖啡产业发展的试行办法\n"
    "一、支持对象\n在高新区注册的量子咖啡企业。\n"
    "二、支持政策\n(一)首店奖励。对新开设首店的量子咖啡企业,给予一次性奖励8万元。\n"
    "三、附则\n本办法自2024年1月1日起施行,有效期3年。\n"
)


@pytest.fixture(scope="module")
def client() -> Iterator[httpx.Client]:
    with served() as client:
        yield client


@pytest.fixture(scope="module")
def own_core() -> Iterator[tuple[Settings, PolicyQA]]:
    """A core with its own data dir, for the tests that change the index (the shared one stays as built).

    It starts from the shared core's embedding cache, so only the new document is embedded.
    """
    shared_qa()
    root = Path(tempfile.mkdtemp(prefix="policyqa-admin-tests-"))
    settings = make_settings(data_dir=root)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    cache = make_settings().cache_dir
    (shutil.copytree if cache.is_dir() else shutil.copy2)(cache, settings.cache_dir)
    yield settings, build_policyqa(settings)
    shutil.rmtree(root, ignore_errors=True)


@pytest.mark.parametrize(
    ("method", "path"), [("POST", "/api/documents"), ("POST", "/api/index/rebuild"), ("GET", "/api/feedback")]
)
def test_admin_routes_need_the_key(client: httpx.Client, method: str, path: str) -> None:
    assert_error(client.request(method, path), 401, "missing_api_key")
    assert_error(client.request(method, path, headers={"X-API-Key": "wrong"}), 401, "invalid_api_key")
    assert_error(client.request(method, path, headers={"X-API-Key": ADMIN_KEY + "x"}), 401, "invalid_api_key")


def test_admin_routes_are_off_without_a_configured_key() -> None:
    with served(make_settings(admin_api_key=None)) as client:
        body = assert_error(client.post("/api/index/rebuild", headers=KEY), 403, "admin_disabled")
        assert "POLICYQA_ADMIN_API_KEY" in body["error"]["message"]


def test_bad_uploads_change_nothing(client: httpx.Client) -> None:
    before = client.get("/api/documents").json()["documents"]
    cases = [
        ({"file": ("policy.pdf", b"%PDF-1.7\n1 0 obj truncated")}, 400, "unreadable_document"),
        ({"file": ("policy.pdf", b"\x89PNG\r\n\x1a\n\x00\x00binary")}, 415, "type_mismatch"),
        ({"file": ("policy.xls", b"\xd0\xcf\x11\xe0\x00\x00binary")}, 415, "unsupported_file"),
        ({"file": ("policy.txt", "GBK 文本".encode("gbk"))}, 415, "unsupported_file"),
        ({"file": ("empty.txt", b"   \n")}, 400, "empty_document"),
        ({"other": ("policy.txt", NEW_POLICY.encode())}, 400, "missing_file"),
    ]
    for files, status, code in cases:
        assert_error(client.post("/api/documents", headers=KEY, files=files), status, code)
    assert_error(client.post("/api/documents", headers=KEY, json={"file": "x"}), 400, "missing_file")
    bad_date = {"file": ("policy.txt", NEW_POLICY.encode())}
    assert_error(client.post("/api/documents", headers=KEY, files=bad_date, data={"expires_on": "soon"}), 422)
    assert client.get("/api/documents").json()["documents"] == before


def test_upload_size_limit() -> None:
    with served(make_settings(max_upload_bytes=1024)) as client:
        big = {"file": ("big.txt", ("政策" * 1000).encode())}
        assert_error(client.post("/api/documents", headers=KEY, files=big), 413, "upload_too_large")
        # declared too large: refused before the body is sent
        status, body = _raw_post(str(client.base_url), "/api/documents", {**KEY, "Content-Length": str(10**9)})
        assert status == 413 and json.loads(body)["error"]["code"] == "upload_too_large"


def _raw_post(base_url: str, path: str, headers: dict[str, str]) -> tuple[int, bytes]:
    """Send only the request head (a client announcing a huge body) and read the answer."""
    url = httpx.URL(base_url)
    head = [f"POST {path} HTTP/1.1", f"Host: {url.host}", "Content-Type: multipart/form-data; boundary=x"]
    head += [f"{k}: {v}" for k, v in headers.items()]
    with socket.create_connection((url.host, url.port), timeout=10) as sock:
        sock.sendall(("\r\n".join(head) + "\r\n\r\n").encode())
        data = b""
        while b"\r\n\r\n" not in data or len(data.split(b"\r\n\r\n", 1)[1]) < _content_length(data):
            chunk = sock.recv(65536)
            if not chunk:
                break
            data += chunk
    status = int(data.split(b" ", 2)[1])
    return status, data.split(b"\r\n\r\n", 1)[1]


def _content_length(data: bytes) -> int:
    for line in data.split(b"\r\n\r\n", 1)[0].split(b"\r\n"):
        if line.lower().startswith(b"content-length:"):
            return int(line.split(b":", 1)[1])
    return 0


def test_upload_is_indexed_and_answered(own_core: tuple[Settings, PolicyQA]) -> None:
    settings, qa = own_core
    with served(settings, qa) as client:
        count = len(client.get("/api/documents").json()["documents"])
        # the name is a traversal attempt: it is cleaned and never becomes a path
        files = {"file": ("../../etc/量子咖啡.txt", NEW_POLICY.encode())}
        meta = {"title": "关于支持量子咖啡产业发展的试行办法", "doc_number": "区科〔2024〕99号"}
        response = client.post("/api/documents", headers=KEY, files=files, data=meta)
        assert response.status_code == 201, response.text
        doc = response.json()
        assert doc["doc_no"] == count + 1 and doc["doc_number"] == "区科〔2024〕99号" and doc["outline"]
        assert len(client.get("/api/documents").json()["documents"]) == count + 1
        page = client.get(f"/api/documents/{doc['doc_no']}/pages/1").json()
        assert "量子咖啡" in page["text"]
        answer = client.post("/api/ask", json={"question": "量子咖啡企业首店奖励多少?"}).json()
        assert answer["status"] == "answered"
        assert any(c["doc_no"] == doc["doc_no"] for c in answer["citations"])
        assert not any(settings.data_dir.parent.glob("etc")), "the upload's name never becomes a path"
        # the same 文号 again (in another bracket form) is refused and changes nothing
        again = client.post("/api/documents", headers=KEY, files=files, data={**meta, "doc_number": "区科[2024]99号"})
        assert_error(again, 409, "duplicate_doc_number")
        assert len(client.get("/api/documents").json()["documents"]) == count + 1

        rebuilt = client.post("/api/index/rebuild", headers=KEY)
        assert rebuilt.status_code == 200, rebuilt.text
        assert isinstance(rebuilt.json()["stats"], dict)
        assert client.get("/ready").status_code == 200
        again_answer = client.post("/api/ask", json={"question": "量子咖啡企业首店奖励多少?"}).json()
        assert any(c["doc_no"] == doc["doc_no"] for c in again_answer["citations"])


def test_an_index_change_in_another_process_makes_a_rebuild_wait_its_turn(
    own_core: tuple[Settings, PolicyQA],
) -> None:
    """Workers and replicas share the data dir: while another process holds the index lock, a rebuild is 409."""
    settings, qa = own_core
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from pathlib import Path; from indexing.builder import index_change_lock\n"
            "lock = index_change_lock(Path(sys.argv[1])); lock.acquire(); print('held', flush=True); time.sleep(120)",
            str(settings.index_dir),
        ],
        stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == b"held"
        with served(settings, qa) as client:
            assert_error(client.post("/api/index/rebuild", headers=KEY), 409, "index_busy")
            holder.kill()
            holder.wait(timeout=10)
            assert client.post("/api/index/rebuild", headers=KEY).status_code == 200  # the lock died with it
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait(timeout=10)
