"""``invitecore run``: read the inputs, evaluate, write the report, return the exit code."""

from __future__ import annotations

import functools
import gc
import os
import signal
import stat
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from types import FrameType
from typing import IO, TYPE_CHECKING, Annotated, Any

import attrs
import typer

from invitecore import __version__
from invitecore._suggest import did_you_mean
from invitecore.cli._help import PlainHelpCommand
from invitecore.cli.app import (
    NO_PLUGINS_HINT,
    app,
    quiet_stdout,
    say,
    set_redactor,
    set_verbose,
)
from invitecore.config import Config, config_error, load_config
from invitecore.engine import CORE_PLUGIN, Engine
from invitecore.errors import (
    InputError,
    InvitecoreError,
    OutputError,
    PluginFailure,
    PluginLoadError,
    Terminated,
    UsageError,
    quote,
)
from invitecore.hookcalls import describe
from invitecore.models import Account, Sender, Severity
from invitecore.output import FormatOptions, OutputFormat
from invitecore.plugins import LOAD_ENV, allow_list
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


class _Report:
    """The stream a report is written to. A write that fails (a full disk, a closed file)
    stops the run with one line naming where the report was going, not a traceback; a pipe
    whose reader has gone stays a ``BrokenPipeError``, which ends the command quietly."""

    def __init__(self, stream: IO[str], where: str) -> None:
        self._stream = stream
        self._where = where

    def _failed(self, exc: OSError) -> OutputError:
        return OutputError(f"cannot write the report to {self._where}: {exc.strerror or exc}")

    def write(self, text: str) -> int:
        try:
            return self._stream.write(text)
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise self._failed(exc) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except BrokenPipeError:
            raise
        except OSError as exc:
            raise self._failed(exc) from None

    def close(self) -> None:
        try:
            self._stream.close()
        except OSError as exc:
            raise self._failed(exc) from None

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextmanager
def _output(
    path: Path | None, stdout: IO[str] | None = None, *, option: str = "--output"
) -> Iterator[IO[str]]:
    """``stdout``, or a temp file beside ``path`` renamed over it only when the run completes.

    A ``path`` that is a symbolic link is written where the link points, and the link is kept.
    A ``path`` that exists and is not a regular file (``/dev/null``, a named pipe, a terminal)
    is written to directly: renaming a file over it would replace the device or pipe itself.
    """
    if path is None:
        if stdout is None:
            raise OutputError("standard output is closed: write the report with --output FILE")
        report = _Report(stdout, "standard output")
        try:
            yield report  # type: ignore[misc]
            report.flush()
        except OutputError:
            quiet_stdout()
            raise
        return
    target = Path(os.path.realpath(path))
    try:
        special = not stat.S_ISREG(os.stat(target).st_mode)
    except OSError:
        special = False  # does not exist yet (or cannot be inspected): the usual temp file
    if special:
        try:
            stream = open(target, "w", encoding="utf-8", newline="")  # noqa: SIM115
        except OSError as exc:
            raise UsageError(f"{option}: cannot write {path}: {exc.strerror or exc}") from None
        report = _Report(stream, str(path))
        try:
            yield report  # type: ignore[misc]
        except BaseException:
            with suppress(OutputError):
                report.close()
            raise
        report.close()
        return
    try:
        # Not a `with`: the file must outlive the block so it can be renamed over `path`.
        handle = tempfile.NamedTemporaryFile(  # noqa: SIM115
            "w",
            encoding="utf-8",
            dir=target.parent,
            prefix=f".{target.name}.",
            suffix=".tmp",
            delete=False,
            newline="",
        )
    except OSError as exc:
        raise UsageError(f"{option}: cannot write {path}: {exc.strerror or exc}") from None
    report = _Report(handle, str(path))
    try:
        yield report  # type: ignore[misc]
        report.close()  # a full disk shows here at the latest
        # The temp file is created private (0600); give the report the mode a new file would
        # have, or keep the mode of the file it replaces.
        try:
            mode = stat.S_IMODE(os.stat(target).st_mode)
        except FileNotFoundError:
            mask = os.umask(0)
            os.umask(mask)
            mode = 0o666 & ~mask
        os.chmod(handle.name, mode)
        os.replace(handle.name, target)
    except BaseException:
        with suppress(OSError):
            handle.close()
        Path(handle.name).unlink(missing_ok=True)
        raise


_signalled: list[int] = []


def _stop_if_signalled() -> None:
    """Raise :class:`Terminated` again for a signal whose first one was lost: raised inside a
    ``__del__``, Python prints an exception and drops it (``--jobs`` holds the signals back
    while it starts or stops workers, see :mod:`invitecore.parallel`). Called between rows and
    before the report replaces ``--output FILE``."""
    if _signalled:
        raise Terminated(_signalled[0])


