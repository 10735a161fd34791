"""Validity warnings for cited documents: expired, year-bound, or not yet in force, as of a date."""

from __future__ import annotations

from datetime import date

from corpus.models import DocumentDates, PolicyDocument, Validity


def cn_date(day: date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


_MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


def en_date(day: date) -> str:
    """A date as English prose writes it: 13 July 2023 (not 2023-07-13; not the machine's locale)."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def no_longer_applies(doc: PolicyDocument, as_of: date, year: int | None = None) -> bool:
    """Whether ``doc`` has expired by ``as_of`` or, when a year is asked about, before that year."""
    expires = doc.dates.expires_on
    if expires is None:
        return False
    return expires.year < year if year is not None else doc.status(as_of) is Validity.EXPIRED


def validity_warning(doc: PolicyDocument, as_of: date, lang: str = "zh") -> str | None:
    """A warning when ``doc`` no longer (or not yet) applies on ``as_of``; None when it applies or is unknown."""
    dates = doc.dates
    status = doc.status(as_of)
    name = f"{doc.doc_number}" if lang == "zh" else doc.doc_number
    if status is Validity.EXPIRED and dates.expires_on is not None:
        start = dates.effective_from
        year_bound = start is not None and start.year == dates.expires_on.year and (dates.expires_on - start).days < 370
        if lang == "en":
            span = (
                f"applied to {start.year} only" if year_bound and start else f"expired on {en_date(dates.expires_on)}"
            )
            valid = f" (valid {en_date(start)} to {en_date(dates.expires_on)})" if start else ""
            return f"{name} {span}{valid}; as of {en_date(as_of)} it is no longer in force."
        if year_bound and start is not None:
            return (
                f"注意:{name}的政策仅适用于{start.year}年度({cn_date(start)}至{cn_date(dates.expires_on)}),"
                f"截至{cn_date(as_of)}已失效。"
            )
        since = f"自{cn_date(start)}起施行," if start else ""
        return f"注意:{name}{since}已于{cn_date(dates.expires_on)}到期,截至{cn_date(as_of)}已失效。"
    if status is Validity.NOT_YET and dates.effective_from is not None:
        if lang == "en":
            return f"{name} takes effect on {en_date(dates.effective_from)}."
        return f"注意:{name}自{cn_date(dates.effective_from)}起施行,尚未生效。"
    return None


def validity_note(docs: list[PolicyDocument], as_of: date, lang: str = "zh") -> str:
    """One short sentence for the answer's text: which cited documents no longer (or not yet) apply.

    The full warnings (``validity_warning``) go in the answer's ``warnings``; the text says it once, short,
    under the lead."""
    parts = []
    for doc in docs:
        dates, status = doc.dates, doc.status(as_of)
        if status is Validity.EXPIRED and dates.expires_on is not None:
            start = dates.effective_from
            year_bound = start is not None and start.year == dates.expires_on.year
            if lang == "en":
                parts.append(f"{doc.doc_number} expired on {en_date(dates.expires_on)}")
            elif year_bound and start is not None:
                parts.append(f"{doc.doc_number}仅适用于{start.year}年度,已失效")
            else:
                parts.append(f"{doc.doc_number}已于{cn_date(dates.expires_on)}到期,已失效")
        elif status is Validity.NOT_YET and dates.effective_from is not None:
            if lang == "en":
                parts.append(f"{doc.doc_number} takes effect on {en_date(dates.effective_from)}")
            else:
                parts.append(f"{doc.doc_number}自{cn_date(dates.effective_from)}起施行,尚未生效")
    if not parts:
        return ""
    return f"Note: {'; '.join(parts)}." if lang == "en" else f"注意:{';'.join(parts)}。"


def expired_note(dates: DocumentDates, as_of: date | None, lang: str = "zh") -> str:
    """What a lead adds when the fact it states is of a policy that has expired by ``as_of`` ("" when it has not):
    "(该政策已失效)"; in English with the day it ended (" (the policy expired on 31 December 2023)"), which the
    answer's closing note would otherwise be the only one to say."""
    if as_of is None or dates.status(as_of) is not Validity.EXPIRED:
        return ""
    if lang != "en":
        return "(该政策已失效)"
    ended = f" on {en_date(dates.expires_on)}" if dates.expires_on is not None else ""
    return f" (the policy expired{ended})"
