"""The policy-area signal on the real compilation and the bundled embedder (own questions, not gold ones)."""

from __future__ import annotations

import pytest

from corpus.library import Corpus
from corpus.models import TextStatus
from service.answering.areas import DocumentAreas, description


@pytest.fixture(scope="module")
def areas() -> DocumentAreas:
    from service.container import embedding_model
    from service.settings import Settings

    return DocumentAreas(Corpus.load(), embedding_model(Settings()))


def test_a_description_is_the_title_with_its_areas_everyday_words() -> None:
    corpus = Corpus.load()
    listed = [d for d in corpus.documents.values() if d.text_status is TextStatus.TOC_ONLY]
    for doc in listed:
        text = description(doc)
        assert text.startswith(doc.title)
    # every listed document's area has words of its own beyond the title
    assert sum(len(description(d)) > len(d.title) + 1 for d in listed) >= len(listed) * 0.8


@pytest.mark.parametrize(
    ("question", "listed_word"),
    [
        ("主播和直播电商平台落户有什么扶持?", "直播"),
        ("芯片设计企业流片费用区里补多少?", "集成电路"),
        ("做5G基站和5G应用的企业有什么政策?", "5G"),
    ],
)
def test_a_question_about_a_listed_area_points_to_that_document(
    areas: DocumentAreas, question: str, listed_word: str
) -> None:
    from service.container import embedding_model
    from service.settings import Settings

    match = areas.match(embedding_model(Settings()).get_query_embedding(question))
    assert match is not None
    assert listed_word in match.doc.title
    assert match.margin > 0


def test_a_question_about_a_loaded_area_is_closer_to_a_document_with_text(areas: DocumentAreas) -> None:
    from service.container import embedding_model
    from service.settings import Settings

    match = areas.match(embedding_model(Settings()).get_query_embedding("标准创新奖的评审专家要回避哪些情形?"))
    assert match is not None and match.margin < 0


def test_without_a_vector_there_is_no_area(areas: DocumentAreas) -> None:
    assert areas.match(None) is None
    assert areas.match([0.1, 0.2]) is None  # another embedder's width