@contextmanager
def _stopped_by_signals() -> Iterator[None]:
    """SIGINT (Ctrl-C), SIGTERM and SIGHUP stop the run: temporary files are removed and the
    command exits with 128 + the signal's number (:class:`~invitecore.errors.Terminated`).

    Ctrl-C gets the same handler as the others rather than Python's own, so that one whose
    exception Python drops (raised inside a ``__del__``) is not lost (see
    :func:`_stop_if_signalled`)."""

    def stop(signum: int, frame: FrameType | None) -> None:
        _signalled.append(signum)
        raise Terminated(signum)

    previous = {}
    for name in ("SIGINT", "SIGTERM", "SIGHUP"):
        number = getattr(signal, name, None)
        if number is None:
            continue
        with suppress(ValueError, OSError):  # not the main thread: leave signals alone
            previous[number] = signal.signal(number, stop)
    unraisable = sys.unraisablehook

    def quiet(event: Any) -> None:
        # The lost first Terminated (see _stop_if_signalled) is not worth a traceback.
        if not isinstance(event.exc_value, Terminated):
            unraisable(event)

    _signalled.clear()
    sys.unraisablehook = quiet
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
        sys.unraisablehook = unraisable
        _signalled.clear()


def _check_destinations(request: RunRequest) -> None:
    """Refuse a report written over one of the run's own inputs, or two reports on one file."""
    outputs = [
        (option, path)
        for option, path in (("--output", request.output), ("--summary", request.summary))
        if path is not None
    ]
    if len(outputs) == 2 and os.path.realpath(outputs[0][1]) == os.path.realpath(outputs[1][1]):
        raise UsageError("--output and --summary name the same file: give each its own")
    inputs = [name for name in request.paths if name != "-"]
    inputs += [str(p) for p in (request.template, request.config) if p is not None]
    for option, path in outputs:
        if not os.path.isfile(path):
            continue
        for name in inputs:
            try:
                same = os.path.samefile(path, name)
            except OSError:
                same = False
            if same:
                raise UsageError(
                    f"{option}: {path} is also an input of this run ({name}); the report "
                    "would replace it: write the report to another file"
                )


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
    redact: bool = False


_HELP_PATHS = "Case files or prospect lists (.toml, .json, .jsonl, .csv), or - for stdin."


@app.command(cls=PlainHelpCommand)
def run(
    paths: Annotated[list[str], typer.Argument(help=_HELP_PATHS, metavar="PATH...")],
    format: Annotated[
        str | None,
        typer.Option(
            "--format",
            "-f",
            metavar="NAME",
            help="Output format (see `invitecore formats`). Default: text.",
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE",
            help="Write the report to FILE, atomically.",
            dir_okay=False,
        ),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option(
            "--config",
            "-c",
            metavar="FILE",
            help="Config file (default: found upward).",
            dir_okay=False,
        ),
    ] = None,
    select: Annotated[
        str | None,
        typer.Option(metavar="CODES", help="Rule codes or prefixes to report, comma-separated."),
    ] = None,
    ignore: Annotated[
        str | None,
        typer.Option(metavar="CODES", help="Rule codes or prefixes to leave out, comma-separated."),
    ] = None,
    fail_on: Annotated[
        str | None,
        typer.Option(
            "--fail-on",
            metavar="LEVEL",
            help="Exit 1 for findings at or above: info, warning, error (or never).",
        ),
    ] = None,
    strict: Annotated[
        bool, typer.Option("--strict", help="Make any plugin failure fatal (exit 3).")
    ] = False,
    input_format: Annotated[
        str | None,
        typer.Option(
            "--input-format",
            metavar="NAME",
            help="Read every PATH as this format (see docs/inputs.md).",
        ),
    ] = None,
    note: Annotated[
        str | None,
        typer.Option("--note", metavar="TEXT", help="The note for every prospect without one."),
    ] = None,
    template: Annotated[
        Path | None,
        typer.Option(
            "--template",
            metavar="FILE",
            help="A note template file ({first_name} fields).",
            dir_okay=False,
        ),
    ] = None,
    relationship: Annotated[
        str | None,
        typer.Option(
            "--relationship",
            metavar="NAME",
            help="Default relationship for rows (colleague ... none).",
        ),
    ] = None,
    account: Annotated[
        str | None,
        typer.Option("--account", metavar="NAME", help="Sender account for rows: free or premium."),
    ] = None,
    jobs: Annotated[
        int,
        typer.Option(
            "--jobs",
            "-j",
            metavar="N",
            min=0,
            max=MAX_JOBS,
            help="Worker processes (order is kept); 0: one per CPU.",
        ),
    ] = 1,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress line on stderr.")
    ] = False,
    summary: Annotated[
        Path | None,
        typer.Option(
            "--summary",
            metavar="FILE",
            help="Also write the run summary (counts, duplicates, notes, send plan) as JSON.",
            dir_okay=False,
        ),
    ] = None,
    delimiter: Annotated[
        str | None,
        typer.Option(
            "--delimiter",
            metavar="SEP",
            help="CSV cell separator: , ; tab or | (default: sniffed per file).",
        ),
    ] = None,
    plugin: Annotated[
        list[str] | None,
        typer.Option(
            "--plugin",
            "-p",
            metavar="MODULE",
            help="Also load this local plugin: a module of the project or a .py file (repeat).",
        ),
    ] = None,
    trace: Annotated[
        bool, typer.Option("--trace", help="Print every hook call on stderr (INVITECORE_TRACE).")
    ] = False,
    redact: Annotated[
        bool,
        typer.Option(
            "--redact",
            help="Replace names, email addresses and profile URLs with placeholders everywhere.",
        ),
    ] = False,
    verbose: Annotated[
        bool,
        typer.Option("--verbose", help="Show the traceback of an internal error."),
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
        redact=redact,
    )
    set_verbose(verbose)
    if trace:
        from invitecore.tracing import TRACE_ENV

        os.environ[TRACE_ENV] = "1"  # read where hooks are planned; workers inherit it
    try:
        with _stopped_by_signals():
            code = _run(request)
    except InvitecoreError as error:
        say(str(error))
        raise typer.Exit(error.exit_code) from None
    finally:
        set_redactor(None)
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
                f"--account: {quote(request.account)} is not one of free, premium"
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
            f"--fail-on: {quote(request.fail_on)} is not one of info, warning, error, never"
        )
    return None if choice == "never" else Severity(choice)


