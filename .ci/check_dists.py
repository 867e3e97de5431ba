"""Check the built distributions as a user gets them (run by `nox -s wheels`).

    python .ci/check_dists.py DIST_DIR

DIST_DIR holds one wheel and one sdist per distribution (the core and each bundled plugin).
What a wheel must hold is read from its project's pyproject.toml. For each wheel: each
package's py.typed marker is in it, its scripts and entry points are in entry_points.txt, it
carries no tests or benchmarks, and its metadata has a license, a Markdown README as the long
description, and (for a plugin) a range on invitecore. For each sdist: its pyproject.toml and
README are in it. Then the wheels alone, not the checkout, are installed into a new virtual
environment, where `invitecore plugins` must list every bundled plugin as active and the
README's example must give its verdict. Exits non-zero with one line per problem.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
import tempfile
import zipfile

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib
from email.parser import Parser
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PROJECTS = [ROOT, *sorted(p.parent for p in (ROOT / "plugins").glob("*/pyproject.toml"))]


def expected(project: Path) -> tuple[str, list[str], dict[str, set[str]]]:
    """What a project's pyproject.toml says its wheel holds: the distribution's name, each
    package's py.typed marker, and its entry points (group -> names)."""
    meta = tomllib.loads((project / "pyproject.toml").read_text(encoding="utf-8"))
    packages = meta["tool"]["hatch"]["build"]["targets"]["wheel"]["packages"]
    typed = [f"{Path(package).name}/py.typed" for package in packages]
    groups = {"console_scripts": set(meta["project"].get("scripts", {}))}
    for group, points in meta["project"].get("entry-points", {}).items():
        groups[group] = set(points)
    return meta["project"]["name"], typed, {g: names for g, names in groups.items() if names}


EXPECTED = {name: (typed, points) for name, typed, points in map(expected, PROJECTS)}
# The plugins every install of the wheels must list as active: each `invitecore` entry point.
PLUGINS = {name for _, points in EXPECTED.values() for name in points.get("invitecore", ())}
# The README's example (README.md, Usage): a selective stranger with LinkedIn's default note.
EXAMPLE = ROOT / "examples" / "selective-stranger.toml"
EXAMPLE_SHOWS = ["Verdict     DO NOT SEND", "LIO151", "PER102", "SPM101"]

problems: list[str] = []


def problem(text: str) -> None:
    problems.append(text)
    print(f"FAIL {text}", file=sys.stderr)


def entry_points(text: str) -> dict[str, set[str]]:
    groups: dict[str, set[str]] = {}
    group = ""
    for line in text.splitlines():
        line = line.strip()
        if line.startswith("[") and line.endswith("]"):
            group = line[1:-1]
            groups[group] = set()
        elif "=" in line:
            groups[group].add(line.split("=", 1)[0].strip())
    return groups


def check_wheel(wheel: Path) -> str:
    """Check one wheel; return its distribution name."""
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        dist_info = next(n.split("/")[0] for n in names if n.split("/")[0].endswith(".dist-info"))
        meta = Parser().parsestr(archive.read(f"{dist_info}/METADATA").decode())
        declared = entry_points(archive.read(f"{dist_info}/entry_points.txt").decode())
    name = meta["Name"]
    label = f"{wheel.name}:"
    if name not in EXPECTED:
        problem(f"{label} {name} is not a distribution of this repository")
        return name
    typed, points = EXPECTED[name]
    for marker in typed:
        if marker not in names:
            problem(f"{label} no {marker}")
    for group, wanted in points.items():
        if not wanted <= declared.get(group, set()):
            problem(f"{label} entry points {group} {sorted(wanted)} not all declared: {declared}")
    # Test suites and benchmarks stay in the repository (the scaffold's templates of a new
    # plugin's tests, *.tmpl, are data and belong in the wheel).
    stray = [
        n
        for n in names
        if (
            {"tests", "benchmarks", "__pycache__"} & set(n.split("/")[:-1])
            and not n.endswith(".tmpl")
        )
        or n.endswith(".pyc")
        or n.split("/")[0] in {"examples", "docs", "tests", "benchmarks"}
    ]
    if stray:
        problem(f"{label} should not ship {stray[:5]}")
    if not (meta["License-Expression"] or meta["License"]):
        problem(f"{label} no license in the metadata")
    if meta["Description-Content-Type"] != "text/markdown" or len(meta.get_payload()) < 200:
        problem(f"{label} the README is not the long description (text/markdown)")
    if name != "invitecore":
        ranges = [r for r in meta.get_all("Requires-Dist", []) if r.startswith("invitecore")]
        if not any("<" in r and ">=" in r for r in ranges):
            problem(f"{label} no range on invitecore (>=X,<Y) in Requires-Dist: {ranges}")
    print(f"ok   {wheel.name}: {len(names)} files, {meta['Requires-Python']}")
    return name


