"""Property tests: spans are exact evidence, and any text is scanned in linear time."""

from __future__ import annotations

import re
from collections.abc import Callable

from conftest import make_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from invitecore import Invitation, Profile
from invitecore.testing import assert_linear_time
from invitecore_email_headline import plugin
from invitecore_email_headline.detect import finder_for

FINDER = finder_for(make_settings())

# Pieces that make addresses, obfuscations, company forms and refusals likely to appear.
FRAGMENTS = [
    "jane", "Doe", "j.doe", "x_1", "a-b", "+li", "42", "@", "\uff20", " @ ", " at ", "AT", "at",
    "[at]", "(at)", "{ at }", "<at>", ".", " . ", " dot ", "[dot]", "(DOT)", "example", "com",
    "org", "co", "uk", "Product", "Sales", "Marketing", "me", "Find", " ", "  ", "\t", "\n",
    "\u00a0", "-", "_", "..", ";", "!", "?", "(", ")", "Do not contact", "don’t email",
    "x" * 70, "a." * 20,
    # Letters whose lower case is longer ("İ"), or that a case-insensitive Unicode class takes
    # for ASCII ones (the dotless "ı", the long "ſ", the Kelvin sign "K").
    "\u0130", "\u0131", "\u017f", "\u212a",
]
texts = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=8), max_size=40).map("".join)


def _squeeze(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", text.lower())


def _is_subsequence(needle: str, haystack: str) -> bool:
    rest = iter(haystack)
    return all(char in rest for char in needle)


@settings(max_examples=600, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_spans_point_at_the_address_as_written(text: str) -> None:
    previous_end = 0
    for found in FINDER.find(text):
        assert previous_end <= found.start < found.end <= len(text)
        previous_end = found.end
        written = text[found.start : found.end]
        # The evidence holds the address's letters and digits, in order ...
        assert _is_subsequence(_squeeze(found.address), _squeeze(written))
        # ... and read on its own, the evidence is exactly that one address.
        [alone] = FINDER.find(written)
        assert (alone.address, alone.start, alone.end) == (found.address, 0, len(written))


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(headline=texts, about=texts, name=texts)
def test_signal_spans_are_exact(headline: str, about: str, name: str) -> None:
    profile = Profile(name=name, headline=headline, about=about)
    for signal in plugin.invitecore_profile_signals(profile=profile, settings=make_settings()):
        assert signal.field is not None
        assert signal.span is not None
        assert signal.value
        text = profile.field_text(signal.field)
        assert text is not None
        assert FINDER.find(text[signal.span[0] : signal.span[1]])[0].address == signal.value


# Text that cannot join an address it surrounds: any character outside ASCII (with those above
# among them), and blanks, line breaks and punctuation that end a word.
_surroundings = st.text(
    st.characters(min_codepoint=0x80, codec="utf-8")
    | st.sampled_from([" ", "\n", "|", ",", ":", "!", "(", ")", "\u0130", "\u212a"]),
    max_size=12,
)
_WRITTEN = [
    ("jane@example.com", "jane@example.com"),
    ("jane at example dot com", "jane@example.com"),
    ("JANE AT EXAMPLE DOT CO DOT UK", "jane@example.co.uk"),
    ("Jane.Doe [at] Example [dot] org", "jane.doe@example.org"),
    ("j_doe\uff20example.io", "j_doe@example.io"),
    ("jane @ example . com", "jane@example.com"),
    ("jane(at)example.com", "jane@example.com"),
]


@settings(max_examples=600)
@given(_surroundings, st.sampled_from(_WRITTEN), _surroundings)
def test_an_address_is_found_where_it_is_written_whatever_surrounds_it(
    before: str, written_address: tuple[str, str], after: str
) -> None:
    written, address = written_address
    text = f"{before} {written} {after}"
    start = len(before) + 1
    found = [(item.address, item.start, item.end) for item in FINDER.find(text)]
    assert found == [(address, start, start + len(written))]


# Blanks and the full-width "at" sign are the only characters outside ASCII an address may be
# written with; the letters, digits and dots of a found address are all ASCII.
_WRITTEN_CHARS = frozenset(map(chr, range(128))) | {"\u00a0", "\uff20"}


@settings(max_examples=600, suppress_health_check=[HealthCheck.too_slow])
@given(
    texts
    | st.builds(
        lambda written, position, char: written[:position] + char + written[position:],
        st.sampled_from([written for written, _ in _WRITTEN]),
        st.integers(0, 40),
        st.sampled_from(["\u0130", "\u0131", "\u017f", "\u212a"]) | st.characters(),
    )
)
def test_addresses_are_written_in_ascii(text: str) -> None:
    for found in FINDER.find(text):
        assert _WRITTEN_CHARS.issuperset(text[found.start : found.end])
        assert found.address.isascii()


_cased_letters = st.characters(min_codepoint=0x80, codec="utf-8").filter(
    lambda char: char.lower() != char.upper()
)


@settings(max_examples=300)
@given(st.sampled_from(_WRITTEN), _cased_letters, st.booleans())
def test_an_address_glued_to_a_cased_letter_outside_ascii_is_not_found(
    written_address: tuple[str, str], letter: str, before: bool
) -> None:
    written, _ = written_address
    assert FINDER.find(letter + written if before else written + letter) == []


def _assert_linear(make: Callable[[int], str], run: Callable[[str], object]) -> None:
    assert len(make(100_000)) >= 100_000
    assert_linear_time(make, run)


ADVERSARIAL_UNITS = [
    "@", "a@", "a.", "a@a.", " ", " @", "@ ", "a ", "a at ", " at ", "a dot ", "[at]", "a[at]",
    "a[dot]", ". ", "a . ", "x" * 63 + ".", "jane@example.com ", "jane at example dot com ",
    "Do not contact me at jane@example.com. ", "a-", "a_a.a+a@a-a.a ", "\uff20a.",
]


@settings(max_examples=len(ADVERSARIAL_UNITS), deadline=None)
@given(st.sampled_from(ADVERSARIAL_UNITS))
def test_adversarial_repetitions_scan_in_linear_time(unit: str) -> None:
    _assert_linear(lambda size: unit * (size // len(unit) + 1), FINDER.find)


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=12).map("".join))
def test_any_repeated_text_scans_in_linear_time(unit: str) -> None:
    _assert_linear(lambda size: unit * (size // len(unit) + 1), FINDER.find)


@settings(max_examples=10, deadline=None)
@given(st.sampled_from(["a@a.", "jane at example dot com ", "x" * 64 + "@", "a dot "]))
def test_hooks_on_100k_fields_run_in_linear_time(unit: str) -> None:
    defaults = make_settings()

    def profile_of(size: int) -> str:
        return unit * (size // len(unit) + 1)

    def run(text: str) -> object:
        profile = Profile(name=text[:200], headline=text, about=text, emails=(text[:300],))
        plugin.invitecore_profile_signals(profile=profile, settings=defaults)
        return plugin.invitecore_invitation_checks(
            invitation=Invitation(relationship="other", email=text),
            profile=profile,
            settings=defaults,
        )

    _assert_linear(profile_of, run)
