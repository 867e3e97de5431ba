"""Per-case cost of the spam-risk plugin's hooks, for typical cases.

Run: ``python benchmarks/bench_spam_risk.py``. For each case it prints the median over several
repeats of the mean microseconds per call (time.perf_counter over many iterations) for:

- ``risk_factors``: the ``invitecore_risk_factors`` hook;
- ``advice``: the ``invitecore_advice`` hook, on the result the engine produced;
- ``personalization``: the personalization plugin's ``invitecore_invitation_checks``, when that
  plugin is installed and implements it (the issue's budget is personalization + spam-risk
  < 40 us per case);
- ``engine``: a whole ``Engine.evaluate`` with only the spam-risk plugin (so the camp is
  unknown), for context: it includes the core's own work.

Settings are resolved once, as the core does per run, so the per-settings cache is warm.

The advice shares the steps that name only the person between cases naming the same person.
Calling the hook on one result over and over would time that sharing, so ``advice`` is timed
with those caches emptied before every call (the emptying itself timed alone and subtracted):
the cost for a person seen for the first time. ``advice seen`` is the cost when the name has
been seen before, as for a recurring first name in a batch.
"""

from __future__ import annotations

import functools
import inspect
import statistics
import time
from collections.abc import Callable
from typing import Any

import invitecore_spam_risk.plugin as spam_risk
from invitecore import (
    Case,
    CaseResult,
    Classification,
    Invitation,
    Profile,
    Sender,
    Settings,
    Signal,
)
from invitecore.aggregate import Thresholds, decide_verdict, score_risk
from invitecore.settings import resolve_settings
from invitecore.testing import engine_with
from invitecore_spam_risk import advice as spam_advice

ITERATIONS = 10_000
REPEATS = 7

SELECTIVE = Signal(code="LIO201", camp="selective", weight=0.85, label="only people I know")
OPEN = Signal(code="LIO101", camp="open", weight=0.9, label="LION in headline")
EMAIL = Signal(
    code="EMH101", camp="open", weight=0.6, label="email in headline", value="dana@example.com"
)

# (name, profile, invitation, classification) for typical inputs; all made up.
CASES: list[tuple[str, Profile, Invitation, Classification]] = [
    (
        "selective stranger, default text",
        Profile(
            name="Dana Lumen",
            headline="Lighting engineer. I only connect with people I know.",
            groups=("Example Lighting Circle", "Harbour Makers"),
            member_since=2005,
            shared_connections=0,
        ),
        Invitation(note="I'd like to add you to my professional network on LinkedIn."),
        Classification(
            camp="selective_connector", confidence=0.85, signals=(SELECTIVE,),
            selective_strength=0.85,
        ),
    ),
    (
        "open networker, personal note",
        Profile(
            name="Rui Okafor",
            headline="[LION] Recruiter | dana@example.com",
            groups=("LION - Example Open Networkers",),
            shared_connections=4,
        ),
        Invitation(
            note="Hi Rui, I found you through the Example Data meetup; I'm hiring analysts and "
            "think your candidates would like our team.",
            relationship="other",
        ),
        Classification(
            camp="open_networker", confidence=0.96, signals=(OPEN, EMAIL), open_strength=0.96
        ),
    ),
    (
        "former colleague, good note",
        Profile(name="Mina Varga", member_since=2004, shared_connections=25),
        Invitation(
            note="Hi Mina, we worked together on the harbour project at Example Lighting; I'd "
            "love to stay in touch.",
            relationship="colleague",
        ),
        Classification(camp="unknown", confidence=0.0),
    ),
]


def _settings_for(module: Any, name: str) -> Settings:
    declared = {s.name: s for s in module.invitecore_settings()}
    return resolve_settings(declared, {}, plugin=name)


def _personalization() -> tuple[Callable[..., Any], Settings] | None:
    try:
        import invitecore_personalization.plugin as personalization
    except ImportError:
        return None
    checks = getattr(personalization, "invitecore_invitation_checks", None)
    if checks is None or not hasattr(personalization, "invitecore_settings"):
        return None
    return checks, _settings_for(personalization, "personalization")


