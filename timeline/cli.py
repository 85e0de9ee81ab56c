"""The ``timeline`` command: extract, render, tag-timeml, evaluate.

Exit codes: 0 every input was read; 3 some inputs were skipped (each reported on stderr);
4 nothing could be read; 2 a usage error (bad option, unreadable ``--published``, an output
that would overwrite or land inside an input, without ``--force``); 1 any other error the
library reports (an output that cannot be written; with ``--strict``, the first unreadable
input). Errors are one line, ``timeline: FILE[:LINE]: reason``, with control characters in
names escaped, so no file name can forge a line or drive the terminal.
"""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from timeline import __version__
from timeline.errors import DateError, NoInputError, TimelineError
from timeline.export import TABLE_FORMATS, writer_for
from timeline.names import display_name, printable

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_SKIPPED = 3
EXIT_NOTHING_READ = 4


class RefusedOutputError(TimelineError):
    """An output path that is an input, or inside an input folder (exit 2 without --force)."""


class UnwritableOutputError(TimelineError):
    """An output that cannot be written: a directory, a missing folder, no permission."""


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except (DateError, RefusedOutputError) as error:
        _say(str(error))
        return EXIT_USAGE
    except NoInputError as error:
        _say(str(error))
        return EXIT_NOTHING_READ
    except TimelineError as error:
        _say(str(error))
        return EXIT_ERROR
    except KeyboardInterrupt:
        _say("interrupted")
        return 130
    except BrokenPipeError:
        # the reader went away (`timeline extract ... | head`): not an error of ours
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="timeline",
        description="Turn news articles into dated events and interactive timelines.",
        epilog="Exit codes: 0 all inputs read, 3 some skipped, 4 none readable, 2 usage.",
    )
    parser.add_argument("--version", action="version", version=f"timeline {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = commands.add_parser(
        "extract",
        help="events of articles as CSV, JSON or Parquet",
        description="Extract dated events from articles (files or directories).",
    )
    _add_input_options(extract)
    extract.add_argument(
        "--format",
        choices=TABLE_FORMATS,
        default=None,
        help="output format (default: from the -o suffix, else csv)",
    )
    extract.add_argument("-o", "--output", type=Path, help="output file (default: stdout)")
    extract.set_defaults(run=_run_extract)

    render = commands.add_parser(
        "render",
        help="an interactive HTML timeline of articles",
        description="Extract events and write a standalone, offline HTML timeline.",
    )
    _add_input_options(render)
    render.add_argument("-o", "--output", type=Path, required=True, help="HTML file to write")
    render.add_argument("--title", help="chart and page title")
    render.add_argument("--group-by", help="column whose values become lanes (e.g. source)")
    render.add_argument("--color-by", help="column that colours the markers")
    render.add_argument(
        "--dense-threshold",
        type=int,
        default=2000,
        metavar="N",
        help="above N events draw WebGL traces and counts per period (default 2000)",
    )
    render.add_argument(
        "--max-listed",
        type=int,
        default=500,
        metavar="N",
        help="list at most N events under the chart (default 500)",
    )
    render.add_argument("--timelinejs", type=Path, help="also write TimelineJS3 JSON here")
    render.add_argument("--vis", type=Path, help="also write vis-timeline JSON here")
    render.add_argument(
        "--max-events",
        type=_mention_cap,
        default=200,
        metavar="N",
        help="TimelineJS and vis-timeline: the N most reported events (0: all; default 200)",
    )
    render.add_argument(
        "--all-modalities",
        action="store_true",
        help="also draw what did not happen or only might (negated, hypothetical events),"
        " marked; by default they are left off the chart and exports, and listed",
    )
    render.add_argument(
        "--image", type=Path, help="also write a static image here (.png .svg .pdf .jpeg .webp)"
    )
    render.set_defaults(run=_run_render)

    tag = commands.add_parser(
        "tag-timeml",
        help="tag TimeML documents with the project's TIMEX3s",
        description="Read TimeML documents, tag their TEXT against their DCT, write copies.",
    )
    tag.add_argument("in_dir", type=Path, help="directory of .tml files (searched recursively)")
    tag.add_argument("out_dir", type=Path, help="directory to write the tagged copies to")
    tag.add_argument(
        "--language",
        type=_language,
        help="language of the documents, e.g. es (default: detected from each document's text)",
    )
    _add_force(tag)
    tag.set_defaults(run=_run_tag_timeml)

    evaluate = commands.add_parser(
        "evaluate",
        help="TempEval-3 Task A scores of tagged TimeML against gold",
        description="Score system TimeML against gold TimeML (TempEval-3 Task A).",
    )
    evaluate.add_argument("gold_dir", type=Path)
    evaluate.add_argument("system_dir", type=Path)
    evaluate.add_argument("--json", action="store_true", help="print the scores as JSON")
    evaluate.add_argument("--errors", type=Path, help="write every error to this CSV file")
    _add_force(evaluate)
    evaluate.set_defaults(run=_run_evaluate)
    return parser


