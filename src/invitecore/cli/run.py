"""``invitecore run``: read the inputs, evaluate, write the report, return the exit code."""

from __future__ import annotations

import gc
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Annotated

import attrs
import typer

from invitecore import __version__
from invitecore.cli.app import NO_PLUGINS_HINT, app, say
from invitecore.config import Config, load_config
from invitecore.engine import Engine
from invitecore.errors import InputError, InvitecoreError, PluginLoadError, UsageError
from invitecore.models import Account, Sender, Severity
from invitecore.output import FormatOptions
from invitecore.results import Case
from invitecore.runner import EXIT_PLUGIN, execute
from invitecore.serialize import summary_to_dict, to_json

if TYPE_CHECKING:
    from invitecore.inputs.records import PendingRecord

__all__ = ["RunRequest", "run"]


def _codes(value: str) -> tuple[str, ...]:
    """A comma-separated option as a tuple of codes."""
    return tuple(code.strip().upper() for code in value.split(",") if code.strip())


def _load(config_path: Path | None, strict: bool, local: tuple[str, ...] = ()) -> Engine:
    config = load_config(config_path)
    if local:
        config = attrs.evolve(config, local_plugins=local)
    engine = Engine.from_config(config)
    for record in engine.loaded.failed:
        problem = "is incompatible" if record.status == "incompatible" else "failed to load"
        say(f"plugin {record.label} {problem}: {record.reason}")
    if strict and engine.loaded.failed:
        raise PluginLoadError(f"{len(engine.loaded.failed)} plugin(s) failed to load (--strict)")
    return engine


# Collect the youngest generation every this many surviving allocations instead of Python's 700.
GC_YOUNG_THRESHOLD = 50_000


@contextmanager
def settled_gc() -> Iterator[None]:
    """The garbage collector tuned for one long run, for the length of a block.

    A batch row leaves no reference cycles behind; what survives a collection is the plugins'
    caches filling up. Collecting every 700 survivors rescans them again and again (about 5% of
    a run's CPU time on the benchmark list, against under 1% every 50,000). Worker processes
    of a parallel run started by fork inherit the setting. A library embedding the engine is
    left alone.
    """
    thresholds = gc.get_threshold()
    gc.set_threshold(GC_YOUNG_THRESHOLD, *thresholds[1:])
    try:
        yield
    finally:
        gc.set_threshold(*thresholds)


def _use_color(stream: IO[str]) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR", "0") not in ("", "0"):
        return True
    return hasattr(stream, "isatty") and stream.isatty()


@contextmanager
def _output(path: Path | None) -> Iterator[IO[str]]:
    """stdout, or a temp file beside ``path`` renamed over it only when the run completes.

    A ``path`` that exists and is not a regular file (``/dev/null``, a named pipe, a terminal)
    is written to directly: renaming a file over it would replace the device or pipe itself.
    """
    if path is None:
        yield sys.stdout
        sys.stdout.flush()
        return
    try:
        special = not stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        special = False  # does not exist yet (or cannot be inspected): the usual temp file
    if special:
        try:
            stream = open(path, "w", encoding="utf-8", newline="")  # noqa: SIM115
        except OSError as exc:
            raise UsageError(f"--output: cannot write {path}: {exc.strerror or exc}") from None
        with stream:
            yield stream
        return
    directory = path.resolve().parent
    try:
        # Not a `with`: the file must outlive the block so it can be renamed over `path`.
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115
            "w",
            encoding="utf-8",
            dir=directory,
            prefix=f".{path.name}.",
            suffix=".tmp",
            delete=False,
            newline="",
        )
    except OSError as exc:
        raise UsageError(f"--output: cannot write {path}: {exc.strerror or exc}") from None
    try:
        with handle:
            yield handle
        # The temp file is created private (0600); give the report the mode a new file would
        # have, or keep the mode of the file it replaces.
        try:
            mode = stat.S_IMODE(os.stat(path).st_mode)
        except FileNotFoundError:
            mask = os.umask(0)
            os.umask(mask)
            mode = 0o666 & ~mask
        os.chmod(handle.name, mode)
        os.replace(handle.name, path)
    except BaseException:
        Path(handle.name).unlink(missing_ok=True)
        raise


