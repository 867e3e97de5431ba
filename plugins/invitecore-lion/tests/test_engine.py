"""End to end through the real engine, with only this plugin registered."""

from __future__ import annotations

import pytest

from invitecore import NetworkingCamp, Verdict
from invitecore.testing import evaluate_case
from invitecore_lion import plugin

STRANGER = {"note": "Hi, I read your post on hiring and would like to connect.",
            "relationship": "none"}


@pytest.mark.parametrize(
    ("profile", "camp"),
    [
        ({"name": "Dana Reyes (LION)"}, NetworkingCamp.OPEN_NETWORKER),
        ({"name": "Dana Reyes", "groups": ["OpenNetworker.com"]}, NetworkingCamp.OPEN_NETWORKER),
        ({"name": "Dana Reyes", "headline": "Leo 🦁"}, NetworkingCamp.IN_BETWEEN),
        ({"name": "Dana Reyes", "connections": 20000}, NetworkingCamp.IN_BETWEEN),
        ({"name": "Dana Reyes", "headline": "30K+ connections"}, NetworkingCamp.IN_BETWEEN),
        ({"name": "Dana Reyes", "about": "I only connect with people I know."},
         NetworkingCamp.SELECTIVE_CONNECTOR),
        # A strong selective statement beats a weak open hint.
        ({"name": "Dana Reyes 🦁", "connections": 9000,
          "about": "I only connect with people I know."}, NetworkingCamp.SELECTIVE_CONNECTOR),
        ({"name": "Dana Reyes", "headline": "Detroit Lions fan"}, NetworkingCamp.UNKNOWN),
    ],
)
def test_camp(profile: dict[str, object], camp: NetworkingCamp) -> None:
    result = evaluate_case(plugin, profile=profile, invitation=STRANGER)
    assert not result.errors
    assert result.classification is not None
    assert result.classification.camp is camp


def test_refusal_means_do_not_send_to_a_stranger() -> None:
    result = evaluate_case(
        plugin, profile={"name": "Dana Reyes", "about": "I do not accept unsolicited invitations"},
        invitation=STRANGER,
    )
    assert result.verdict is Verdict.DO_NOT_SEND


def test_conditions_mean_warm_up_not_refusal() -> None:
    result = evaluate_case(
        plugin, profile={"name": "Dana Reyes", "about": "Please include a note."},
        invitation=STRANGER,
    )
    assert result.verdict is Verdict.WARM_UP


def test_config_table_reaches_the_plugin() -> None:
    result = evaluate_case(
        plugin, profile={"name": "Dana Reyes", "headline": "Leo 🦁"}, invitation=STRANGER,
        settings={"lion": {"emoji-alone-weight": 0.6}},
    )
    assert result.classification is not None
    assert result.classification.camp is NetworkingCamp.OPEN_NETWORKER
    [signal] = result.classification.signals
    assert signal.plugin == "lion"
