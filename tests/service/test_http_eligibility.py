"""POST /api/eligibility and GET /api/facts through a real uvicorn port."""

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


def test_profile_gets_verdicts_with_amounts_citations_and_validity(client: httpx.Client) -> None:
    profile = {"kinds": ["总部企业"], "paid_in_capital": "3亿", "star_rating": 5}
    body = client.post("/api/eligibility", json={"profile": profile, "as_of": "2026-12-01"}).json()
    assert body["as_of"] == "2026-12-01"
    assert sum(body["counts"].values()) == len(body["results"])
    met = [r for r in body["results"] if r["verdict"] == "meets"]
    assert {r["label"] for r in met} >= {"星级培育奖励(杭州市五星级)"}
    capital = next(r for r in met if r["label"].startswith("招商引资奖励"))
    assert capital["estimated_amount"] == "3000000" and capital["verdict_label"] == "符合"
    citation = capital["citation"]
    assert citation["doc_number"] == "区办〔2023〕12号" and citation["printed_page"] == 12
    page = client.get(f"/api/documents/{citation['doc_no']}/pages/{citation['printed_page']}").json()
    assert "".join(citation["quote"].split()) in "".join(page["text"].split())
    undecided = [r for r in body["results"] if r["verdict"] == "cannot_decide"]
    assert undecided and all(r["missing"] for r in undecided)


def test_filters_by_verdict_and_document(client: httpx.Client) -> None:
    body = client.post(
        "/api/eligibility",
        json={"profile": {"revenue": 1500000000, "industry": "工业"}, "verdicts": ["meets"], "doc_no": 2},
    ).json()
    assert body["results"] and all(r["verdict"] == "meets" and r["citation"]["doc_no"] == 2 for r in body["results"])
    facts = client.get("/api/facts", params={"doc_no": 3}).json()
    assert facts["count"] == len(facts["facts"]) > 0 and {f["doc_no"] for f in facts["facts"]} == {3}


def test_bad_input_is_a_json_4xx(client: httpx.Client) -> None:
    assert_error(client.post("/api/eligibility", json={"profile": {"revenue": "很多"}}), 422, "invalid_request")
    assert_error(client.post("/api/eligibility", json={"profile": {"star_rating": 9}}), 422, "invalid_request")
    assert_error(client.post("/api/eligibility", json={"profile": {}, "doc_no": 99}), 404, "document_not_found")
    assert_error(client.post("/api/eligibility", content=b"{", headers={"content-type": "application/json"}), 422)
    assert_error(client.get("/api/facts", params={"doc_no": 99}), 404, "document_not_found")


def test_in_the_openapi_schema(client: httpx.Client) -> None:
    schema = client.get("/openapi.json").json()
    assert "post" in schema["paths"]["/api/eligibility"] and "get" in schema["paths"]["/api/facts"]
    assert "CompanyProfile" in schema["components"]["schemas"]
