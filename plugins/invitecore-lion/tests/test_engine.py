"""End to end through the real engine, with only this plugin registered: camps and verdicts.

The weights must say what the evidence means for the verdict (docs/engine.md): a refusal of
strangers is "do not send" for a stranger (selective confidence >= 0.8); a condition a
stranger can meet is selective but never "do not send", alone or with every other selective
hint; a false friend is never open.
"""

from __future__ import annotations

import pytest

from invitecore import CaseResult, Classification, NetworkingCamp, Verdict
from invitecore.testing import evaluate_case
from invitecore_lion import plugin, rules
from invitecore_lion.plugin import SIGNAL_KINDS
from invitecore_lion.settings import SETTINGS

STRANGER = {"note": "Hi, I read your post on hiring and would like to connect.",
            "relationship": "none"}
DEFAULT = {setting.name: setting.default for setting in SETTINGS}


def _case(profile: dict[str, object], **settings: object) -> tuple[CaseResult, Classification]:
    """The result for a stranger's invitation to ``profile``, and its classification."""
    result = evaluate_case(plugin, profile={"name": "Dana Reyes", **profile}, invitation=STRANGER,
                           settings={"lion": settings} if settings else None)
    assert not result.errors
    assert result.classification is not None
    return result, result.classification


@pytest.mark.parametrize(
    ("profile", "camp"),
    [
        ({"name": "Dana Reyes (LION)"}, NetworkingCamp.OPEN_NETWORKER),
        ({"groups": ["OpenNetworker.com"]}, NetworkingCamp.OPEN_NETWORKER),
        ({"about": "Open to all invitations!"}, NetworkingCamp.OPEN_NETWORKER),
        ({"headline": "Leo 🦁"}, NetworkingCamp.IN_BETWEEN),
        ({"connections": 20000}, NetworkingCamp.IN_BETWEEN),
        ({"headline": "30K+ connections"}, NetworkingCamp.IN_BETWEEN),
        ({"about": "I accept invitations from anyone in retail."}, NetworkingCamp.IN_BETWEEN),
        ({"name": "Dana Reyes [LION]", "about": "I connect only with people in tech."},
         NetworkingCamp.IN_BETWEEN),
        ({"about": "I accept most invitations, but please add a note if we have never met."},
         NetworkingCamp.IN_BETWEEN),
        ({"about": "I only connect with people I know."}, NetworkingCamp.SELECTIVE_CONNECTOR),
        # A refusal beats a weak open hint.
        ({"name": "Dana Reyes 🦁", "connections": 9000,
          "about": "I only connect with people I know."}, NetworkingCamp.SELECTIVE_CONNECTOR),
        ({"headline": "Detroit Lions fan"}, NetworkingCamp.UNKNOWN),
        ({"about": "LIONs accept every invitation; I explain how in my course."},
         NetworkingCamp.UNKNOWN),
    ],
)
def test_camp(profile: dict[str, object], camp: NetworkingCamp) -> None:
    assert _case(profile)[1].camp is camp


@pytest.mark.parametrize(
    "about",
    [
        # the phrasings of the issue, each once unknown and warm-up
        "I only accept people I know.",
        "I connect only with people I know personally.",
        "I do not accept invitations from people I do not know.",
        "I only connect with people I've worked with.",
        # and other refusals
        "No unsolicited invites, please.",
        "If I don't know you I will click \u201cI don\u2019t know this person\u201d.",
    ],
)
def test_a_refusal_of_strangers_means_do_not_send(about: str) -> None:
    result, classification = _case({"about": about})
    assert classification.camp is NetworkingCamp.SELECTIVE_CONNECTOR
    assert result.verdict is Verdict.DO_NOT_SEND


@pytest.mark.parametrize(
    "profile",
    [
        {"about": "Not a LION. Please include a note."},
        {"about": "Say why you want to connect."},
        {"headline": "Not a LION \u2014 but write me a line about why and I'll read it."},
        {"about": "Please personalise your invite. Follow me instead if you prefer.",
         "member_since": 2005},
        # every hint short of a refusal at once
        {"headline": "NOT a LION", "about": "I'm selective. Please include a note.",
         "member_since": 2004},
    ],
)
def test_a_condition_a_stranger_can_meet_is_warm_up_never_do_not_send(
    profile: dict[str, object],
) -> None:
    result, classification = _case(profile)
    assert classification.camp is NetworkingCamp.SELECTIVE_CONNECTOR
    assert result.verdict is Verdict.WARM_UP


def test_the_weights_keep_conditions_below_do_not_send_and_refusals_above() -> None:
    """The arithmetic behind the two tests above, on the declared defaults (noisy-OR)."""
    refusal = DEFAULT["known-people-only-weight"]
    assert refusal >= 0.8
    hints = [DEFAULT["not-a-lion-weight"], DEFAULT["conditions-weight"],
             DEFAULT["early-member-weight"]]
    remaining = 1.0
    for weight in hints:
        assert weight < 0.8
        remaining *= 1 - weight
    assert 1 - remaining < 0.8  # every selective hint but a refusal, together
    for weight in hints[:2]:
        assert weight >= 0.3  # each alone is selective
    assert DEFAULT["early-member-weight"] < 0.3  # alone, in between
    assert DEFAULT["scoped-welcome-weight"] < 0.5  # alone, in between
    # A condition beside an open statement leaves the person in between.
    assert DEFAULT["accept-all-weight"] - DEFAULT["conditions-weight"] < 0.5
    assert DEFAULT["lion-token-weight"] - DEFAULT["conditions-weight"] < 0.5


def test_every_code_has_a_weight_setting() -> None:
    assert set(SIGNAL_KINDS) == {rule.code for rule in rules.RULES}
    assert all(weight in DEFAULT for _, weight in SIGNAL_KINDS.values())


def test_config_table_reaches_the_plugin() -> None:
    _, classification = _case({"headline": "Leo 🦁"}, **{"emoji-alone-weight": 0.6})
    assert classification.camp is NetworkingCamp.OPEN_NETWORKER
    [signal] = classification.signals
    assert signal.plugin == "lion"