MAX_JOBS = 1024
"""The most worker processes ``--jobs`` starts."""


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


class _PluginWriter:
    """The writer of a format a plugin offers: whatever it raises stops the run with one line
    naming the plugin, and exit 3 (the report is that plugin's to write; it cannot be kept)."""

    def __init__(self, writer: Any, fmt: OutputFormat) -> None:
        self._writer = writer
        self._format = fmt

    def _call(self, method: str, *args: Any) -> Any:
        try:
            return getattr(self._writer, method)(*args)
        except (KeyboardInterrupt, InvitecoreError, BrokenPipeError):
            raise
        except BaseException as exc:
            raise _format_failed(self._format, method, exc) from None

    def write(self, result: Any) -> None:
        self._call("write", result)

    def close(self, summary: Any) -> None:
        self._call("close", summary)

    def __getattr__(self, name: str) -> Any:  # write_text, when the writer has it
        attribute = getattr(self._writer, name)
        return functools.partial(self._call, name) if callable(attribute) else attribute


def _format_failed(fmt: OutputFormat, where: str, exc: BaseException) -> PluginFailure:
    return PluginFailure(
        f"plugin {fmt.plugin} failed in its output format {quote(fmt.name)} ({where}): "
        f"{describe(exc)}"
    )


def _plugin_format(fmt: OutputFormat, stream: IO[str], options: FormatOptions) -> Any:
    """The writer of ``fmt`` for ``stream``; guarded (see :class:`_PluginWriter`) when a
    plugin other than the core offers it."""
    if fmt.plugin == CORE_PLUGIN:
        return fmt.factory(stream, options)
    try:
        writer = fmt.factory(stream, options)
    except (KeyboardInterrupt, InvitecoreError, BrokenPipeError):
        raise
    except BaseException as exc:
        raise _format_failed(fmt, "factory", exc) from None
    return _PluginWriter(writer, fmt)