@attrs.frozen(kw_only=True)
class RunRequest:
    """Everything ``invitecore run`` was asked to do, as typed on the command line."""

    paths: tuple[str, ...]
    format: str | None = None
    output: Path | None = None
    config: Path | None = None
    select: str | None = None
    ignore: str | None = None
    fail_on: str | None = None
    strict: bool = False
    input_format: str | None = None
    note: str | None = None
    template: Path | None = None
    relationship: str | None = None
    account: str | None = None
    jobs: int = 1
    quiet: bool = False
    summary: Path | None = None
    delimiter: str | None = None
    plugins: tuple[str, ...] = ()


_HELP_PATHS = "Case files or prospect lists (.toml, .json, .jsonl, .csv), or - for stdin."


@app.command()
def run(
    paths: Annotated[list[str], typer.Argument(help=_HELP_PATHS, metavar="PATH...")],
    format: Annotated[
        str | None,
        typer.Option(
            "--format", "-f", help="Output format (see `invitecore formats`). Default: text."
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write the report to FILE, atomically.", dir_okay=False
        ),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option("--config", "-c", help="Config file (default: found upward).", dir_okay=False),
    ] = None,
    select: Annotated[
        str | None, typer.Option(help="Rule codes or prefixes to report, comma-separated.")
    ] = None,
    ignore: Annotated[
        str | None, typer.Option(help="Rule codes or prefixes to leave out, comma-separated.")
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on", help="Exit 1 for findings at or above: info, warning, error (or never)."
        ),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Make any plugin failure fatal (exit 3).")
    ] = False,
    input_format: Annotated[
        str | None,
        typer.Option("--input-format", help="Read every PATH as this format (see docs/inputs.md)."),
    ] = None,
    note: Annotated[
        str | None, typer.Option("--note", help="The note for every prospect without one.")
    ] = None,
    template: Annotated[
        Path | None,
        typer.Option(
            "--template",
            help="A note template file ({first_name} fields).",
            dir_okay=False,
        ),
    ] = None,
    relationship: Annotated[
        str | None,
        typer.Option("--relationship", help="Default relationship for rows (colleague ... none)."),
    ] = None,
    account: Annotated[
        str | None, typer.Option("--account", help="Sender account for rows: free or premium.")
    ] = None,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs", "-j", min=0, help="Worker processes (order is kept); 0: one per CPU."
        ),
    ] = 1,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress line on stderr.")
    ] = False,
    summary: Annotated[
        Path | None,
        typer.Option(
            "--summary",
            help="Also write the run summary (counts, duplicates, notes, send plan) as JSON.",
            dir_okay=False,
        ),
    ] = None,
    delimiter: Annotated[
        str | None,
        typer.Option(
            "--delimiter", help="CSV cell separator: , ; tab or | (default: sniffed per file)."
        ),
    ] = None,
    plugin: Annotated[
        list[str] | None,
        typer.Option(
            "--plugin",
            "-p",
            help="Also load this local plugin: a module of the project or a .py file (repeat).",
        ),
    ] = None,
    trace: Annotated[
        bool, typer.Option("--trace", help="Print every hook call on stderr (INVITECORE_TRACE).")
    ] = False,
) -> None:
    """Judge invitations: camp and evidence, note problems and fixes, risk, verdict."""
    request = RunRequest(
        paths=tuple(paths),
        format=format,
        output=output,
        config=config,
        select=select,
        ignore=ignore,
        fail_on=fail_on,
        strict=strict,
        input_format=input_format,
        note=note,
        template=template,
        relationship=relationship,
        account=account,
        jobs=jobs or available_cpus(),
        quiet=quiet,
        summary=summary,
        delimiter=delimiter,
        plugins=tuple(plugin or ()),
    )
    if trace:
        from invitecore.tracing import TRACE_ENV

        os.environ[TRACE_ENV] = "1"  # read where hooks are planned; workers inherit it
    try:
        code = _run(request)
    except InvitecoreError as error:
        say(str(error))
        raise typer.Exit(error.exit_code) from None
    raise typer.Exit(code)


def _engine_for(request: RunRequest) -> Engine:
    """The engine with the config file and the command line's overrides applied."""
    engine = _load(request.config, request.strict, request.plugins)
    config = engine.config
    changes: dict[str, object] = {}
    if request.select is not None:
        changes["select"] = _codes(request.select)
    if request.ignore is not None:
        changes["ignore"] = _codes(request.ignore)
    if request.account is not None:
        try:
            account = Account(request.account.strip().lower())
        except ValueError:
            raise UsageError(
                f"--account: {request.account!r} is not one of free, premium"
            ) from None
        changes["sender"] = Sender(name=config.sender.name, account=account)
    if not changes:
        return engine
    return Engine(engine.loaded, attrs.evolve(config, **changes))  # type: ignore[arg-type]


