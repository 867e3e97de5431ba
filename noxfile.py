"""Developer tasks. `nox` runs the default sessions (what CI runs); `nox -l` lists them all."""

from __future__ import annotations

from pathlib import Path

import nox

nox.options.default_venv_backend = "venv"
nox.options.sessions = ["lint", "types", "tests", "fuzz", "plugin", "integration"]
nox.options.error_on_missing_interpreters = True

ROOT = Path(__file__).parent
PLUGINS = sorted(p.name for p in (ROOT / "plugins").iterdir() if (p / "pyproject.toml").is_file())


@nox.session
def tests(session: nox.Session) -> None:
    """The core's tests, with no plugin installed."""
    session.install(".[test]")
    session.run("pytest", "tests", "--ignore=tests/integration", *session.posargs)
    # The example plugin in the docs is real code: its tests run against the core alone.
    session.run("pytest", "examples/invitecore-example-plugin/tests", *session.posargs)


FUZZ_EXAMPLES = "200"  # per property: CI's fixed budget, about a minute (docs/testing.md)


@nox.session
def fuzz(session: nox.Session) -> None:
    """Fuzz the readers, the config loader, the engine with misbehaving plugins and every output
    format (hypothesis), 200 examples per property; `nox -s fuzz -- 5000` runs 5,000 each (and
    further arguments go to pytest). The cases run are counted at the end."""
    args = list(session.posargs)
    examples = args.pop(0) if args and args[0].isdigit() else FUZZ_EXAMPLES
    session.install(".[test]")
    session.run("pytest", "tests/fuzz", *args, env={"INVITECORE_FUZZ_EXAMPLES": examples})


@nox.session
@nox.parametrize("plugin", PLUGINS)
def plugin(session: nox.Session, plugin: str) -> None:
    """One plugin's tests, with only the core and that plugin installed."""
    session.install(".", f"./plugins/{plugin}[test]")
    session.run("pytest", f"plugins/{plugin}/tests", *session.posargs)


@nox.session
def integration(session: nox.Session) -> None:
    """Every suite with all bundled plugins installed together, cross-plugin tests included."""
    session.install(".[test,dask]", *(f"./plugins/{p}" for p in PLUGINS))
    session.run("pytest", "tests", *session.posargs)
    # One run per plugin: each suite has its own conftest and helper modules, which would clash
    # by name in a single run.
    for name in PLUGINS:
        session.run("pytest", f"plugins/{name}/tests", *session.posargs)


@nox.session
def lint(session: nox.Session) -> None:
    """ruff over the whole tree."""
    session.install("ruff")
    session.run("ruff", "check", ".", *session.posargs)


@nox.session
def types(session: nox.Session) -> None:
    """mypy --strict over the core and every plugin (checked as Python 3.10)."""
    session.install(
        "mypy", "tomli", "pytest", "hypothesis", ".[dask]", *(f"./plugins/{p}" for p in PLUGINS)
    )
    session.run("mypy", *session.posargs)


@nox.session(default=False)
def docs(session: nox.Session) -> None:
    """Build the documentation site with `mkdocs build --strict` into .nox/site. The hook
    reference is rendered from hookspecs.py and the rule index from the bundled plugins, so a
    docstring or rule that breaks the site fails here."""
    session.install(
        "mkdocs>=1.6,<2",
        "mkdocs-material>=9.5,<10",
        "mkdocstrings[python]>=0.26",
        "ruff",  # mkdocstrings formats signatures with it
        ".",
        *(f"./plugins/{p}" for p in PLUGINS),
    )
    session.run("mkdocs", "build", "--strict", *session.posargs)


@nox.session(default=False)
def browser(session: nox.Session) -> None:
    """The HTML report in a real browser (CI runs it after the default sessions): Debian's
    chromium and chromedriver, installed by .ci/run (`apt-get install chromium chromium-driver`),
    driven by Selenium. Screenshots at laptop and phone widths go to build/browser/."""
    session.install(".[test]", "selenium", *(f"./plugins/{p}" for p in PLUGINS))
    session.run("pytest", "tests/browser", *session.posargs)


@nox.session(default=False)
def benchmarks(session: nox.Session) -> None:
    """Rerun the speed and memory benchmarks (results go in docs/benchmarks.md by hand)."""
    session.install(".", *(f"./plugins/{p}" for p in PLUGINS), "typer")
    for script in sorted((ROOT / "benchmarks").glob("bench_*.py")):
        session.run("python", str(script.relative_to(ROOT)), *session.posargs)


@nox.session(default=False, python=["3.10", "3.12", "3.13"])
def compat(session: nox.Session) -> None:
    """Every suite, all bundled plugins installed, on the other supported Pythons (CI runs the
    default one; run this before a release: `nox -s compat`)."""
    session.install(".[test,dask]", *(f"./plugins/{p}" for p in PLUGINS))
    session.run("pytest", "tests", *session.posargs)
    for name in PLUGINS:
        session.run("pytest", f"plugins/{name}/tests", *session.posargs)
