"""The `nsss` command: one verb per stage (ingest, ask, brief, serve, eval, status), each a few lines over the library."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from nsss.core.settings import BUNDLED_CORPUS, Settings, SettingsError, go_offline

EXIT_OK, EXIT_FAILED, EXIT_USAGE = 0, 1, 2


def main(argv: list[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "handler", None):
        parser.print_help()
        return EXIT_USAGE
    go_offline()
    try:
        settings = Settings.load(config=args.config, store=args.store)
        return args.handler(args, settings)
    except KeyboardInterrupt:
        print("nsss: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - every known failure becomes a sentence, never a traceback
        return _fail(exc)


def _fail(exc: Exception) -> int:
    from nsss.index import FilterError, StoreError
    from nsss.ingest import UsageError

    usage = (SettingsError, UsageError, FilterError)
    if isinstance(exc, usage):
        print(f"nsss: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if isinstance(exc, (StoreError, ValueError, OSError)):
        print(f"nsss: {exc}", file=sys.stderr)
        return EXIT_FAILED
    raise exc


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="nsss",
        description="NSSS Assistant: answers from Bangladesh's National Social Security Strategy documents, "
        "with exact citations. Runs fully offline.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {_version()}")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--store", type=Path, help="store folder (default: NSSS_STORE or ~/.local/share/nsss)")
    common.add_argument(
        "--config", type=Path, help="settings file (TOML; default: NSSS_CONFIG or ~/.config/nsss/config.toml)"
    )
    common.add_argument("--json", action="store_true", help="print JSON for machines instead of text")
    verbs = parser.add_subparsers(title="commands", metavar="COMMAND")

    p = verbs.add_parser(
        "ingest",
        parents=[common],
        help="add, update and remove documents in the store",
        description="Sync files and folders into the store: new files are added, changed ones "
        "re-indexed, files deleted from a folder removed. Default: the bundled corpus.",
    )
    p.add_argument("paths", nargs="*", type=Path, metavar="PATH", help="files or folders (default: the bundled corpus)")
    p.set_defaults(handler=cmd_ingest)

    p = verbs.add_parser("status", parents=[common], help="show the store, the model and the documents")
    p.set_defaults(handler=cmd_status)

    p = verbs.add_parser(
        "ask",
        parents=[common],
        help="answer a question with citations",
        description="Answer a question from the documents, citing them. Without QUESTION, "
        "answer each line of standard input as its own question; with --conversation, "
        "the lines are one conversation (follow-ups lean on earlier turns) and a "
        "blank line starts a new one.",
    )
    p.add_argument("question", nargs="?", help="the question (default: one per line from standard input)")
    p.add_argument("--top-k", type=int, default=None, metavar="N", help="passages to answer from (default 5)")
    _filter_args(p)
    p.add_argument("--no-llm", action="store_true", help="answer extractively even when an LLM is configured")
    p.add_argument(
        "--conversation",
        action="store_true",
        help="read standard input as one conversation; a blank line starts a new one",
    )
    p.set_defaults(handler=cmd_ask)

    p = verbs.add_parser(
        "brief",
        parents=[common],
        help="collect every passage about a topic, by document and date",
        description="Collect the passages about a topic (a programme, a committee, a reform), "
        "grouped by document and ordered by the documents' dates, each cited.",
    )
    p.add_argument("topic", help='the topic, e.g. "Central Management Committee"')
    p.set_defaults(handler=cmd_brief)

    p = verbs.add_parser("serve", parents=[common], help="open the assistant in the browser (Gradio)")
    p.add_argument("--host", default=None, help="address to bind (default 127.0.0.1: this computer only)")
    p.add_argument("--port", type=int, default=None, help="port (default 7860)")
    p.set_defaults(handler=cmd_serve)

    p = verbs.add_parser("eval", parents=[common], help="score the assistant and baselines on a question set")
    p.add_argument("questions", type=Path, metavar="QA.jsonl", help="question set (see eval/seed_qa.jsonl)")
    p.add_argument(
        "--corpus",
        type=Path,
        action="append",
        default=None,
        help="folder of documents the questions are about; repeatable (default: the bundled corpus)",
    )
    p.add_argument(
        "--split",
        choices=("tune", "test"),
        default=None,
        help="score one half of a question set that is split in two (see eval/dev_qa.jsonl)",
    )
    p.add_argument(
        "--as-conversation",
        action="store_true",
        help="ask the whole set as one conversation, as a user who never starts a new chat",
    )
    p.add_argument("--report", type=Path, help="folder for the Markdown report and plots")
    p.add_argument("--systems", default=None, help="comma-separated systems to run (default: all)")
    p.set_defaults(handler=cmd_eval)
    return parser


def _filter_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--doc",
        action="append",
        default=[],
        metavar="DOC",
        help="only this document (source path or title); repeatable",
    )
    p.add_argument("--kind", action="append", default=[], help="only documents of this kind; repeatable")
    p.add_argument("--year", action="append", default=[], type=int, help="only documents of this year; repeatable")


def _version() -> str:
    from nsss import __version__

    return __version__


def cmd_ingest(args, settings: Settings) -> int:
    """Sync paths into the store and report what changed."""
    from nsss.ingest import ingest

    paths = args.paths or [BUNDLED_CORPUS]
    report = ingest(paths, settings, progress=sys.stderr.isatty() or not args.json)
    if args.json:
        print(json.dumps(report.as_json(), ensure_ascii=False))
    else:
        print(
            f"{report.added} added, {report.updated} updated, {report.removed} removed, "
            f"{report.unchanged} unchanged; {report.documents} documents, {report.chunks} chunks "
            f"in the store ({report.seconds:.1f} s)"
        )
        for failure in report.failed:
            print(f"failed: {failure.path}: {failure.error}", file=sys.stderr)
    return EXIT_FAILED if report.failed else EXIT_OK


def cmd_status(args, settings: Settings) -> int:
    """Show where the store is, which model fills it, and its documents."""
    from nsss.index.status import status

    info = status(settings)
    if args.json:
        print(json.dumps(info, ensure_ascii=False))
        return EXIT_OK
    print(f"Store:  {info['store']}")
    print(f"Model:  {info['model']} (collection {info['collection']})")
    print(f"LLM:    {info['llm'] or 'none (extractive answers)'}")
    if info["leftovers"]:
        print(
            f"Warning: interrupted ingest: run `nsss ingest` again ({info['leftovers']} passages of unfinished "
            "documents are left; searches skip them)"
        )
    if not info["documents"]:
        print("No documents yet: run `nsss ingest` to add the bundled corpus, or `nsss ingest PATH`.")
        return EXIT_OK
    print()
    print(f"{'Title':<60} {'Kind':<16} {'Date':<10} {'Pages':>5} {'Chunks':>6}")
    for d in info["documents"]:
        print(
            f"{d['title'][:60]:<60} {d['kind'][:16]:<16} {d['date'][:10]:<10} {d['pages'] or '-':>5} {d['chunks']:>6}"
        )
    t = info["totals"]
    print(f"\n{t['documents']} documents, {t['pages']} pages, {t['chunks']} chunks")
    return EXIT_OK


def cmd_ask(args, settings: Settings) -> int:
    """Answer one question, or each line of standard input: on its own, or as one conversation."""
    from nsss.assistant import Conversation, open_assistant
    from nsss.assistant.format import answer_json, answer_text
    from nsss.core.types import Filters

    assistant = open_assistant(settings, use_llm=not args.no_llm)
    filters = Filters(tuple(args.doc), tuple(args.kind), tuple(args.year))
    questions = [args.question] if args.question else (line.strip() for line in sys.stdin)
    conversation = Conversation()
    for question in questions:
        if not question:
            conversation = Conversation()  # a blank line ends a conversation
            continue
        answer = assistant.answer(
            question, conversation=conversation if args.conversation else None, filters=filters, top_k=args.top_k
        )
        if args.conversation:
            conversation = conversation.add(answer)
        if args.json:
            print(json.dumps(answer_json(answer, settings.citation_style), ensure_ascii=False), flush=True)
        else:
            print(answer_text(answer, settings.citation_style), flush=True)
    return EXIT_OK


def cmd_brief(args, settings: Settings) -> int:
    """Print a topic dossier: passages grouped by document, oldest document first."""
    from nsss.assistant.brief import brief, brief_json, brief_text
    from nsss.index import open_index

    result = brief(args.topic, open_index(settings))
    if args.json:
        print(json.dumps(brief_json(result), ensure_ascii=False))
    else:
        print(brief_text(result, settings.citation_style), end="")
    return EXIT_OK


def cmd_serve(args, settings: Settings) -> int:
    """Start the web app on this computer."""
    from nsss.ui.app import serve

    settings = settings.replace(**{k: v for k, v in (("host", args.host), ("port", args.port)) if v is not None})
    serve(settings)
    return EXIT_OK


def cmd_eval(args, settings: Settings) -> int:
    """Score the assistant and the baselines on a question set, and write a report."""
    from nsss.eval.harness import run_eval, summary_text

    systems = tuple(s.strip() for s in args.systems.split(",")) if args.systems else None
    result = run_eval(
        args.questions,
        settings,
        corpus=args.corpus,
        report=args.report,
        systems=systems,
        store_given=args.store is not None,
        split=args.split,
        as_conversation=args.as_conversation,
    )
    if args.json:
        print(json.dumps(result, ensure_ascii=False))
    else:
        print(summary_text(result))
    return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