def _add_input_options(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "paths", nargs="+", help="article files, directories, or URLs (with --fetch)"
    )
    command.add_argument(
        "--fetch",
        action="store_true",
        help="fetch the URLs given, and those listed one a line in a .txt (robots.txt "
        "respected, 20 s timeout, 10 MB cap); without it nothing goes to the network",
    )
    command.add_argument(
        "--cache",
        metavar="DIR",
        help="where fetched pages are kept for the next run (default ~/.cache/timeline/pages;"
        " '' keeps none)",
    )
    command.add_argument(
        "--published", help="publication date (YYYY-MM-DD) for articles that carry none"
    )
    command.add_argument(
        "--language",
        metavar="CODE",
        type=_language,
        help="language (de, es, ru, ...) of the articles that do not name theirs in front "
        "matter or a JSON field 'language' (default: detected from each article's text)",
    )
    command.add_argument(
        "--strict", action="store_true", help="stop at the first input that cannot be read"
    )
    command.add_argument(
        "--max-mentions",
        type=_mention_cap,
        default=100,
        help="mentions kept in full per event; the rest are counted (0: keep all; default 100)",
    )
    command.add_argument(
        "--jobs",
        type=_jobs,
        default=None,
        metavar="N",
        help="processes that tag articles and build events (default: every core for a "
        "large input, one for a small one); the events are the same",
    )
    command.add_argument(
        "--scheduler",
        metavar="tcp://HOST:PORT",
        help="run tagging and event building on this Dask cluster (needs the dask extra)",
    )
    command.add_argument("-q", "--quiet", action="store_true", help="print only errors")
    _add_force(command)


def _add_force(command: argparse.ArgumentParser) -> None:
    command.add_argument(
        "--force",
        action="store_true",
        help="write outputs even where they replace an input or land inside an input folder",
    )


def _whole(text: str, least: int, says: str) -> int:
    """An option's whole number, at least ``least``; argparse's error saying ``says`` if not."""
    try:
        number = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if number < least:
        raise argparse.ArgumentTypeError(says)
    return number


def _mention_cap(text: str) -> int | None:
    return _whole(text, 0, "must be 0 (keep all) or more") or None


def _language(text: str) -> str:
    from timeline.lang import get_language

    try:
        return get_language(text).code
    except ValueError as error:  # "language 'xx' is not supported: use one of en, es ..."
        raise argparse.ArgumentTypeError(str(error)) from None


def _jobs(text: str) -> int:
    return _whole(text, 1, "must be 1 or more")


def _extract(args: argparse.Namespace):  # -> (DataFrame, Report)
    from timeline.dates import parse_date_arg
    from timeline.pipeline import extract

    published = parse_date_arg(args.published)
    progress = sys.stderr.isatty() and not args.quiet
    fetch = False
    if args.fetch:
        from timeline.articles import Fetcher
        from timeline.articles.fetch import default_cache

        fetch = Fetcher(cache=None if args.cache == "" else Path(args.cache or default_cache()))
    frame = extract(
        args.paths,
        published,
        strict=args.strict,
        progress=progress,
        max_mentions=args.max_mentions,
        jobs=args.jobs,
        scheduler=args.scheduler,
        fetch=fetch,
        language=args.language,
    )
    report = frame.timeline.report
    for status in report.skipped:
        _say(f"{status.id}: {status.reason}")
    if not report.read:
        raise NoInputError("no article could be read: every input was skipped (see above)")
    if not args.quiet:
        for status in report.warnings:
            _say(f"{status.id}: {status.reason}", prefix="warning")
        for status in report.read:
            if status.status == "no_events":
                _say(f"{status.id}: no events: {status.reason}", prefix="note")
    return frame, report


def _exit_code(report) -> int:
    return EXIT_SKIPPED if report.skipped else EXIT_OK


def _run_extract(args: argparse.Namespace) -> int:
    check_outputs(args.paths, [args.output], force=args.force)
    frame, report = _extract(args)
    writer = writer_for(args.output, args.format, among=TABLE_FORMATS, default="csv")
    with _writing(args.output):
        writer.write(frame, args.output if args.output is not None else sys.stdout)
    if not args.quiet and args.output is not None:
        left_out = (
            f" ({writer.summary}; .json and .parquet keep them)" if writer.name == "csv" else ""
        )
        _say(f"{report.summary()}; wrote {args.output}{left_out}", prefix="done")
    return _exit_code(report)


def _run_render(args: argparse.Namespace) -> int:
    from timeline.charts import plot
    from timeline.export import write

    outputs = [args.output, args.timelinejs, args.vis, args.image]
    check_outputs(args.paths, outputs, force=args.force)
    frame, report = _extract(args)
    figure = plot(
        frame,
        group_by=args.group_by,
        color_by=args.color_by,
        title=args.title,
        dense_threshold=args.dense_threshold,
        all_modalities=args.all_modalities,
    )
    with _writing(args.output):
        path = write(figure, args.output, "html", title=args.title, max_listed=args.max_listed)
    # TimelineJS and vis-timeline groups: the chart's lanes if asked for, else the outlets
    stories = {
        "group_by": args.group_by or "outlets",
        "max_events": args.max_events,
        "all_modalities": args.all_modalities,
    }
    if args.timelinejs:
        with _writing(args.timelinejs):
            write(frame, args.timelinejs, "timelinejs", title=args.title, **stories)
    if args.vis:
        with _writing(args.vis):
            write(frame, args.vis, "vis", **stories)
    if args.image:
        with _writing(args.image):
            write(figure, args.image, "image")
    if not args.quiet:
        _say(f"{report.summary()}; wrote {path}", prefix="done")
    return _exit_code(report)


