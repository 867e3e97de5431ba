"""Property tests: spans are exact evidence, and any text is scanned in linear time."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import make_settings
from invitecore import Invitation, Profile
from invitecore.testing import assert_linear_time
from invitecore_email_headline import plugin
from invitecore_email_headline.detect import finder_for
from invitecore_email_headline.letters import is_unspaced

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
    # Other scripts: letters, combining marks, scripts written without spaces, punctuation.
    "é", "e\u0301", "ñoñó", "юзер", "екзампл", "ком", "ιωάννης", "εεττ", "葉士豪", "臺網中心",
    "台灣", "邮箱", "谢谢", "राम", "मोहन", "ईन्फो", "محمد", "مثال", "«", "：", "。", "\u0964",
    "xn--fiqq24b10vi0d",
]
texts = st.lists(st.sampled_from(FRAGMENTS) | st.text(max_size=8), max_size=40).map("".join)


def _squeeze(text: str) -> str:
    # The ASCII letters and digits, once compatibility forms are folded (the Kelvin sign, the
    # long s, full-width letters): an address's normalised form keeps those of its writing.
    return re.sub(r"[^a-z0-9]", "", unicodedata.normalize("NFKC", text).lower())


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


# Text that cannot join an address it surrounds: punctuation, symbols and blanks, in and
# outside ASCII (letters, digits and marks of any script can: they are letters of the address).
_surroundings = st.text(
    st.characters(categories=("Pc", "Pd", "Ps", "Pe", "Pi", "Pf", "Po", "Sm", "Sc", "So", "Zs"))
    .filter(lambda char: char not in "@\uff20_%+-.[](){}<>" and char.isprintable())
    | st.sampled_from([" ", "\n", "|", ",", ":", "!", "(", ")"]),
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
    ("葉士豪@臺網中心.台灣", "葉士豪@臺網中心.台灣"),
    ("ЮЗЕР@екзампл.ком", "юзер@екзампл.ком"),
    ("ιωάννης [at] εεττ [dot] gr", "ιωάννης@εεττ.gr"),
    ("राम@मोहन.ईन्फो", "राम@मोहन.ईन्फो"),
    ("محمد [at] مثال [dot] مصر", "محمد@مثال.مصر"),
    ("juan.pérez at ejemplo dot es", "juan.pérez@ejemplo.es"),
]


@settings(max_examples=600)
@given(_surroundings, st.sampled_from(_WRITTEN), _surroundings)
def test_an_address_is_found_where_it_is_written_whatever_surrounds_it(
    before: str, written_address: tuple[str, str], after: str
) -> None:
    written, address = written_address
    for text, start in ((f"{before} {written} {after}", len(before) + 1),
                        (f"{before}{written}{after}", len(before))):
        found = [(item.address, item.start, item.end) for item in FINDER.find(text)]
        assert found == [(address, start, start + len(written))], text


# What an address may be written with: ASCII, blanks, the full-width "at" sign, and letters,
# digits and marks of any script (never punctuation or symbols outside ASCII).
def _written_with_address_characters(written: str) -> bool:
    return all(
        char.isascii()
        or char in "\u00a0\uff20"
        or char.isalnum()
        or unicodedata.category(char)[0] == "M"
        for char in written
    )


@settings(max_examples=600, suppress_health_check=[HealthCheck.too_slow])
@given(
    texts
    | st.builds(
        lambda written, position, char: written[:position] + char + written[position:],
        st.sampled_from([written for written, _ in _WRITTEN]),
        st.integers(0, 40),
        st.sampled_from(["\u0130", "\u0131", "\u017f", "\u212a", "。", "«"]) | st.characters(),
    )
)
def test_addresses_are_written_with_letters_digits_and_marks(text: str) -> None:
    for found in FINDER.find(text):
        assert _written_with_address_characters(text[found.start : found.end])
        assert found.address == unicodedata.normalize("NFC", found.address)


# Letters, digits and marks outside ASCII, but for the scripts written without spaces, whose
# characters end an ASCII address they meet (tested in test_detect.py).
_letters = st.characters(min_codepoint=0x80, codec="utf-8").filter(
    lambda char: (char.isalnum() or unicodedata.category(char)[0] == "M")
    and not is_unspaced(char)
)


@settings(max_examples=400)
@given(st.sampled_from(_WRITTEN), _letters, st.booleans())
def test_a_letter_glued_to_an_address_is_part_of_it_or_nothing_is_found(
    written_address: tuple[str, str], letter: str, before: bool
) -> None:
    # Never the address without the letter: that is not what was written.
    written, _ = written_address
    text = letter + written if before else written + letter
    for found in FINDER.find(text):
        assert (found.start, found.end) != ((1, len(text)) if before else (0, len(written)))


def _assert_linear(make: Callable[[int], str], run: Callable[[str], object]) -> None:
    assert len(make(100_000)) >= 100_000
    assert_linear_time(make, run)


ADVERSARIAL_UNITS = [
    "@", "a@", "a.", "a@a.", " ", " @", "@ ", "a ", "a at ", " at ", "a dot ", "[at]", "a[at]",
    "a[dot]", ". ", "a . ", "x" * 63 + ".", "jane@example.com ", "jane at example dot com ",
    "Do not contact me at jane@example.com. ", "a-", "a_a.a+a@a-a.a ", "\uff20a.",
    # The same outside ASCII: letters, marks, scripts written without spaces, addresses that
    # go to email-validator, and addresses it refuses.
    "é@é.", "é", "e\u0301", "é.", "葉@臺.", "葉", "a葉", "葉a@", "ю [at] е [dot] ", "ю at е dot ",
    "юзер@екзампл.ком ", "葉士豪@臺網中心.台灣 ", "邮箱jane@example.com谢谢", "ñ" * 63 + ".",
    "x@é\u0301.xn--0 ", "Do not contact юзер@екзампл.ком. ", "é" * 70 + "@",
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
@given(
    st.sampled_from(
        ["a@a.", "jane at example dot com ", "x" * 64 + "@", "a dot ", "é@é.", "юзер@екзампл.ком "]
    )
)
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
