"""Every weight and threshold of the scorecard, declared with its default and why.

The points are chosen, not measured (docs/sources.md 9: acceptance studies conflict), so each
``source`` says what the number must achieve against the core's default level cut-offs
(low < 30 <= medium < 60 <= high). :func:`scorecard_config` turns one resolved
:class:`~invitecore.Settings` into a :class:`ScorecardConfig`, once per settings object.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping

import attrs

from invitecore import NetworkingCamp, Relationship, Setting, Settings
from invitecore_spam_risk import rules

_CHOSEN_NOTE = (
    "docs/sources.md 9: a generic note is no better than none, so the same points as no-note"
)

SETTINGS: tuple[Setting, ...] = (
    Setting(
        name="stranger-selective-points",
        default=40.0,
        description="Points for a stranger (relationship other/none) whose camp is selective.",
        source="docs/sources.md 1 (selective connectors decline strangers, mark them as spam); "
        "chosen: "
        "with the default text (25) a selective stranger reaches the core's high cut-off (60)",
    ),
    Setting(
        name="stranger-unknown-points",
        default=40.0,
        description="Points for a stranger whose camp is unknown (no signals at all).",
        source="docs/sources.md 1: with no evidence, treat a stranger as selective (same points)",
    ),
    Setting(
        name="stranger-in-between-points",
        default=15.0,
        description="Points for a stranger whose evidence is mixed (camp in between).",
        source="chosen: the person may be selective, but the evidence is mixed; alone it stays low",
    ),
    Setting(
        name="no-note-points",
        default=25.0,
        description="Points for an invitation without a note.",
        source="docs/sources.md 1 (personalize always); chosen: a quarter of the scale, the "
        "biggest "
        "thing the sender can fix",
    ),
    Setting(
        name="blank-normal-points",
        default=0.0,
        description="Points for an invitation without a note to an open networker, or to "
        "someone who knows you (any relationship but other and none), in place of "
        "no-note-points.",
        source="docs/sources.md 9 (a 2025-26 sample of 16,492 requests: blank ones accepted "
        "as often as personalised ones, 26.37% against 26.42%) and 1 (open networkers accept "
        "anyone; people who know you do not answer 'I don't know this person'); chosen: no "
        "points. Set it to no-note-points to score every blank invitation alike",
    ),
    Setting(
        name="default-text-points",
        default=25.0,
        description="Points for a note that is LinkedIn's default text.",
        source=_CHOSEN_NOTE,
    ),
    Setting(
        name="generic-note-points",
        default=25.0,
        description="Points for a note of stock phrases only, or with an unfilled placeholder.",
        source=_CHOSEN_NOTE,
    ),
    Setting(
        name="no-how-found-points",
        default=10.0,
        description="Points for a note that does not say how you met or found the person.",
        source="docs/sources.md 1, 6; chosen: the part that most tells a stranger who you are, so "
        "the "
        "largest of the three missing-part points (which sum to less than no-note)",
    ),
    Setting(
        name="no-reason-points",
        default=8.0,
        description="Points for a note that gives no reason to connect.",
        source="docs/sources.md 1, 6; chosen: between how-found and benefit",
    ),
    Setting(
        name="no-benefit-points",
        default=6.0,
        description="Points for a note that says nothing about what is in it for them.",
        source="docs/sources.md 1, 6; chosen: smallest, since a clear reason often implies the "
        "benefit",
    ),
    Setting(
        name="pitch-points",
        default=15.0,
        description="Points for a sales pitch, a link or a favour in the note.",
        source="docs/sources.md 6 (no pitch, links or favours in a first message); chosen: a pitch "
        "turns a merely cold note into spam, so more than any missing part",
    ),
    Setting(
        name="email-missing-points",
        default=10.0,
        description="Points when the form asks for the email (friend/other) and none is given.",
        source="docs/sources.md 5 ('Friend' and 'Other' required the email); chosen: a sign you do "
        "not know the person, like one missing note part",
    ),
    Setting(
        name="long-time-member-points",
        default=10.0,
        description="Points when a stranger invites a long-time member.",
        source="docs/sources.md 1, 3 (long-time members are the most annoyed); chosen: a modifier, "
        "not decisive alone",
    ),
    Setting(
        name="long-time-member-until",
        default=2008,
        description="A member who joined in this year or earlier is a long-time member.",
        source="docs/sources.md 3 (joined in LinkedIn's early years; LinkedIn opened in 2003)",
    ),
    Setting(
        name="no-shared-context-points",
        default=10.0,
        description="Points when a stranger shares no connections (profile says 0) and no group.",
        source="docs/sources.md 1 (an invitation out of the blue); chosen: a modifier, the mirror "
        "of shared-connections-points",
    ),
    Setting(
        name="open-networker-points",
        default=-25.0,
        description="Points (negative) when the core classifies the recipient as open networker.",
        source="docs/sources.md 1, 2 (open networkers accept strangers); chosen: cancels a missing "
        "note, so an open networker stays low unless the note pitches",
    ),
    Setting(
        name="relationship-points",
        default=-20.0,
        description="Points (negative) for a real relationship (see real-relationships).",
        source="docs/sources.md 1, 5; chosen: a real tie outweighs a weak note, not a missing one",
    ),
    Setting(
        name="real-relationships",
        default=("colleague", "classmate", "business", "friend"),
        description="Relationships that count as knowing the person (group has its own factor).",
        source="docs/sources.md 5 (the form's options other than Groups, Other and I don't know)",
    ),
    Setting(
        name="email-given-points",
        default=-10.0,
        description="Points (negative) when the invitation carries the recipient's email.",
        source="docs/sources.md 5 (the email was LinkedIn's proof of acquaintance); chosen: "
        "cancels "
        "email-missing",
    ),
    Setting(
        name="shared-connections-points",
        default=-10.0,
        description="Points (negative) when you share at least shared-connections-min connections.",
        source="docs/sources.md 1 (a mutual contact can introduce you); chosen: a modifier",
    ),
    Setting(
        name="shared-connections-min",
        default=1,
        description="Shared connections needed for the shared-connections factor.",
        source="chosen: one mutual contact is enough to ask for an introduction",
    ),
    Setting(
        name="shared-group-points",
        default=-10.0,
        description="Points (negative) for a shared group (relationship 'group' or sender-groups).",
        source="docs/sources.md 5, 6 (Groups was an accepted way to know someone; common ground); "
        "chosen: a modifier, like shared connections",
    ),
    Setting(
        name="sender-groups",
        default=(),
        description="Groups the sender belongs to, matched case-insensitively to the profile's.",
        source="chosen: empty, the core's Sender has no groups field",
    ),
    Setting(
        name="finding-factors",
        default={
            "PER101": rules.NO_NOTE,
            "PER102": rules.DEFAULT_TEXT,
            "PER103": rules.GENERIC_NOTE,
            "PER113": rules.GENERIC_NOTE,
            "PER121": rules.NO_HOW_FOUND,
            "PER122": rules.NO_HOW_FOUND,
            "PER123": rules.NO_REASON,
            "PER124": rules.NO_BENEFIT,
            "PER132": rules.PITCH,
            "EMH201": rules.EMAIL_MISSING,
        },
        description="Which other plugins' finding codes raise which SPM factor (each counts once).",
        source="the personalization and email-headline plugins' published codes",
    ),
    Setting(
        name="credit-voided-by",
        default={
            rules.EMAIL_GIVEN: ["EMH202", "EMH203"],
            rules.SHARED_GROUP: ["PER133"],
        },
        description="Finding codes that cancel a risk-lowering factor (a wrong email, a false "
        "group claim).",
        source="docs/sources.md 6 (a claim the profile contradicts backfires)",
    ),
    Setting(
        name="listed-email-signals",
        default=("EMH1",),
        description="Code prefixes of open signals whose value is the address the person lists.",
        source="the email-headline plugin's published codes (EMH1xx carry the address)",
    ),
)


def _norm_group(name: str) -> str:
    return " ".join(name.split()).casefold()


@attrs.frozen(kw_only=True)
class ScorecardConfig:
    """One run's settings, checked and in the shapes the scoring loop wants."""

    points: Mapping[str, float]
    stranger_points: Mapping[NetworkingCamp, float]
    real_relationships: frozenset[Relationship]
    long_time_member_until: int
    shared_connections_min: int
    sender_groups: frozenset[str]
    finding_factors: Mapping[str, str]
    voided_by: Mapping[str, frozenset[str]]
    listed_email_signals: tuple[str, ...]
    blank_normal_points: float = 0.0
    """Points for a blank invitation to an open networker or to someone who knows you."""

    def shares_group(self, groups: tuple[str, ...]) -> str | None:
        """The first of ``groups`` the sender also belongs to, as the profile spells it."""
        if self.sender_groups:
            for group in groups:
                if _norm_group(group) in self.sender_groups:
                    return group
        return None


