"""The ``html`` format: one self-contained page a person opens in a browser, offline.

For a batch: summary cards (prospects, verdicts, camps, the expected "I don't know" answers
against the restriction level), charts as inline SVG (camps, a histogram of risk scores, the
weekly send plan), the batch checks' sections, and a table of prospects that sorts, filters
(camp, risk, verdict, finding code, free text) and pages; a row opens to show the evidence
highlighted in the headline and about text, the note as sent with each finding's words
highlighted, the fixes, the verdict's reason, the risk factors and the advice. A single case
gets the same sections for one person, its row open.

Safety: everything taken from input reaches the page either escaped by :func:`html.escape`
(the summary, charts and sections, written here) or as JSON data inside a
``<script type="application/json">`` element with every ``<`` written as ``\\u003c`` (so the
data cannot close the element), which the page's own script puts into the DOM with
``textContent`` only. Profile links are kept only when they are ``http(s)``. A Content Security
Policy allows nothing but the page's own style and script (by hash): no network, no other
script, even if something slipped through.

Size: rows are written as they arrive (memory stays flat); strings that repeat from row to row
(finding messages, fixes, labels, reasons) are written once and referred to by number after.
"""

from __future__ import annotations

import base64
import hashlib
import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from html import escape
from importlib import resources
from typing import IO, Any

import orjson

from invitecore.models import Verdict
from invitecore.output import FormatOptions
from invitecore.results import CaseResult
from invitecore.summary import Summary

__all__ = ["PAGE_SIZE", "HtmlWriter", "row_data"]

PAGE_SIZE = 50

CAMPS = {
    "open_networker": ("Open networker", "var(--open)"),
    "in_between": ("In between", "#6e7781"),
    "selective_connector": ("Selective connector", "var(--selective)"),
    "unknown": ("Unknown", "#afb8c1"),
}
VERDICTS = {
    "send": ("Send", "var(--send)"),
    "revise": ("Revise", "var(--revise)"),
    "warm_up": ("Warm up first", "var(--warm)"),
    "do_not_send": ("Do not send", "var(--drop)"),
    "already_connected": ("Already connected", "var(--connected)"),
}
LEVELS = {"low": "var(--low)", "medium": "var(--medium)", "high": "var(--high)"}

_LABELS = {
    "verdicts": {key: label for key, (label, _) in VERDICTS.items()},
    "camps": {key: label for key, (label, _) in CAMPS.items()},
    "columns": {"risk": "Risk", "camp": "Camp", "findings": "Findings", "fix": "Top fix"},
    "unreadable": "Unreadable",
    "error": "Could not be read",
    "why": "Verdict",
    "note": "Note as sent",
    "noNote": "(no note)",
    "relationship": "Relationship",
    "findings": "Findings and fixes",
    "noFindings": "No problems found in the note.",
    "fix": "Fix",
    "evidence": "Profile evidence",
    "confidence": "confidence",
    "headline": "Headline",
    "about": "About",
    "none": "(empty)",
    "otherEvidence": "Other evidence",
    "noEvidence": "No evidence either way: treat a stranger as selective.",
    "openProfile": "Open the profile",
    "risk": "Risk",
    "noFactors": "No risk factors.",
    "next": "Next steps",
    "pluginErrors": "Plugin errors",
    "noMatch": "No prospect matches these filters.",
    "showing": "Showing {shown} of {total}",
    "filteredFrom": "(filtered from {all})",
    "page": "Page {page} of {pages}",
}

_SAFE_URL = re.compile(r"https?://[^\s\"'<>`\\]+\Z", re.IGNORECASE)
# Distinct repeated strings remembered for reuse before the table starts afresh.
_STRING_LIMIT = 200_000


def _asset(name: str) -> str:
    return resources.files("invitecore.builtin").joinpath(name).read_text(encoding="utf-8")


def _hash(text: str) -> str:
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


class _Assets:
    """The stylesheet and script, read once, with the policy that allows exactly them."""

    _loaded: tuple[str, str, str] | None = None

    @classmethod
    def get(cls) -> tuple[str, str, str]:
        if cls._loaded is None:
            css, js = _asset("report.css"), _asset("report.js")
            policy = (
                "default-src 'none'; "
                f"style-src {_hash(css)}; script-src {_hash(js)}; "
                "img-src data:; base-uri 'none'; form-action 'none'"
            )
            cls._loaded = (css, js, policy)
        return cls._loaded


