"""POST /v1/chat/completions with the official openai client against a real uvicorn port."""

from __future__ import annotations

from collections.abc import Iterator

import openai
import pytest
from http_support import live_server, make_settings, shared_qa

from service.app import create_app

pytestmark = pytest.mark.slow

QUESTION = "总部企业境内上市奖励多少?"


@pytest.fixture(scope="module")
def client() -> Iterator[openai.OpenAI]:
    app = create_app(make_settings(), shared_qa())
    with live_server(app) as url:
        # the key is required by the client and ignored by the service
        yield openai.OpenAI(base_url=f"{url}/v1", api_key="unused", max_retries=0, timeout=120)


def test_completion_with_citations(client: openai.OpenAI) -> None:
    completion = client.chat.completions.create(
        model="policyqa",
        messages=[{"role": "system", "content": "You are helpful."}, {"role": "user", "content": QUESTION}],
    )
    assert completion.object == "chat.completion"
    message = completion.choices[0].message
    assert message.role == "assistant"
    assert completion.choices[0].finish_reason == "stop"
    extra = completion.model_extra or {}
    assert extra["status"] == "answered"
    citations = extra["citations"]
    assert citations and {"doc_no", "title", "doc_number", "printed_page", "ebook_page", "quote"} <= set(citations[0])
    assert message.content and "来源" in message.content
    assert citations[0]["doc_number"] in message.content
    assert f"第{citations[0]['printed_page']}页" in message.content


def test_streamed_completion_matches(client: openai.OpenAI) -> None:
    stream = client.chat.completions.create(
        model="policyqa", messages=[{"role": "user", "content": QUESTION}], stream=True
    )
    chunks = list(stream)
    assert chunks[0].choices[0].delta.role == "assistant"
    text = "".join(c.choices[0].delta.content or "" for c in chunks)
    last = chunks[-1]
    assert last.choices[0].finish_reason == "stop"
    extra = last.model_extra or {}
    assert extra["status"] == "answered" and extra["citations"]
    whole = client.chat.completions.create(model="policyqa", messages=[{"role": "user", "content": QUESTION}])
    assert text == whole.choices[0].message.content


def test_earlier_messages_are_history(client: openai.OpenAI) -> None:
    completion = client.chat.completions.create(
        model="policyqa",
        messages=[
            {"role": "user", "content": QUESTION},
            {"role": "assistant", "content": "境内上市的总部企业可获奖励。[1]"},
            {"role": "user", "content": [{"type": "text", "text": "境外上市呢?"}]},
        ],
    )
    assert completion.choices[0].message.content
    assert (completion.model_extra or {})["status"] in {"answered", "toc_only", "not_found"}


def test_models_are_listed(client: openai.OpenAI) -> None:
    assert [m.id for m in client.models.list()] == ["policyqa"]


@pytest.mark.parametrize(
    "messages",
    [
        [{"role": "tool", "content": "x", "tool_call_id": "1"}],
        [{"role": "user", "content": QUESTION}, {"role": "assistant", "content": "答"}],
        [{"role": "user", "content": "   "}],
        [{"role": "user", "content": "x" * 2001}],
    ],
)
def test_bad_conversations_are_refused(client: openai.OpenAI, messages: list) -> None:
    with pytest.raises(openai.UnprocessableEntityError) as caught:
        client.chat.completions.create(model="policyqa", messages=messages)
    body = caught.value.body
    assert isinstance(body, dict) and body["code"] and body["message"]