def _fail_on(request: RunRequest, config: Config) -> Severity | None:
    if request.fail_on is None:
        return config.fail_on
    choice = request.fail_on.strip().lower()
    if choice not in ("info", "warning", "error", "never"):
        raise UsageError(
            f"--fail-on: {request.fail_on!r} is not one of info, warning, error, never"
        )
    return None if choice == "never" else Severity(choice)


def available_cpus() -> int:
    """The CPUs this process may run on (``--jobs 0``)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _cases(
    request: RunRequest, config: Config, *, defer: bool = False
) -> Iterator[Case | InputError | PendingRecord]:
    from invitecore.inputs import load_inputs
    from invitecore.inputs.templates import fixed_note, load_template
    from invitecore.inputs.unicode import is_valid_text

    if request.note is not None and request.template is not None:
        raise UsageError("--note and --template: give one or the other")
    note = None
    if request.template is not None:
        note = load_template(request.template)
    elif request.note is not None:
        if not is_valid_text(request.note):
            # Bytes that were not UTF-8 in the command line arrive as lone surrogates.
            raise UsageError("--note: the text is not valid UTF-8")
        note = fixed_note(request.note)
    return load_inputs(
        list(request.paths),
        default_sender=config.sender,
        input_format=request.input_format,
        columns=config.columns,
        note=note,
        relationship=request.relationship,
        defer=defer,
        delimiter=_delimiter(request.delimiter),
    )


def _delimiter(value: str | None) -> str | None:
    """``--delimiter`` as the character: ``tab`` (or ``\\t``) is a tab."""
    if value is None:
        return None
    return "\t" if value.strip().lower() in ("tab", "\\t") else value


def _run(request: RunRequest) -> int:
    engine = _engine_for(request)
    config = engine.config
    threshold = _fail_on(request, config)
    name = request.format or config.format
    chosen = engine.loaded.formats.get(name)
    if chosen is None:
        available = ", ".join(sorted(engine.loaded.formats))
        raise UsageError(f"--format: unknown format {name!r} (available: {available})")
    for entry in engine.filter.unknown_selectors(engine.loaded.rules):
        say(f"warning: {entry!r} in select/ignore/severity matches no installed rule")
    known = {record.name for record in engine.loaded.records}
    for table in config.plugins:
        if table not in known:
            say(f"warning: [plugins.{table}] in the config matches no installed plugin")

    parallel = request.jobs > 1
    cases = _cases(request, config, defer=parallel)
    hint = None if engine.loaded.active_external else NO_PLUGINS_HINT
    if hint and name != "text":
        say(hint)
    progress = None
    # The progress line goes to a terminal, and never to the one the report is written on.
    report_on_screen = request.output is None and sys.stdout.isatty()
    if not request.quiet and sys.stderr.isatty() and not report_on_screen:
        from invitecore.progress import Progress, count_lines

        progress = Progress(sys.stderr, total=count_lines(request.paths))

    def after_each(input_error: str | None) -> None:
        # Progress and input errors on stderr, as each row is written.
        if input_error:
            if progress is not None:
                progress.clear()
            say(input_error)
        if progress is not None:
            progress.advance()

    try:
        with _output(request.output) as stream:
            options = FormatOptions(
                color=request.output is None and _use_color(stream),
                version=__version__,
                plugins_hint=hint,
            )
            writer = chosen.factory(stream, options)
            with settled_gc():
                outcome = execute(
                    engine,
                    # Unparsed records (defer=parallel) only ever reach the parallel path.
                    cases,
                    writer,
                    fail_on=threshold,
                    on_row=after_each,
                    jobs=request.jobs,
                    # Workers render rows only for writers that can take rendered text.
                    render=chosen.render if hasattr(writer, "write_text") else None,
                    summary=chosen.summary or request.summary is not None,
                )
    finally:
        if progress is not None:
            progress.close()
    if request.summary is not None:
        with _output(request.summary) as stream:
            stream.write(to_json(summary_to_dict(outcome.summary), indent=True) + "\n")
    for error in outcome.batch_errors:
        say(f"plugin {error.plugin} failed in {error.hook}: {error.message}")
    code = outcome.exit_code
    if engine.loaded.failed:
        code = max(code, EXIT_PLUGIN)
    return code