def check_sdist(sdist: Path) -> None:
    with tarfile.open(sdist) as archive:
        names = {n.split("/", 1)[1] for n in archive.getnames() if "/" in n}
    for wanted in ("pyproject.toml", "README.md", "PKG-INFO"):
        if wanted not in names:
            problem(f"{sdist.name}: no {wanted}")
    stray = [n for n in names if n.split("/")[0] in {".nox", ".venv", ".hypothesis", "build"}]
    if stray:
        problem(f"{sdist.name}: should not ship {stray[:5]}")
    print(f"ok   {sdist.name}: {len(names)} files")


def run(command: list[str], cwd: str | None = None) -> subprocess.CompletedProcess[str]:
    print("$ " + " ".join(command))
    env = {**os.environ, "NO_COLOR": "1"}
    return subprocess.run(command, cwd=cwd, env=env, text=True, capture_output=True, check=False)


def check_installed(wheels: list[Path]) -> None:
    """Install the wheels alone into a new venv, list the plugins, judge the README's example."""
    with tempfile.TemporaryDirectory(prefix="invitecore-wheels-") as tmp:
        venv = Path(tmp) / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        done = run([str(venv / "bin" / "pip"), "install", "--quiet", *map(str, wheels)])
        if done.returncode:
            problem(f"pip install of the wheels failed:\n{done.stdout}{done.stderr}")
            return
        cli = str(venv / "bin" / "invitecore")
        # Run from elsewhere than the checkout, so that nothing in it can be imported.
        listed = run([cli, "plugins", "--json"], cwd=tmp)
        if listed.returncode:
            problem(f"invitecore plugins exited {listed.returncode}: {listed.stderr}")
            return
        status = {p["name"]: p["status"] for p in json.loads(listed.stdout)}
        print(f"     plugins: {status}")
        if status.get("invitecore.core") != "active" or any(
            status.get(name) != "active" for name in PLUGINS
        ):
            problem(f"invitecore plugins: not every bundled plugin is active: {status}")
        judged = run([cli, "run", str(EXAMPLE)], cwd=tmp)
        # Exit 1: the example's note has an error-level finding (the default fail-on: error).
        if judged.returncode != 1 or not all(text in judged.stdout for text in EXAMPLE_SHOWS):
            problem(
                f"invitecore run {EXAMPLE.name}: exit {judged.returncode}, expected 1 and "
                f"{EXAMPLE_SHOWS}:\n{judged.stdout}{judged.stderr}"
            )
        else:
            print(f"     invitecore run {EXAMPLE.name}: exit 1, DO NOT SEND")


def main(dist_dir: Path) -> int:
    wheels = sorted(dist_dir.glob("*.whl"))
    sdists = sorted(dist_dir.glob("*.tar.gz"))
    names = {check_wheel(wheel) for wheel in wheels}
    for sdist in sdists:
        check_sdist(sdist)
    if names != set(EXPECTED) or len(sdists) != len(EXPECTED):
        problem(f"expected a wheel and an sdist of each of {sorted(EXPECTED)}, got {sorted(names)}")
    if not problems:
        check_installed(wheels)
    if problems:
        print(f"{len(problems)} problem(s) with the distributions", file=sys.stderr)
        return 1
    print(f"{len(wheels)} wheels and {len(sdists)} sdists are as users should get them")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