def _check_names(engine: Engine, request: RunRequest) -> None:
    """Refuse a name that matches nothing: a typo must not switch something off in silence.

    Plugin names in ``INVITECORE_LOAD_PLUGINS``, the config's ``disable`` and its ``[plugins.X]``
    tables must be installed plugins; rule codes and prefixes in ``--select``, ``--ignore``
    and the config's ``select``, ``ignore`` and ``severity`` must match a rule. While some
    installed plugin is not loaded (disabled, or failed), its rules are unknown, so an
    unmatched code is only a warning.
    """
    config = engine.config
    records = engine.loaded.records
    plugins = sorted(r.name for r in records if not r.internal)
    known = {r.name for r in records}
    shown = ", ".join(plugins) or "none"
    for entry in sorted(allow_list() or ()):
        if entry not in known:
            raise UsageError(
                f"{LOAD_ENV}: no installed plugin is named {quote(entry)}"
                f"{did_you_mean(entry.casefold(), plugins)} (installed: {shown})"
            )
    for entry in config.disable:
        if entry not in known:
            raise config_error(
                config,
                ["disable"],
                f"no installed plugin is named {quote(entry)}"
                f"{did_you_mean(entry.casefold(), plugins)} "
                f"(installed: {shown})",
            )
    for table in config.plugins:
        if table not in known:
            raise config_error(
                config,
                ["plugins", table],
                f"no installed plugin is named {quote(table)}"
                f"{did_you_mean(table.casefold(), plugins)} "
                f"(installed: {shown})",
            )
    codes = sorted(engine.loaded.rules)
    unknown = set(engine.filter.unknown_selectors(codes))
    if not unknown:
        return
    unloaded = any(r.status != "active" for r in records)
    origins = [
        ("--select", None, request.select is not None and _codes(request.select)),
        ("--ignore", None, request.ignore is not None and _codes(request.ignore)),
        ("select", "select", request.select is None and config.select),
        ("ignore", "ignore", request.ignore is None and config.ignore),
        ("severity", "severity", tuple(config.severity)),
    ]
    for label, key, entries in origins:
        for entry in entries or ():
            if entry not in unknown:
                continue
            # A prefix is compared with the codes' prefixes of its length: LOI -> LIO.
            candidates = sorted({*codes, *(code[: len(entry)] for code in codes)})
            message = (
                f"{quote(entry)} matches no rule of the installed plugins"
                f"{did_you_mean(entry, candidates)}"
            )
            if unloaded:
                say(f"warning: {label}: {message} (some installed plugins are not loaded)")
            elif key is None:
                raise UsageError(f"{label}: {message}")
            else:
                raise config_error(config, [key], message)


def _run(request: RunRequest) -> int:
    """Run, with standard output kept for the report: a plugin's ``print()`` (in this process
    or a worker) goes to standard error instead."""
    report = sys.stdout
    sys.stdout = sys.stderr
    try:
        return _evaluate(request, report)
    finally:
        sys.stdout = report


def _evaluate(request: RunRequest, stdout: IO[str] | None) -> int:
    _check_destinations(request)
    redactor = None
    if request.redact:
        from invitecore.redact import Redactor

        redactor = Redactor()
        set_redactor(redactor.text)
    engine = _engine_for(request)
    config = engine.config
    threshold = _fail_on(request, config)
    name = request.format or config.format
    chosen = engine.loaded.formats.get(name)
    if chosen is None:
        available = ", ".join(sorted(engine.loaded.formats))
        message = (
            f"unknown format {quote(name)}{did_you_mean(name, engine.loaded.formats)} "
            f"(available: {available})"
        )
        if request.format is None:
            raise config_error(config, ["format"], message)
        raise UsageError(f"--format: {message}")
    _check_names(engine, request)

    parallel = request.jobs > 1
    cases = _cases(request, config, defer=parallel)
    hint = None if engine.loaded.active_external else NO_PLUGINS_HINT
    if hint and name != "text":
        say(hint)
    progress = None
    # The progress line goes to a terminal, and never to the one the report is written on.
    report_on_screen = request.output is None and stdout is not None and stdout.isatty()
    if not request.quiet and sys.stderr.isatty() and not report_on_screen:
        from invitecore.progress import Progress, count_lines

        progress = Progress(sys.stderr, total=count_lines(request.paths))

    def after_each(input_error: str | None) -> None:
        # Progress and input errors on stderr, as each row is written.
        _stop_if_signalled()
        if input_error:
            if progress is not None:
                progress.clear()
            say(input_error)
        if progress is not None:
            progress.advance()

    try:
        with _output(request.output, stdout) as stream:
            options = FormatOptions(
                color=request.output is None and _use_color(stream),
                version=__version__,
                plugins_hint=hint,
            )
            writer = _plugin_format(chosen, stream, options)
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
                    redact=redactor,
                )
            _stop_if_signalled()
    finally:
        if progress is not None:
            progress.close()
    if request.summary is not None:
        with _output(request.summary, option="--summary") as stream:
            stream.write(to_json(summary_to_dict(outcome.summary), indent=True) + "\n")
    for error in outcome.batch_errors:
        say(f"plugin {error.plugin} failed in {error.hook}: {error.message}")
    code = outcome.exit_code
    if engine.loaded.failed:
        code = max(code, EXIT_PLUGIN)
    return code