def _checked_codes(setting: str, codes: object, allowed: frozenset[str]) -> str:
    if not isinstance(codes, str) or codes not in allowed:
        raise ValueError(
            f"{setting}: {codes!r} is not one of {', '.join(sorted(allowed))}"
        )
    return codes


@functools.lru_cache(maxsize=8)
def scorecard_config(settings: Settings) -> ScorecardConfig:
    """Check and convert ``settings`` once per run (``Settings`` hashes by identity).

    :raises ValueError: naming the setting, for a factor code or relationship that does not exist.
    """
    points = {
        rules.NO_NOTE: settings["no-note-points"],
        rules.DEFAULT_TEXT: settings["default-text-points"],
        rules.GENERIC_NOTE: settings["generic-note-points"],
        rules.NO_HOW_FOUND: settings["no-how-found-points"],
        rules.NO_REASON: settings["no-reason-points"],
        rules.NO_BENEFIT: settings["no-benefit-points"],
        rules.PITCH: settings["pitch-points"],
        rules.EMAIL_MISSING: settings["email-missing-points"],
        rules.LONG_TIME_MEMBER: settings["long-time-member-points"],
        rules.NO_SHARED_CONTEXT: settings["no-shared-context-points"],
        rules.OPEN_NETWORKER: settings["open-networker-points"],
        rules.REAL_RELATIONSHIP: settings["relationship-points"],
        rules.EMAIL_GIVEN: settings["email-given-points"],
        rules.SHARED_CONNECTIONS: settings["shared-connections-points"],
        rules.SHARED_GROUP: settings["shared-group-points"],
    }
    stranger_points = {
        NetworkingCamp.SELECTIVE_CONNECTOR: settings["stranger-selective-points"],
        NetworkingCamp.UNKNOWN: settings["stranger-unknown-points"],
        NetworkingCamp.IN_BETWEEN: settings["stranger-in-between-points"],
    }
    try:
        relationships = frozenset(
            Relationship(str(r).strip().lower()) for r in settings["real-relationships"]
        )
    except ValueError:
        allowed = ", ".join(r.value for r in Relationship)
        raise ValueError(
            f"real-relationships: {list(settings['real-relationships'])!r} must only hold {allowed}"
        ) from None
    finding_factors = {
        str(code): _checked_codes(f"finding-factors.{code}", factor, rules.FINDING_FACTORS)
        for code, factor in settings["finding-factors"].items()
    }
    voided_by = {
        _checked_codes("credit-voided-by", factor, rules.CREDIT_FACTORS): frozenset(map(str, codes))
        for factor, codes in settings["credit-voided-by"].items()
    }
    shared_min = int(settings["shared-connections-min"])
    if shared_min < 1:
        # With 0, a profile sharing nobody would both lower and raise the risk.
        raise ValueError(f"shared-connections-min: {shared_min} must be 1 or more")
    return ScorecardConfig(
        points={code: float(value) for code, value in points.items()},
        stranger_points={camp: float(value) for camp, value in stranger_points.items()},
        real_relationships=relationships,
        long_time_member_until=int(settings["long-time-member-until"]),
        shared_connections_min=shared_min,
        sender_groups=frozenset(_norm_group(str(g)) for g in settings["sender-groups"]),
        finding_factors=finding_factors,
        voided_by=voided_by,
        listed_email_signals=tuple(str(p) for p in settings["listed-email-signals"]),
        blank_normal_points=float(settings["blank-normal-points"]),
    )
