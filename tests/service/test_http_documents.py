"""GET /api/documents..., pages and POST /api/search through a real uvicorn port."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from http_support import assert_error, served

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def client() -> Iterator[httpx.Client]:
    with served() as client:
        yield client


def test_document_list(client: httpx.Client) -> None:
    body = client.get("/api/documents").json()
    assert body["as_of"]
    documents = {d["doc_no"]: d for d in body["documents"]}
    assert set(range(1, 32)) <= set(documents)
    statuses = {d["text_status"] for d in documents.values()}
    assert {"full", "toc_only"} <= statuses
    for doc in documents.values():
        assert doc["title"] and isinstance(doc["doc_number"], str)
        assert doc["validity"] in {"in_force", "expired", "not_yet_in_force", "unknown"}


def test_document_detail_has_outline_and_dates(client: httpx.Client) -> None:
    doc = client.get("/api/documents/2").json()
    assert doc["doc_no"] == 2 and doc["text_status"] == "full"
    assert doc["outline"] and all(c["section"] and c["printed_pages"] for c in doc["outline"])
    assert doc["printed_pages"] == sorted(doc["printed_pages"])
    assert "effective_from" in doc and "expires_on" in doc and "validity_statement" in doc


def test_page_text(client: httpx.Client) -> None:
    doc = client.get("/api/documents/2").json()
    page_no = doc["printed_pages"][0]
    page = client.get(f"/api/documents/2/pages/{page_no}").json()
    assert page["printed_page"] == page_no and page["ebook_page"] >= page_no
    assert page["text"].strip() and page["doc_number"] == doc["doc_number"]


def test_toc_only_document(client: httpx.Client) -> None:
    documents = client.get("/api/documents").json()["documents"]
    listed = next(d for d in documents if d["text_status"] == "toc_only")
    doc = client.get(f"/api/documents/{listed['doc_no']}").json()
    assert doc["outline"] == [] and doc["printed_start_page"]
    page = listed["printed_start_page"]
    assert_error(client.get(f"/api/documents/{listed['doc_no']}/pages/{page}"), 404, "text_not_held")


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/api/documents/999", 404),
        ("/api/documents/0", 404),
        ("/api/documents/-1", 404),
        ("/api/documents/999/pages/1", 404),
        ("/api/documents/2/pages/9999", 404),
        ("/api/documents/2/pages/0", 404),
        ("/api/documents/2/pages/-3", 404),
        ("/api/documents/abc", 422),
        ("/api/documents/2/pages/abc", 422),
        ("/api/documents/2/pages/1.5", 422),
        ("/api/documents/99999999999999999999999", 404),
        ("/api/documents/..%2F..%2Fetc/pages/1", 404),
        ("/api/documents/%2e%2e%2f%2e%2e%2fetc%2fpasswd", 404),
        ("/api/documents/2/pages/..%2F..%2F..%2Fetc%2Fpasswd", 404),
        ("/api/documents/2%00", 422),
    ],
)
def test_bad_document_paths_are_json_errors(client: httpx.Client, path: str, status: int) -> None:
    # a raw path, so the client does not normalise the dots or the escapes away
    response = client.get(httpx.URL(str(client.base_url)).copy_with(raw_path=path.encode()))
    body = assert_error(response, status)
    assert "root:" not in response.text, body


def test_search_ranked_hits_with_citation_fields(client: httpx.Client) -> None:
    body = client.post("/api/search", json={"query": "上市奖励", "limit": 5}).json()
    hits = body["hits"]
    assert 0 < len(hits) <= 5
    scores = [h["score"] for h in hits]
    assert scores == sorted(scores, reverse=True)
    for hit in hits:
        assert {"doc_no", "title", "doc_number", "section", "printed_page", "ebook_page", "quote"} <= set(
            hit["citation"]
        )
        assert hit["text"].strip()


def test_search_filters(client: httpx.Client) -> None:
    hits = client.post("/api/search", json={"query": "奖励", "doc_no": 2, "limit": 10}).json()["hits"]
    assert hits and all(h["citation"]["doc_no"] == 2 for h in hits)
    in_force = client.post("/api/search", json={"query": "奖励", "in_force_only": True}).json()["hits"]
    assert in_force and all(h["validity"] != "expired" for h in in_force)


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"query": ""}, 422),
        ({"query": "奖励", "limit": 0}, 422),
        ({"query": "奖励", "limit": 10_000}, 422),
        ({"query": "奖励", "doc_no": "two"}, 422),
        ({"query": "奖励", "doc_no": 999}, 404),
        ({"query": "x" * 2001}, 422),
    ],
)
def test_bad_searches(client: httpx.Client, body: dict, status: int) -> None:
    assert_error(client.post("/api/search", json=body), status)
