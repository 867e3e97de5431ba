"""The syntax check of addresses: what is valid, and the reason given when not."""

from __future__ import annotations

import pytest

from invitecore_email_headline.syntax import address_problem, normalise


@pytest.mark.parametrize(
    "address",
    [
        "jane@example.com",
        "jane.doe@example.com",
        "Jane.Doe@Example.COM",
        "j_doe+linkedin@mail.example.co.uk",
        "o'hara@example.org",
        "x1-2@sub-domain.example.io",
        "a@b.museum",
    ],
)
def test_valid_addresses(address: str) -> None:
    assert address_problem(address) is None


@pytest.mark.parametrize(
    ("address", "reason"),
    [
        ("jane.example.com", "no '@'"),
        ("jane@@example.com", "more than one '@'"),
        ("@example.com", "nothing before"),
        ("jane@", "nothing after"),
        (".jane@example.com", "dot"),
        ("jane.@example.com", "dot"),
        ("ja..ne@example.com", "dot"),
        ("ja ne@example.com", "' '"),
        ("jane@example", "no dot"),
        ("jane@example..com", "dot"),
        ("jane@.example.com", "dot"),
        ("jane@-example.com", "hyphen"),
        ("jane@example-.com", "hyphen"),
        ("jane@exa_mple.com", "'_'"),
        ("jane@example.c", "shorter than 2"),
        ("jane@example.c0m", "not all letters"),
        ("jane@example.123", "not all letters"),
        ("j" * 65 + "@example.com", "longer than 64"),
        ("jane@" + "a" * 64 + ".com", "longer than 63"),
        ("jane@" + ".".join(["abcdefghi"] * 26) + ".com", "longer than 253"),
    ],
)
def test_invalid_addresses_give_a_reason(address: str, reason: str) -> None:
    problem = address_problem(address)
    assert problem is not None
    assert reason in problem


def test_min_tld_length_is_a_parameter() -> None:
    assert address_problem("jane@example.co", min_tld_length=3) is not None
    assert address_problem("jane@example.com", min_tld_length=3) is None


def test_normalise_trims_and_lowercases() -> None:
    assert normalise("  Jane.Doe@Example.COM ") == "jane.doe@example.com"