class _Strings:
    """Writes a repeated string once: new strings go out as text, known ones as their number
    (the page decodes them in the same order). Bounded: past ``limit`` distinct strings it
    forgets them all and starts again, with numbering that keeps counting."""

    def __init__(self, limit: int = _STRING_LIMIT) -> None:
        self.known: dict[str, int] = {}
        self.count = 0
        self.limit = limit

    def __call__(self, text: str | None) -> str | int | None:
        if text is None:
            return None
        index = self.known.get(text)
        if index is not None:
            return index
        if len(self.known) >= self.limit:
            self.known.clear()
        self.known[text] = self.count
        self.count += 1
        return text


def safe_url(url: str | None) -> str:
    """``url`` when it is an http(s) address; "" otherwise (``javascript:`` and the like)."""
    if not url:
        return ""
    url = url.strip()
    return url if _SAFE_URL.match(url) else ""


def row_data(result: CaseResult, s: Any = None) -> list[Any]:
    """One result as the page's data row (a JSON array; see report.js for the positions).

    ``s`` is the repeated-string table; without one every string is written out.
    """
    if s is None:
        s = _Strings()
    profile, invitation = result.profile, result.invitation
    classification, risk = result.classification, result.risk
    source = result.source
    headline = profile.headline if profile else None
    about = profile.about if profile else None
    signals = classification.signals if classification else ()
    other_fields = []
    if profile is not None:
        seen = set()
        for signal in signals:
            field = signal.field
            if field and signal.span and field not in ("headline", "about") and field not in seen:
                text = profile.field_text(field)
                if text:
                    seen.add(field)
                    other_fields.append((field, text))
    # Evaluated left to right: the order of ``s`` calls is the order the page decodes in.
    return [
        profile.name if profile else None,
        s(source.file) if source else None,
        source.line if source else None,
        safe_url(profile.url if profile else None),
        s(str(classification.camp)) if classification else None,
        round(classification.confidence, 4) if classification else None,
        round(risk.score, 2) if risk else None,
        s(str(risk.level)) if risk else None,
        s(str(result.verdict)) if result.verdict is not None else None,
        s(result.reason.text) if result.reason else None,
        [
            [
                s(f.code),
                s(str(f.severity or "warning")),
                s(f.message),
                s(f.suggestion),
                *(f.span if f.span is not None and f.field == "note" else (None, None)),
            ]
            for f in result.findings
        ],
        invitation.note if invitation else "",
        headline,
        about,
        [[s(field), text] for field, text in other_fields],
        [
            [
                s(sig.code),
                s(str(sig.camp)),
                s(sig.label),
                s(sig.field),
                *(sig.span if sig.span is not None else (None, None)),
            ]
            for sig in signals
        ],
        [[s(f.code), round(f.points, 2), s(f.reason)] for f in (risk.factors if risk else ())],
        [s(a.text) for a in result.advice],
        [f"{e.plugin} failed in {e.hook}: {e.message}" for e in result.errors],
        result.input_error,
        s(str(invitation.relationship)) if invitation else None,
        result.id,
    ]


def _json(value: Any) -> str:
    """JSON that is safe inside a ``<script>`` element: no ``<`` can end it early."""
    return orjson.dumps(value).decode("utf-8").replace("<", "\\u003c")


