#!/usr/bin/env python3
"""Check the query-expansion lexicons against the corpus text (stdlib only).

Loads english.tsv, spoken.tsv and vocabulary.tsv from this directory and verifies that
every Chinese target / vocabulary term occurs verbatim in the corpus source text after
NFKC normalisation and removal of all whitespace. Also checks the file formats, that
English keys are lower-case, that no key is listed twice, and that every vocabulary term
is the target of at least one English phrase.

topics.tsv (title-topic vocabulary) is checked too: its keys are lower-case/NFKC and unique,
are not one of the generic words in GENERIC_TOPIC_WORDS, and every target is a verbatim term
of one of the 31 table-of-contents titles (parsed from the corpus TOC). Each title must be
reached by 15-40 topic words (a word reaches every title that contains one of its targets).

Usage: python3 check_targets.py [CORPUS_DIR]   (default: <repo>/corpus/sources)
Exit status 0 when nothing is missing or malformed, 1 otherwise.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT_CORPUS = HERE.parents[2] / "corpus" / "sources"
GENERIC_TOPIC_WORDS = {"企业", "补贴", "资助", "奖励", "政策", "发展", "创新", "公司", "项目", "资金", "扶持"}
TOPIC_WORDS_PER_TITLE = (15, 40)
# "17、关于...的实施意见(杭高新〔2021〕10号)" in the NFKC-normalised, whitespace-free TOC
_TOC_TITLE = re.compile(r"(\d{1,2})、(.+?)\(([^()、]{1,8}〔\d{4}〕\d+号)\)")
KINDS = {"title_term", "heading", "defined_term", "award", "recognition", "metric", "organisation", "place", "program"}


def norm(text: str) -> str:
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


_BOILERPLATE_LINE = re.compile(r"^第\d+页$|\{\{|云展网|更多案例|^文本内容$|^\[(展开|收起)\]$")


def body_text(raw: str) -> str:
    """The scrape without e-book page markers and web boilerplate lines (informational check)."""
    return "\n".join(line for line in raw.splitlines() if not _BOILERPLATE_LINE.search(line.strip()))


def toc_titles(corpus: str) -> dict[int, str]:
    """Document number -> normalised title, from the first TOC entry of each number 1-31."""
    titles: dict[int, str] = {}
    for m in _TOC_TITLE.finditer(corpus):
        no = int(m.group(1))
        if 1 <= no <= 31 and no not in titles:
            titles[no] = m.group(2)
    return titles


def check_topics(corpus: str, problems: list[str], missing: list[str]) -> list[str]:
    """Check topics.tsv; return report lines."""
    path = HERE / "topics.tsv"
    if not path.exists():
        problems.append("topics.tsv: missing")
        return []
    titles = toc_titles(corpus)
    if sorted(titles) != list(range(1, 32)):
        problems.append(f"topics.tsv: could not parse 31 TOC titles (got {sorted(titles)})")
    table = rows(path, 2, problems)
    keys = [k for k, _ in table]
    dup = {k for k in keys if keys.count(k) > 1}
    if dup:
        problems.append(f"topics.tsv: duplicate keys {sorted(dup)}")
    per_title = {no: 0 for no in titles}
    multi: dict[str, list[int]] = {}
    n_targets = 0
    for key, targets in table:
        if key != unicodedata.normalize("NFKC", key).lower():
            problems.append(f"topics.tsv: key not lower-case/NFKC: {key!r}")
        if key in GENERIC_TOPIC_WORDS:
            problems.append(f"topics.tsv: generic key {key!r}")
        reached: set[int] = set()
        for target in targets.split():
            n_targets += 1
            if norm(target) not in corpus:
                missing.append(f"topics.tsv: {key} -> {target}")
            found = [no for no, title in titles.items() if norm(target) in title]
            if not found:
                problems.append(f"topics.tsv: {key} -> {target}: not a term of any TOC title")
            elif len(found) > 1:
                multi[target] = found
            reached.update(found)
        for no in reached:
            per_title[no] += 1
    lo, hi = TOPIC_WORDS_PER_TITLE
    for no, count in per_title.items():
        if not lo <= count <= hi:
            problems.append(f"topics.tsv: title {no} reached by {count} words (want {lo}-{hi})")
    out = [
        f"topics.tsv: {len(table)} words, {n_targets} targets, {len(titles)} TOC titles",
        "topics.tsv words per title: " + " ".join(f"{no}:{per_title[no]}" for no in sorted(per_title)),
    ]
    out += [f"(info) topics.tsv target in several titles: {t} -> {nos}" for t, nos in sorted(multi.items())]
    return out


def rows(path: Path, ncols: int, problems: list[str]) -> list[list[str]]:
    out = []
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        cols = line.split("\t")
        if len(cols) != ncols or not all(c.strip() for c in cols):
            problems.append(f"{path.name}:{no}: expected {ncols} non-empty tab-separated columns: {line!r}")
            continue
        out.append(cols)
    return out


def main() -> int:
    corpus_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT_CORPUS
    sources = sorted(corpus_dir.glob("*.txt"))
    if not sources:
        print(f"no corpus *.txt under {corpus_dir}")
        return 1
    raw = "\n".join(p.read_text(encoding="utf-8") for p in sources)
    corpus = norm(raw)
    body = norm(body_text(raw))
    boiler_only: list[str] = []
    problems: list[str] = []
    missing: list[str] = []

    vocab = rows(HERE / "vocabulary.tsv", 3, problems)
    english = rows(HERE / "english.tsv", 2, problems)
    spoken = rows(HERE / "spoken.tsv", 2, problems)

    terms = [t for t, _, _ in vocab]
    for term, kind, _src in vocab:
        if kind not in KINDS:
            problems.append(f"vocabulary.tsv: {term}: unknown kind {kind}")
        if norm(term) not in corpus:
            missing.append(f"vocabulary.tsv: {term}")
        elif norm(term) not in body:
            boiler_only.append(f"vocabulary.tsv: {term}")
    if len(set(terms)) != len(terms):
        problems.append("vocabulary.tsv: duplicate terms")

    n_targets = {}
    for name, table in (("english.tsv", english), ("spoken.tsv", spoken)):
        keys = [k for k, _ in table]
        dup = {k for k in keys if keys.count(k) > 1}
        if dup:
            problems.append(f"{name}: duplicate keys {sorted(dup)}")
        count = 0
        for key, targets in table:
            if key != unicodedata.normalize("NFKC", key).lower():
                problems.append(f"{name}: key not lower-case/NFKC: {key!r}")
            for target in targets.split():
                count += 1
                if norm(target) not in corpus:
                    missing.append(f"{name}: {key} -> {target}")
                elif norm(target) not in body:
                    boiler_only.append(f"{name}: {key} -> {target}")
        n_targets[name] = count

    topic_report = check_topics(corpus, problems, missing)

    english_targets = {t for _, ts in english for t in ts.split()}
    uncovered = [t for t in terms if t not in english_targets]

    print(f"corpus: {', '.join(p.name for p in sources)} ({len(corpus)} chars normalised)")
    print(f"vocabulary.tsv: {len(vocab)} terms")
    print(f"english.tsv: {len(english)} phrases, {n_targets['english.tsv']} targets")
    print(f"spoken.tsv: {len(spoken)} spoken forms, {n_targets['spoken.tsv']} targets")
    for line in topic_report:
        print(line)
    print(f"vocabulary terms not reached by any English phrase: {len(uncovered)}")
    print(f"targets/terms missing from corpus: {len(missing)}")
    print(f"format problems: {len(problems)}")
    print(f"(info) targets found only in page markers / web boilerplate: {len(boiler_only)}")
    for line in (
        missing + problems + [f"uncovered: {t}" for t in uncovered] + [f"boilerplate-only: {b}" for b in boiler_only]
    ):
        print("  " + line)
    return 0 if not (missing or problems or uncovered) else 1


if __name__ == "__main__":
    sys.exit(main())
