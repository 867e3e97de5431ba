"""Developer tasks. `nox` runs the default sessions (what CI runs); `nox -l` lists them all."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import nox
from packaging.requirements import Requirement

if sys.version_info >= (3, 11):
    import tomllib
else:  # nox itself needs tomli on these Pythons
    import tomli as tomllib

nox.options.default_venv_backend = "venv"
# What CI runs (.ci/run, then the browser session); docs/contributing.md says what each proves.
nox.options.sessions = [
    "lint",
    "types",
    "tests",
    "fuzz",
    "plugin",
    "integration",
    "lowest",
    "wheels",
    "docs",
]
nox.options.error_on_missing_interpreters = True

ROOT = Path(__file__).parent
PLUGINS = sorted(p.name for p in (ROOT / "plugins").iterdir() if (p / "pyproject.toml").is_file())
EXAMPLE = "examples/invitecore-example-plugin"
# Every distribution the repository ships: the core, then each plugin.
PROJECTS = [".", *(f"plugins/{p}" for p in PLUGINS)]


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


def _floors(projects: list[str], extras: tuple[str, ...]) -> list[str]:
    """``name==X`` (with its environment marker) for every ``name>=X`` the projects' pyproject
    files declare in their dependencies and in the given optional extras: the lowest versions
    they promise to work with. The distributions of this repository are left out (they are
    installed from the checkout)."""
    ours = set()
    requirements: list[Requirement] = []
    for project in projects:
        meta = tomllib.loads((ROOT / project / "pyproject.toml").read_text(encoding="utf-8"))
        table = meta["project"]
        ours.add(table["name"])
        requirements += map(Requirement, table.get("dependencies", []))
        for extra in extras:
            requirements += map(Requirement, table.get("optional-dependencies", {}).get(extra, []))
    floors: dict[str, str] = {}
    for requirement in requirements:
        if requirement.name in ours:
            continue
        lowest = [s.version for s in requirement.specifier if s.operator == ">="]
        if not lowest:
            raise ValueError(f"{requirement}: no lower bound (>=) to test")
        marker = f"; {requirement.marker}" if requirement.marker else ""
        pin = f"{requirement.name}=={lowest[0]}{marker}"
        if floors.setdefault(requirement.name, pin) != pin:
            raise ValueError(
                f"{requirement.name}: declared with two floors ({floors[requirement.name]}, {pin})"
            )
    return sorted(floors.values())


@nox.session
def lowest(session: nox.Session) -> None:
    """Every suite against the lowest versions the core and each plugin declare: each `name>=X`
    of their dependencies (and of the core's dask extra) installed as `name==X` through a pip
    constraints file made from the pyproject files themselves. Test tools stay at their newest
    versions that the pins allow."""
    floors = _floors([*PROJECTS, EXAMPLE], extras=("dask",))
    constraints = Path(session.create_tmp()) / "lowest.txt"
    constraints.write_text("\n".join(floors) + "\n", encoding="utf-8")
    session.log("lowest versions: " + ", ".join(floors))
    session.install("-c", str(constraints), ".[test,dask]", *(f"./{p}" for p in PROJECTS[1:]))
    session.run("pip", "list", "--format=freeze", silent=False)
    session.run("pytest", "tests", *session.posargs)
    # As in `tests`, the example plugin's suite runs without the example being installed.
    for project in [*PROJECTS[1:], EXAMPLE]:
        session.run("pytest", f"{project}/tests", *session.posargs)


def _copy_tracked_files(tree: Path) -> None:
    """The files git tracks, as they are in the working tree, copied to ``tree``: what a
    release built from a clean checkout holds. An sdist takes every file that .gitignore does
    not name, so a build from the checkout itself would pack whatever else lies there (a
    virtual environment named otherwise than .venv, scratch files)."""
    shutil.rmtree(tree, ignore_errors=True)
    listed = subprocess.run(
        ["git", "ls-files", "-z"], cwd=ROOT, check=True, capture_output=True
    ).stdout.decode()
    for name in filter(None, listed.split("\0")):
        source = ROOT / name
        if source.is_file():  # a tracked file deleted in the working tree is left out
            (tree / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, tree / name)


@nox.session
def wheels(session: nox.Session) -> None:
    """Build the wheel and sdist of the core and of each plugin (`python -m build`), check them
    (`twine check --strict`: metadata and the README renders; .ci/check_dists.py: py.typed, entry
    points, no tests or benchmarks in a wheel, a range on invitecore in each plugin), then install
    the wheels alone into a new venv and run `invitecore plugins` and the README's example there."""
    session.install("build", "twine")
    tmp = Path(session.create_tmp())
    dist, tree = tmp / "dist", tmp / "tree"
    shutil.rmtree(dist, ignore_errors=True)
    _copy_tracked_files(tree)
    for project in PROJECTS:
        session.run(
            "python", "-m", "build", "--outdir", str(dist), str(tree / project), silent=True
        )
    session.run("twine", "check", "--strict", *(str(p) for p in sorted(dist.iterdir())))
    session.run("python", ".ci/check_dists.py", str(dist))


@nox.session
def lint(session: nox.Session) -> None:
    """ruff over the whole tree."""
    session.install("ruff")
    # No cache: a cached result can outlive a change elsewhere that alters it (a new root
    # conftest.py makes `conftest` a first-party import), and pass here while a clean clone fails.
    session.run("ruff", "check", "--no-cache", ".", *session.posargs)


@nox.session
def types(session: nox.Session) -> None:
    """mypy --strict over the core and every plugin (checked as Python 3.10)."""
    session.install(
        "mypy", "tomli", "pytest", "hypothesis", ".[dask]", *(f"./plugins/{p}" for p in PLUGINS)
    )
    session.run("mypy", *session.posargs)


@nox.session
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