_STEP_CACHES = (
    spam_advice._named_steps,
    spam_advice._approach_first,
    spam_advice._ask_introduction,
    spam_advice._invite_with_note,
)


def _forget_steps() -> None:
    for cache in _STEP_CACHES:
        cache.cache_clear()


def _first_seen(call: Callable[[], object]) -> Callable[[], object]:
    def run() -> object:
        _forget_steps()
        return call()

    return run


def _consume(call: Callable[[], Any]) -> list[Any]:
    return list(call())


def _microseconds(call: Callable[[], object]) -> float:
    """Median over REPEATS of the mean per-call time of ITERATIONS calls, in microseconds."""
    call()
    samples = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        for _ in range(ITERATIONS):
            call()
        samples.append((time.perf_counter() - start) / ITERATIONS * 1e6)
    return statistics.median(samples)


def _result_for(
    profile: Profile,
    invitation: Invitation,
    classification: Classification,
    sender: Sender,
    findings: tuple[Any, ...],
    settings: Settings,
) -> CaseResult:
    """The result the engine would hand the advice hook, with the core's default thresholds.

    Like the engine's, it carries the invitation and the sender: the advice reads the
    relationship and the email from it (a result without one takes a slower fallback path).
    """
    thresholds = Thresholds()
    factors = spam_risk.invitecore_risk_factors(
        invitation=invitation, profile=profile, classification=classification,
        findings=findings, settings=settings,
    )
    risk = score_risk(factors, thresholds)
    return CaseResult(
        id=None, source=None, profile=profile, classification=classification,
        invitation=invitation, sender=sender, findings=findings, risk=risk,
        verdict=decide_verdict(invitation, classification, findings, risk, thresholds),
    )


def main() -> None:
    """Print the per-case timings."""
    settings = _settings_for(spam_risk, "spam-risk")
    sender = Sender()
    personalization = _personalization()
    engine = engine_with(spam_risk)
    forget_us = _microseconds(_forget_steps)
    print(f"{'case':36} {'risk_factors':>13} {'advice':>9} {'adv. seen':>10} {'personal.':>10} "
          f"{'sum':>8} {'engine':>8}  (microseconds per case)")
    for name, profile, invitation, classification in CASES:
        checks_kwargs = {"invitation": invitation, "profile": profile,
                         "classification": classification, "sender": sender}
        findings: tuple[Any, ...] = ()
        personal_us = 0.0
        if personalization is not None:
            checks, p_settings = personalization
            # Pass only the arguments the hook takes, as the core does.
            wanted = inspect.signature(checks).parameters
            kwargs = {k: v for k, v in checks_kwargs.items() if k in wanted}
            run_checks = functools.partial(checks, settings=p_settings, **kwargs)
            findings = tuple(run_checks())
            # Hooks may return generators: the cost includes consuming them, as the core does.
            personal_us = _microseconds(functools.partial(_consume, run_checks))
        run_factors = functools.partial(
            spam_risk.invitecore_risk_factors, invitation=invitation, profile=profile,
            classification=classification, findings=findings, settings=settings,
        )
        result = _result_for(profile, invitation, classification, sender, findings, settings)
        run_advice = functools.partial(spam_risk.invitecore_advice, result=result,
                                       settings=settings)
        case = Case(profile=profile, invitation=invitation)
        run_engine = functools.partial(engine.evaluate, case)
        factors_us = _microseconds(run_factors)
        advice_us = _microseconds(_first_seen(run_advice)) - forget_us
        seen_us = _microseconds(run_advice)
        engine_us = _microseconds(run_engine)
        total = factors_us + advice_us + personal_us
        personal = f"{personal_us:10.2f}" if personalization is not None else f"{'n/a':>10}"
        print(f"{name:36} {factors_us:13.2f} {advice_us:9.2f} {seen_us:10.2f} {personal} "
              f"{total:8.2f} {engine_us:8.2f}")
    if personalization is None:
        print("(personalization plugin not installed or not implemented: not measured)")


if __name__ == "__main__":
    main()
