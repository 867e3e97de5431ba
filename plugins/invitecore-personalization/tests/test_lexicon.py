"""The cue-phrase syntax and the one-pass scanner."""

from __future__ import annotations

import re

import pytest

from invitecore_personalization.lexicon import Scanner, compile_cues, compile_phrases, fold_text


def spans(phrases: list[str], text: str) -> dict[str, tuple[int, int]]:
    return compile_cues(phrases).first_spans(fold_text(text))


def test_whole_words_only() -> None:
    assert spans(["we met"], "so we met at PyData") == {"cue": (3, 9)}
    assert spans(["we met"], "we meter things") == {}
    assert spans(["met"], "unmet needs") == {}


def test_case_apostrophes_and_curly_quotes() -> None:
    assert spans(["i'm working on"], "IM WORKING ON it")
    assert spans(["i'm working on"], "I’m working on it")
    assert spans(["i'm working on"], "I'm working on it")


def test_alternatives_stems_and_gaps() -> None:
    assert spans(["your/ur post/talk"], "loved ur talk")
    assert spans(["mutual connection*"], "we have mutual connections") == {"cue": (8, 26)}
    text = "I read your long and detailed post"
    found = spans(["your * post"], text)
    assert text[slice(*found["cue"])] == "your long and detailed post"
    assert spans(["your * post"], "your very long and detailed post") == {}  # at most 3 words


def test_phrases_do_not_span_clauses() -> None:
    assert spans(["catch up with"], "let's catch up with Dana")
    assert spans(["catch up with"], "let's catch up. with Dana") == {}


def test_raw_entries_start_at_word_starts() -> None:
    found = spans([r"re:i(?:'?m| am)\b[^.!?\n]{0,60}\btoo\b"], "Hi! I'm a PM too.")
    assert found == {"cue": (4, 16)}


def test_bad_raw_entry_raises() -> None:
    with pytest.raises(re.error):
        compile_cues(["re:("])


def test_tags_overlap_and_first_span_wins() -> None:
    scanner = Scanner({"a": ["compare notes"], "b": ["love to compare notes", "notes"]})
    text = "i'd love to compare notes, notes"
    assert scanner.first_spans(fold_text(text)) == {"b": (4, 25), "a": (12, 25)}


def test_empty_lists_match_nothing() -> None:
    assert Scanner({}).first_spans("anything") == {}
    assert spans([], "anything") == {}


def test_fold_keeps_length() -> None:
    for text in ["İstanbul’s “quotes”", "ß straße", "plain"]:
        assert len(fold_text(text)) == len(text)


def test_the_regex_of_a_list_is_its_trie_written_out() -> None:
    # Pinned: building the trie (runs of single characters are written out in a loop) must
    # give exactly this regex, so a faster build cannot change what any note matches.
    phrases = ["happy to share", "happy to help", "we met", "connection*", "your * post/talk",
               "i'm a", "e-mail me"]
    assert compile_phrases(phrases).pattern == (
        r" (?:(?:happy\s+to\s+(?:share|help)|we\s+met|connection\w{0,20}"
        r"|your\s+(?:\S{1,30}\s+){0,3}(?:post|talk)|i'?m\s+a|e\-mail\s+me)(?!\w))"
    )