def _run_tag_timeml(args: argparse.Namespace) -> int:
    from functools import partial

    from timeline.timeml import tag_directory
    from timeline.timex import tag

    if args.language is None:
        from timeline.lang.detect import detect_language

        def tagger(text, dct=None):  # each document in the language of its text
            return tag(text, dct, language=detect_language(text))

    else:
        language = args.language
        tagger = tag if language == "en" else partial(tag, language=language)
    check_outputs([args.in_dir], [args.out_dir], force=args.force, folders=True)
    with _writing(args.out_dir):
        count = tag_directory(args.in_dir, args.out_dir, tagger)
    _say(f"tagged {count} documents into {args.out_dir}", prefix="done")
    return EXIT_OK


def _run_evaluate(args: argparse.Namespace) -> int:
    import json

    from timeline.timeml import evaluate, format_scores, write_errors

    check_outputs([args.gold_dir, args.system_dir], [args.errors], force=args.force)
    result = evaluate(args.gold_dir, args.system_dir)
    if args.errors:
        with _writing(args.errors):
            write_errors(result, args.errors)
    if args.json:
        print(json.dumps({k: v for k, v in result.items() if k != "errors"}, indent=1))
    else:
        print(format_scores(result))
    return EXIT_OK


# --- outputs: never over an input, one line when they cannot be written ---------------------


def check_outputs(
    inputs: Iterable[str | os.PathLike[str]],
    outputs: Iterable[Path | None],
    *,
    force: bool = False,
    folders: bool = False,
) -> None:
    """Before any work: refuse outputs that are inputs or inside an input folder (unless
    ``force``: ``RefusedOutputError``), and outputs that cannot be written
    (``UnwritableOutputError``). ``folders``: the outputs are directories to fill."""
    given = [Path(o) for o in outputs if o is not None]
    for output in given:
        if not force:
            problem = _overlap(output, inputs)
            if problem:
                raise RefusedOutputError(
                    f"refusing to write {display_name(output)}: {problem}; "
                    "choose another path, or add --force"
                )
        _check_writable(output, folders)
    real = [os.path.realpath(o) for o in given]
    if len(set(real)) < len(real):
        raise RefusedOutputError("two outputs name the same file; give each its own path")


def _overlap(output: Path, inputs: Iterable[str | os.PathLike[str]]) -> str | None:
    target = Path(os.path.realpath(output))
    for item in inputs:
        source = Path(os.path.realpath(item))
        name = display_name(item)
        if target == source or _same_file(output, Path(item)):
            return f"it is the input {name}"
        if source.is_dir() and source in target.parents:
            return f"it is inside the input folder {name} (it would be read as input next time)"
    return None


def _same_file(a: Path, b: Path) -> bool:
    """Hard links too: two names of one file."""
    try:
        return a.exists() and b.exists() and os.path.samefile(a, b)
    except OSError:
        return False


def _check_writable(output: Path, folder: bool) -> None:
    name = display_name(output)
    parent = output.absolute().parent
    if output.is_dir() and not folder:
        raise UnwritableOutputError(f"cannot write {name}: it is a directory; give a file name")
    if output.exists() and not output.is_dir() and folder:
        raise UnwritableOutputError(f"cannot write into {name}: it is a file, not a directory")
    if folder:  # a folder to fill is created, with its parents, like mkdir -p
        if output.is_dir() and not os.access(output, os.W_OK | os.X_OK):
            raise UnwritableOutputError(f"cannot write into {name}: permission denied")
        return
    if not parent.exists():
        folder_name = display_name(output.parent)
        raise UnwritableOutputError(
            f"cannot write {name}: the folder {folder_name} does not exist; create it first"
        )
    if not parent.is_dir():
        raise UnwritableOutputError(f"cannot write {name}: {display_name(parent)} is not a folder")
    if output.exists():
        if not os.access(output, os.W_OK):
            raise UnwritableOutputError(f"cannot write {name}: permission denied (read-only)")
    elif not os.access(parent, os.W_OK | os.X_OK):
        raise UnwritableOutputError(
            f"cannot write {name}: permission denied in {display_name(parent)}"
        )


@contextlib.contextmanager
def _writing(output: Path | None) -> Iterator[None]:
    """An OSError while writing ``output`` (a full disk, /proc) as one line, exit 1."""
    try:
        yield
    except OSError as error:
        if isinstance(error, BrokenPipeError):
            raise
        where = display_name(output) if output is not None else "standard output"
        reason = error.strerror or str(error)
        raise UnwritableOutputError(f"cannot write {where}: {reason}") from None


def _say(message: str, prefix: str = "") -> None:
    head = f"timeline: {prefix}: " if prefix else "timeline: "
    print(printable(head + message), file=sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
