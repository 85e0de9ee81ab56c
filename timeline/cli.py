"""The ``timeline`` command: extract, render, tag-timeml, evaluate.

Exit codes: 0 every input was read; 3 some inputs were skipped (each reported on stderr);
4 nothing could be read; 2 a usage error (bad option, unreadable ``--published``); 1 any
other error the library reports (with ``--strict``, the first unreadable input).
Errors are one line, ``timeline: FILE[:LINE]: reason``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from timeline.errors import DateError, NoInputError, TimelineError

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_SKIPPED = 3
EXIT_NOTHING_READ = 4


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return int(args.run(args))
    except DateError as error:
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
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    extract = commands.add_parser(
        "extract",
        help="events of articles as CSV, JSON or Parquet",
        description="Extract dated events from articles (files or directories).",
    )
    _add_input_options(extract)
    extract.add_argument(
        "--format",
        choices=("csv", "json", "parquet"),
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
    evaluate.set_defaults(run=_run_evaluate)
    return parser


def _add_input_options(command: argparse.ArgumentParser) -> None:
    command.add_argument("paths", nargs="+", help="article files or directories")
    command.add_argument(
        "--published", help="publication date (YYYY-MM-DD) for articles that carry none"
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
    command.add_argument("-q", "--quiet", action="store_true", help="print only errors")


def _mention_cap(text: str) -> int | None:
    try:
        cap = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if cap < 0:
        raise argparse.ArgumentTypeError("must be 0 (keep all) or more")
    return cap or None


def _extract(args: argparse.Namespace):  # -> (DataFrame, Report)
    from timeline.dates import parse_date_arg
    from timeline.pipeline import extract

    published = parse_date_arg(args.published)
    progress = sys.stderr.isatty() and not args.quiet
    frame = extract(
        args.paths,
        published,
        strict=args.strict,
        progress=progress,
        max_mentions=args.max_mentions,
    )
    report = frame.attrs["report"]
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
    frame, report = _extract(args)
    fmt = args.format or _format_from_suffix(args.output)
    _write_frame(frame, fmt, args.output)
    if not args.quiet and args.output is not None:
        _say(f"{report.summary(len(frame))}; wrote {args.output}", prefix="done")
    return _exit_code(report)


def _format_from_suffix(path: Path | None) -> str:
    suffix = path.suffix.lower().lstrip(".") if path else ""
    return suffix if suffix in ("csv", "json", "parquet") else "csv"


def _write_frame(frame, fmt: str, output: Path | None) -> None:
    table = frame.drop(columns=["mentions"]) if fmt == "csv" else frame
    if fmt == "parquet":
        if output is None:
            raise TimelineError("parquet output needs a file: add -o events.parquet")
        try:
            table.to_parquet(output, index=False)
        except ImportError as error:
            raise TimelineError(
                "parquet output needs pyarrow: pip install 'news-timeline[parquet]'"
            ) from error
        return
    target = output if output is not None else sys.stdout
    if fmt == "json":
        table.to_json(target, orient="records", date_format="iso", force_ascii=False, indent=1)
    else:
        table.to_csv(target, index=False)


def _run_render(args: argparse.Namespace) -> int:
    import json

    from timeline.export import to_html, to_image, to_timelinejs
    from timeline.plot import plot

    frame, report = _extract(args)
    figure = plot(
        frame,
        group_by=args.group_by,
        color_by=args.color_by,
        title=args.title,
        dense_threshold=args.dense_threshold,
    )
    path = to_html(figure, args.output, title=args.title, max_listed=args.max_listed)
    if args.timelinejs:
        story = to_timelinejs(frame, title=args.title, group_by=args.group_by or "source")
        args.timelinejs.write_text(json.dumps(story, indent=1, ensure_ascii=False), "utf-8")
    if args.image:
        to_image(figure, args.image)
    if not args.quiet:
        _say(f"{report.summary(len(frame))}; wrote {path}", prefix="done")
    return _exit_code(report)


def _run_tag_timeml(args: argparse.Namespace) -> int:
    from timeline.timex.timeml import tag_directory

    count = tag_directory(args.in_dir, args.out_dir)
    _say(f"tagged {count} documents into {args.out_dir}", prefix="done")
    return EXIT_OK


def _run_evaluate(args: argparse.Namespace) -> int:
    import json

    from timeline.timex.timeml import evaluate, format_scores, write_errors

    result = evaluate(args.gold_dir, args.system_dir)
    if args.errors:
        write_errors(result, args.errors)
    if args.json:
        print(json.dumps({k: v for k, v in result.items() if k != "errors"}, indent=1))
    else:
        print(format_scores(result))
    return EXIT_OK


def _say(message: str, prefix: str = "") -> None:
    head = f"timeline: {prefix}: " if prefix else "timeline: "
    print(head + message, file=sys.stderr)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