class HtmlWriter:
    """Writes the page's head and the table's rows as results come, the rest at the end.

    The summary, charts and sections are written after the rows (they need the whole run) and
    shown above the table by the stylesheet's ``order``.
    """

    def __init__(self, stream: IO[str], options: FormatOptions) -> None:
        self.stream = stream
        self.options = options
        self.strings = _Strings()
        self.count = 0
        self.first: CaseResult | None = None
        # Risk histogram: ten bins of ten points, each split by level.
        self.bins: list[Counter[str]] = [Counter() for _ in range(10)]
        self.codes: Counter[str] = Counter()
        self.no_findings = 0
        self.camp_verdicts: dict[str, Counter[str]] = {}
        css, _, policy = _Assets.get()
        stream.write(
            '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{policy}">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="referrer" content="no-referrer">\n'
            "<title>invitecore report</title>\n"
            f'<style>{css}</style>\n</head>\n<body>\n<div class="page">\n'
            '<script type="application/json" id="ic-rows">['
        )

    def write(self, result: CaseResult) -> None:
        """Write one prospect's data row and count it for the charts and filters."""
        text = _json(row_data(result, self.strings))
        self.stream.write(("," if self.count else "") + text + "\n")
        if self.count == 0:
            self.first = result
        self.count += 1
        if result.risk is not None:
            index = min(9, max(0, int(result.risk.score // 10)))
            self.bins[index][str(result.risk.level)] += 1
        if result.classification is not None and result.verdict is not None:
            camp = str(result.classification.camp)
            self.camp_verdicts.setdefault(camp, Counter())[str(result.verdict)] += 1
        if result.input_error is None and result.verdict is not Verdict.ALREADY_CONNECTED:
            codes = {f.code for f in result.findings}
            self.codes.update(codes)
            self.no_findings += not codes

    def close(self, summary: Summary) -> None:
        """Write the summary, charts, sections, table and script."""
        _, js, _ = _Assets.get()
        single = self.count == 1 and self.first is not None
        out = self.stream
        out.write("]</script>\n")
        people = f"{summary.cases:,} prospect{'s' if summary.cases != 1 else ''}"
        title = "invitecore report"
        if single and self.first is not None and self.first.profile is not None:
            title = f"invitecore report: {self.first.profile.name}"
        out.write(
            f"<header><h1>{escape(title)}</h1>"
            f'<p class="sub">{escape(people)}'
            + (
                f" &middot; {escape(self.options.plugins_hint)}"
                if self.options.plugins_hint
                else ""
            )
            + "</p></header>\n"
        )
        plan = summary.sections.get("send_plan")
        plan = plan if isinstance(plan, Mapping) else {}
        if single and self.first is not None:
            out.write(_person_cards(self.first, plan))
            out.write(_person_charts(self.first, plan))
        else:
            out.write(_cards(summary, plan))
            out.write(_charts(summary, plan, self.bins, self.camp_verdicts))
        out.write(_sections(summary, single))
        out.write(self._table(summary, single))
        version = escape(self.options.version or "")
        out.write(
            f"<footer>Made by invitecore {version}. This file is self-contained: it works "
            "offline and loads nothing from the network.</footer>\n"
        )
        meta = {"pageSize": PAGE_SIZE, "single": single, "labels": _LABELS}
        out.write(f'<script type="application/json" id="ic-meta">{_json(meta)}</script>\n')
        out.write(f"<script>{js}</script>\n</div>\n</body>\n</html>\n")

    def _table(self, summary: Summary, single: bool) -> str:
        def options(pairs: Iterable[tuple[str, str]]) -> str:
            return "".join(
                f'<option value="{escape(value)}">{escape(label)}</option>'
                for value, label in pairs
            )

        camps = [
            (c, f"{CAMPS.get(c, (c,))[0]} ({n:,})") for c, n in _ordered(summary.by_camp, CAMPS)
        ]
        verdicts = [
            (v, f"{VERDICTS.get(v, (v,))[0]} ({n:,})")
            for v, n in _ordered(summary.by_verdict, VERDICTS)
        ]
        if summary.input_errors:
            verdicts.append(("unreadable", f"Unreadable ({summary.input_errors:,})"))
        risks = [(level, level) for level in LEVELS]
        bins = [(f"bin:{i}", _bin_label(i)) for i in range(10) if sum(self.bins[i].values())]
        codes = [(code, f"{code} ({n:,})") for code, n in sorted(self.codes.items())]
        if self.no_findings:
            codes.insert(0, ("-none-", f"no findings ({self.no_findings:,})"))
        hidden = " hidden" if single else ""
        sort_options = options(
            [
                ("", "Input order"),
                ("risk:desc", "Risk, highest first"),
                ("risk:asc", "Risk, lowest first"),
                ("verdict:asc", "Verdict, most serious first"),
                ("name:asc", "Name, A to Z"),
                ("camp:asc", "Camp"),
                ("findings:desc", "Most findings first"),
            ]
        )
        head = "".join(_header(key, label) for key, label in _COLUMNS)
        return (
            '<section id="prospects" class="panel">\n'
            f"<h2>{'Prospect' if single else 'Prospects'}</h2>\n"
            f'<div class="controls"{hidden}>'
            '<label class="search">Search<input type="search" id="ic-q" '
            'placeholder="Name, headline, note" autocomplete="off"></label>'
            f'<label>Camp<select id="ic-camp"><option value="">Any</option>{options(camps)}'
            "</select></label>"
            f'<label>Verdict<select id="ic-verdict"><option value="">Any</option>'
            f"{options(verdicts)}</select></label>"
            f'<label>Risk<select id="ic-risk"><option value="">Any</option>'
            f'<optgroup label="Level">{options(risks)}</optgroup>'
            f'<optgroup label="Score">{options(bins)}</optgroup></select></label>'
            f'<label>Finding<select id="ic-code"><option value="">Any</option>{options(codes)}'
            "</select></label>"
            f'<label>Sort<select id="ic-sort">{sort_options}</select></label>'
            '<label>Rows<select id="ic-size"><option>25</option><option selected>50</option>'
            "<option>100</option><option>250</option></select></label>"
            '<button type="button" id="ic-reset">Clear</button>'
            "</div>\n"
            f'<p class="count" id="ic-count"{hidden}></p>\n'
            f'<table id="ic-table"><thead><tr>{head}</tr></thead>'
            '<tbody id="ic-tbody"></tbody></table>\n'
            "<noscript><p>The prospect table needs JavaScript; the summary and charts above "
            "work without it. The json and csv formats have every row.</p></noscript>\n"
            f'<div class="pager"{hidden}><span class="count" id="ic-page"></span>'
            '<button type="button" id="ic-prev">Previous</button>'
            '<button type="button" id="ic-next">Next</button></div>\n'
            "</section>\n"
        )


_COLUMNS = (
    ("name", "Prospect"),
    ("verdict", "Verdict"),
    ("risk", "Risk"),
    ("camp", "Camp"),
    ("findings", "Findings"),
    ("", "Top fix"),
)


def _header(key: str, label: str) -> str:
    if not key:
        return f'<th scope="col">{label}</th>'
    return (
        f'<th scope="col" data-sort="{key}" aria-sort="none">'
        f'<button type="button">{label}</button></th>'
    )


# -- summary cards -----------------------------------------------------------------------------


def _ordered(counts: Mapping[str, int], known: Mapping[str, Any]) -> list[tuple[str, int]]:
    order = {key: index for index, key in enumerate(known)}
    return sorted(counts.items(), key=lambda kv: (order.get(kv[0], len(order)), kv[0]))


def _legend_list(counts: Mapping[str, int], known: Mapping[str, tuple[str, str]]) -> str:
    items = []
    for key, count in _ordered(counts, known):
        label, color = known.get(key, (key.replace("_", " "), "#afb8c1"))
        items.append(f"<li><span>{_dot(color)}{escape(label)}</span><span>{count:,}</span></li>")
    return "<ul>" + "".join(items) + "</ul>"


def _dot(color: str) -> str:
    """A coloured dot for a legend (an SVG: the page's policy allows no style attributes)."""
    return (
        '<svg class="dot" width="9" height="9" viewBox="0 0 9 9" aria-hidden="true">'
        f'<circle cx="4.5" cy="4.5" r="4.5" fill="{color}"/></svg>'
    )


def _stacked_bar(counts: Mapping[str, int], known: Mapping[str, tuple[str, str]]) -> str:
    total = sum(counts.values())
    if not total:
        return ""
    x = 0.0
    parts = []
    for key, count in _ordered(counts, known):
        width = 200 * count / total
        color = known.get(key, ("", "#afb8c1"))[1]
        parts.append(
            f'<rect x="{x:.2f}" y="0" width="{width:.2f}" height="10" fill="{color}">'
            f"<title>{escape(key)}: {count:,}</title></rect>"
        )
        x += width
    return (
        '<svg viewBox="0 0 200 10" preserveAspectRatio="none" width="100%" height="10" '
        f'role="img" aria-label="share of each">{"".join(parts)}</svg>'
    )


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'s' if count != 1 else ''}"


def _number(value: Any) -> float | None:
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def _idk_card(plan: Mapping[str, Any]) -> str:
    expected = _number(plan.get("expected_idk_responses"))
    threshold = _number(plan.get("restriction_threshold"))
    if expected is None or threshold is None:
        return ""
    weekly = [
        w for w in (_number(v) for v in plan.get("expected_idk_by_week", ())) if w is not None
    ]
    worst = max(weekly) if weekly else 0.0
    over = expected >= threshold
    share = min(1.0, expected / threshold) if threshold else 1.0
    color = "var(--drop)" if over else ("var(--medium)" if share >= 0.6 else "var(--send)")
    meter = (
        '<svg viewBox="0 0 200 10" preserveAspectRatio="none" width="100%" height="10" role="img" '
        f'aria-label="{expected:g} of {threshold:g}">'
        '<rect x="0" y="0" width="200" height="10" rx="3" fill="var(--soft)"/>'
        f'<rect x="0" y="0" width="{200 * share:.2f}" height="10" rx="3" fill="{color}"/></svg>'
    )
    status = (
        "At or above that level: warm up or drop the riskiest prospects first"
        if over
        else "Below that level"
    )
    return (
        f'<div class="card wide-phone{" alert" if over else " ok"}" id="ic-idk">'
        "<h3>Expected &ldquo;I don&rsquo;t know&rdquo;</h3>"
        f'<div class="big">{expected:g} <small>of {threshold:g}</small></div>{meter}'
        f"<p>answers expected over the plan; LinkedIn may restrict an account at about "
        f"{threshold:g}. {escape(status)}; the riskiest week expects {worst:g}.</p>"
        "</div>"
    )


def _cards(summary: Summary, plan: Mapping[str, Any]) -> str:
    cards = []
    sub = []
    if summary.input_errors:
        sub.append(f"{summary.input_errors:,} could not be read")
    duplicates = summary.sections.get("duplicates")
    if isinstance(duplicates, Mapping) and _number(duplicates.get("count")):
        sub.append(f"{int(duplicates['count']):,} repeat an earlier row")
    if summary.plugin_errors:
        sub.append(f"{summary.plugin_errors:,} plugin errors")
    cards.append(
        '<div class="card" id="ic-prospects"><h3>Prospects</h3>'
        f'<div class="big">{summary.cases:,}</div>'
        f"<p>{escape('; '.join(sub) or 'every row was read')}</p></div>"
    )
    if plan:
        invitable = int(_number(plan.get("invitable")) or 0)
        weeks = int(_number(plan.get("weeks")) or 0)
        limit = int(_number(plan.get("weekly_limit")) or 0)
        cards.append(
            '<div class="card"><h3>Send plan</h3>'
            f'<div class="big">{invitable:,} <small>to invite</small></div>'
            f"<p>over {weeks:,} week{'s' if weeks != 1 else ''} at {limit:,} a week, lowest "
            "risk first</p></div>"
        )
    cards.append(
        '<div class="card wide-phone"><h3>Verdicts</h3>'
        f"{_stacked_bar(summary.by_verdict, VERDICTS)}{_legend_list(summary.by_verdict, VERDICTS)}"
        "</div>"
    )
    cards.append(
        '<div class="card wide-phone"><h3>Camps</h3>'
        f"{_stacked_bar(summary.by_camp, CAMPS)}{_legend_list(summary.by_camp, CAMPS)}</div>"
    )
    cards.append(_idk_card(plan))
    return (
        '<section id="summary" aria-label="Summary">'
        f'<div class="cards">{"".join(cards)}</div>{_warnings(summary)}</section>\n'
    )


def _has_warnings(section: Any) -> bool:
    return isinstance(section, Mapping) and bool(section.get("warnings"))


def _warnings(summary: Summary) -> str:
    found: list[str] = []
    for section in summary.sections.values():
        if isinstance(section, Mapping):
            found.extend(str(w) for w in section.get("warnings", ()) or ())
    if not found:
        return ""
    return (
        '<div class="warnings" role="alert">'
        + "".join(f"<p>&#9888; {escape(w)}</p>" for w in found)
        + "</div>"
    )


def _person_cards(result: CaseResult, plan: Mapping[str, Any]) -> str:
    cards = []
    if result.input_error is not None:
        cards.append(
            '<div class="card wide-phone"><h3>Could not be read</h3>'
            f"<p>{escape(result.input_error)}</p></div>"
        )
    else:
        verdict = str(result.verdict) if result.verdict is not None else ""
        label, _ = VERDICTS.get(verdict, (verdict, ""))
        reason = result.reason.text if result.reason else ""
        cards.append(
            '<div class="card wide-phone"><h3>Verdict</h3>'
            f'<div class="big"><span class="badge {escape(verdict)}">{escape(label)}</span></div>'
            f"<p>{escape(reason)}</p></div>"
        )
        if result.risk is not None:
            cards.append(
                '<div class="card"><h3>Risk</h3>'
                f'<div class="big">{result.risk.score:g} <small>/ 100, '
                f"{escape(str(result.risk.level))}</small></div>"
                f"<p>{_plural(len(result.risk.factors), 'factor')}</p></div>"
            )
        if result.classification is not None:
            camp = str(result.classification.camp)
            cards.append(
                '<div class="card"><h3>Camp</h3>'
                f'<div class="big"><small>{escape(CAMPS.get(camp, (camp,))[0])}</small></div>'
                f"<p>confidence {result.classification.confidence:.2f}, "
                f"{len(result.classification.signals)} signal"
                f"{'s' if len(result.classification.signals) != 1 else ''}</p></div>"
            )
        count = len(result.findings)
        cards.append(
            '<div class="card wide-phone"><h3>Findings</h3>'
            f'<div class="big">{count}</div><p>'
            + escape(", ".join(sorted({f.code for f in result.findings})) or "none in the note")
            + "</p></div>"
        )
    cards.append(_idk_card(plan))
    return (
        '<section id="summary" aria-label="Summary">'
        f'<div class="cards">{"".join(cards)}</div></section>\n'
    )


# -- charts ------------------------------------------------------------------------------------

_W = 420  # every chart's viewBox width: readable at a third of a laptop screen and on a phone


def _chart(title: str, svg: str, caption: str = "", legend: str = "") -> str:
    return (
        f'<div class="panel chart"><h3>{escape(title)}</h3>{svg}{legend}'
        + (f'<p class="caption">{escape(caption)}</p>' if caption else "")
        + "</div>"
    )


Segment = tuple[float, str, str]
"""One part of a bar: its value, colour and tooltip."""


def _bars(
    items: Sequence[tuple[str, Sequence[Segment], str | None]],
    *,
    filter_key: str | None = None,
    labels_above: bool = False,
) -> str:
    """Horizontal bars, each ``(label, segments, filter value)``; the segments stack. With
    ``labels_above`` each label has the width of the chart, on a line of its own."""
    row = 44 if labels_above else 30
    label_w = 0 if labels_above else 150
    plot = _W - label_w - 60  # room for the value after the longest bar (56,725)
    top = max((sum(v for v, _, _ in segments) for _, segments, _ in items), default=0) or 1
    parts = []
    for index, (label, segments, filter_value) in enumerate(items):
        y = index * row
        total = sum(v for v, _, _ in segments)
        attrs = ""
        if filter_key and filter_value is not None:
            attrs = (
                f' class="clickable" tabindex="0" role="button" data-filter="{filter_key}" '
                f'data-value="{escape(filter_value)}"'
            )
        rects = []
        x = float(label_w)
        bar_y = y + 20 if labels_above else y + 6
        for value, color, tip in segments:
            width = plot * value / top
            rects.append(
                f'<rect x="{x:.2f}" y="{bar_y}" width="{max(width, 1.5):.2f}" height="18" '
                f'fill="{color}"><title>{escape(tip)}</title></rect>'
            )
            x += width
        if labels_above:
            text = f'<text class="label" x="0" y="{y + 14}">{escape(label)}</text>'
        else:
            text = (
                f'<text class="label" x="{label_w - 8}" y="{y + 19}" text-anchor="end">'
                f"{escape(label)}</text>"
            )
        parts.append(
            f"<g{attrs}>{text}"
            + "".join(rects)
            + f'<text class="value" x="{x + 6:.2f}" y="{bar_y + 13}">{total:,g}</text></g>'
        )
    height = max(row * len(items), row)
    return (
        f'<svg viewBox="0 0 {_W} {height}" role="img" aria-label="bar chart">'
        + "".join(parts)
        + "</svg>"
    )


def _verdict(key: str) -> str:
    return VERDICTS.get(key, (key.replace("_", " "),))[0].lower()


def _bin_label(index: int) -> str:
    return f"{index * 10}\u2013{index * 10 + 9}" if index < 9 else "90\u2013100"


def _histogram(bins: Sequence[Counter[str]]) -> str:
    height, bottom, left = 200, 24, 42
    plot_h = height - bottom - 10
    plot_w = _W - left - 6
    top = max((sum(b.values()) for b in bins), default=0)
    scale = _nice(top)
    slot = plot_w / len(bins)
    parts = [_y_axis(scale, left, plot_h, 10)]
    for index, counts in enumerate(bins):
        x = left + index * slot + 3
        y = 10.0 + plot_h
        total = sum(counts.values())
        group = []
        for level in LEVELS:
            count = counts.get(level, 0)
            if not count:
                continue
            h = plot_h * count / scale
            y -= h
            group.append(
                f'<rect x="{x:.2f}" y="{y:.2f}" width="{slot - 6:.2f}" height="{h:.2f}" '
                f'fill="{LEVELS[level]}"/>'
            )
        label = _bin_label(index)
        attrs = (
            f' class="clickable" tabindex="0" role="button" data-filter="risk" '
            f'data-value="bin:{index}"'
            if total
            else ""
        )
        parts.append(
            f"<g{attrs}><title>risk {label}: {total:,} prospects</title>"
            f'<rect x="{x - 3:.2f}" y="10" width="{slot:.2f}" height="{plot_h}" '
            'fill="transparent"/>'
            + "".join(group)
            + f'<text class="tick" x="{x + (slot - 6) / 2:.2f}" y="{height - 8}" '
            f'text-anchor="middle">{index * 10}</text></g>'
        )
    return (
        f'<svg viewBox="0 0 {_W} {height}" role="img" aria-label="histogram of risk scores">'
        + "".join(parts)
        + "</svg>"
    )


def _nice(value: float) -> float:
    """A round number at or above ``value`` for an axis's top."""
    if value <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if step * power >= value:
            return float(step * power)
    return float(10 * power)


def _tick(value: float) -> str:
    """An axis label that fits the margin: 12,500 as 12.5k."""
    if value >= 1_000_000:
        return f"{value / 1_000_000:g}M"
    if value >= 1_000:
        return f"{value / 1_000:g}k"
    return f"{value:g}"


def _y_axis(scale: float, left: float, plot_h: float, top: float) -> str:
    parts = []
    for step in range(5):
        value = scale * step / 4
        y = top + plot_h - plot_h * step / 4
        parts.append(
            f'<line class="axis" x1="{left}" x2="{_W - 4}" y1="{y:.2f}" y2="{y:.2f}"/>'
            f'<text class="tick" x="{left - 4}" y="{y + 4:.2f}" text-anchor="end">'
            f"{_tick(value)}</text>"
        )
    return "".join(parts)


def _level_legend() -> str:
    return (
        '<div class="legend">'
        + "".join(f"<span>{_dot(color)}{level}</span>" for level, color in LEVELS.items())
        + "</div>"
    )


def _plan_chart(plan: Mapping[str, Any]) -> str:
    weekly = [
        w for w in (_number(v) for v in plan.get("expected_idk_by_week", ()) or ()) if w is not None
    ]
    threshold = _number(plan.get("restriction_threshold"))
    limit = int(_number(plan.get("weekly_limit")) or 0)
    invitable = int(_number(plan.get("invitable")) or 0)
    if not weekly:
        return _chart("Weekly send plan", '<p class="muted">Nobody to invite.</p>')
    height, bottom, left = 200, 24, 42
    plot_h = height - bottom - 10
    plot_w = _W - left - 6
    scale = _nice(max(max(weekly), threshold or 0) * 1.1)
    slot = plot_w / len(weekly)
    gap = min(4.0, slot * 0.2)
    parts = [_y_axis(scale, left, plot_h, 10)]
    every = max(1, math.ceil(len(weekly) / 12))
    for index, value in enumerate(weekly):
        sent = min(limit, invitable - limit * index) if limit else 0
        x = left + index * slot + gap / 2
        h = plot_h * value / scale
        over = threshold is not None and value >= threshold
        color = "var(--drop)" if over else "var(--accent)"
        parts.append(
            f"<g><title>week {index + 1}: {sent:,} invitations, about {value:g} "
            f"&ldquo;I don&rsquo;t know&rdquo; answers expected</title>"
            f'<rect x="{x:.2f}" y="{10 + plot_h - h:.2f}" width="{max(slot - gap, 0.6):.2f}" '
            f'height="{max(h, 0.8):.2f}" fill="{color}"/></g>'
        )
        middle = x + (slot - gap) / 2
        if len(weekly) <= 12:
            # Few weeks: each bar says its value, and its week how many go out.
            parts.append(
                f'<text class="value" x="{middle:.2f}" y="{10 + plot_h - h - 5:.2f}" '
                f'text-anchor="middle">{value:g}</text>'
            )
        if index % every == 0:
            tick = f"week {index + 1}: {sent:,} sent" if len(weekly) <= 3 else str(index + 1)
            parts.append(
                f'<text class="tick" x="{middle:.2f}" y="{height - 8}" '
                f'text-anchor="middle">{tick}</text>'
            )
    if threshold is not None:
        y = 10 + plot_h - plot_h * threshold / scale
        parts.append(
            f'<line class="threshold" x1="{left}" x2="{_W - 4}" y1="{y:.2f}" y2="{y:.2f}"/>'
            f'<text class="tick" x="{_W - 6}" y="{y - 4:.2f}" text-anchor="end">'
            f"restriction level {threshold:g}</text>"
        )
    svg = (
        f'<svg viewBox="0 0 {_W} {height}" role="img" aria-label="weekly send plan">'
        + "".join(parts)
        + "</svg>"
    )
    caption = (
        f"Expected \u201cI don\u2019t know\u201d answers per week, {invitable:,} invitations at "
        f"{limit:,} a week, lowest risk first. Weeks along the bottom."
    )
    return _chart("Weekly send plan", svg, caption)


def _charts(
    summary: Summary,
    plan: Mapping[str, Any],
    bins: Sequence[Counter[str]],
    camp_verdicts: Mapping[str, Counter[str]],
) -> str:
    camps = []
    for camp, count in _ordered(summary.by_camp, CAMPS):
        label = CAMPS.get(camp, (camp.replace("_", " "),))[0]
        verdicts = camp_verdicts.get(camp, Counter())
        segments: list[Segment] = [
            (float(n), VERDICTS.get(v, ("", "#afb8c1"))[1], f"{label}: {n:,} {_verdict(v)}")
            for v, n in _ordered(verdicts, VERDICTS)
        ]
        camps.append((label, segments or [(float(count), "#afb8c1", label)], camp))
    legend = (
        '<div class="legend">'
        + "".join(
            f"<span>{_dot(color)}{escape(label)}</span>"
            for key, (label, color) in VERDICTS.items()
            if key in summary.by_verdict
        )
        + "</div>"
    )
    charts = [
        _chart(
            "Camps",
            _bars(camps, filter_key="camp"),
            "How each prospect connects, from the evidence in their profile, coloured by "
            "verdict. Click a bar to list them.",
            legend,
        ),
        _chart(
            "Risk scores",
            _histogram(bins),
            "Prospects by risk score (0 to 100). Click a bar to list them.",
            _level_legend(),
        ),
        _plan_chart(plan),
    ]
    return f'<section id="charts" class="charts" aria-label="Charts">{"".join(charts)}</section>\n'


def _short(text: str, limit: int = 22) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "\u2026"


def _person_charts(result: CaseResult, plan: Mapping[str, Any]) -> str:
    charts = []
    signals = result.classification.signals if result.classification else ()
    if signals:
        items = [
            (
                _short(f"{s.code} {s.label}", 60),
                [
                    (
                        round(s.weight, 2),
                        "var(--open)" if str(s.camp) == "open" else "var(--selective)",
                        f"{s.code}: {s.label} ({s.camp}, weight {s.weight:g})",
                    )
                ],
                None,
            )
            for s in signals
        ]
        charts.append(
            _chart(
                "Camp evidence",
                _bars(items, labels_above=True),
                "Each signal's weight (1 is conclusive on its own); blue for open, purple for "
                "selective.",
            )
        )
    factors = result.risk.factors if result.risk else ()
    if factors:
        ranked = sorted(factors, key=lambda f: -f.points)
        items = [
            (
                _short(f"{f.code} {f.reason}", 60),
                [
                    (
                        abs(round(f.points, 2)),
                        "var(--drop)" if f.points > 0 else "var(--send)",
                        f"{f.code}: {f.points:+g} {f.reason}",
                    )
                ],
                None,
            )
            for f in ranked
        ]
        charts.append(
            _chart(
                "Risk scorecard",
                _bars(items, labels_above=True),
                "Points each factor adds (red) or takes away (green); the score is their sum, "
                "kept within 0 to 100.",
            )
        )
    charts.append(_plan_chart(plan))
    return f'<section id="charts" class="charts" aria-label="Charts">{"".join(charts)}</section>\n'


# -- batch-check sections ----------------------------------------------------------------------


def _sections(summary: Summary, single: bool = False) -> str:
    parts = []
    for name, section in summary.sections.items():
        if single and name != "send_plan" and not _has_warnings(section):
            continue  # "every note is different" says nothing about one person
        title = escape(name.replace("_", " ").capitalize())
        if not isinstance(section, Mapping):
            parts.append(
                f'<details class="section"><summary>{title} <span>{escape(str(section))}'
                "</span></summary></details>"
            )
            continue
        headline = escape(str(section.get("headline") or ""))
        lines = [str(line) for line in section.get("lines", ()) or ()]
        warnings = [str(w) for w in section.get("warnings", ()) or ()]
        body = "".join(f"<li>&#9888; {escape(w)}</li>" for w in warnings)
        body += "".join(f"<li>{escape(line)}</li>" for line in lines)
        is_open = " open" if name == "send_plan" else ""
        parts.append(
            f'<details class="section"{is_open}><summary>{title}: <span>{headline}</span>'
            f"</summary>{f'<ul>{body}</ul>' if body else ''}</details>"
        )
    if not parts:
        return ""
    return f'<section id="sections" aria-label="Batch checks">{"".join(parts)}</section>\n'
