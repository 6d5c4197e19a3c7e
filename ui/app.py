"""The web app: a thin Gradio shell over the shared assistant (chat, sources, library, notes, settings, /ask)."""

from __future__ import annotations

import json
import os
import shutil
import sys
import tempfile
import time
import traceback
from dataclasses import dataclass, replace
from pathlib import Path

from assistant.format import answer_json
from assistant.types import Answer, Conversation
from index import FilterError, Filters, StoreError
from ingest import UsageError
from nsss.settings import Settings, SettingsError, go_offline
from ui import render
from ui.login import middleware as login_middleware
from ui.notes import Note, answer_note, citation_note, hit_note, notes_docx, notes_markdown, numbered
from ui.service import Service

STATIC = Path(__file__).parent / "static"
EXAMPLES = [
    "Who chaired the focal point meeting?",
    "What were the outcomes of the dissemination workshop?",
    "What does the progress report say about Action Plan II?",
]
KNOWN_ERRORS = (ValueError, FilterError, StoreError, UsageError, SettingsError, OSError, KeyError)


@dataclass(frozen=True)
class Session:
    """One browser session: its answers (one per turn), the conversation for follow-ups, and its notes."""

    answers: tuple[Answer, ...] = ()
    conversation: Conversation = Conversation()
    notes: tuple[Note, ...] = ()


def parse_auth(value: str) -> tuple[str, str] | None:
    """Read NSSS_AUTH ("user:password") into the pair Gradio's login takes; empty means no login."""
    if not value:
        return None
    user, colon, password = value.partition(":")
    if not colon or not user or not password:
        raise SettingsError("NSSS_AUTH must look like user:password (both parts non-empty)")
    return user, password


def _say(exc: BaseException) -> str:
    if isinstance(exc, KNOWN_ERRORS):
        return str(exc).strip("'\"") or type(exc).__name__
    traceback.print_exception(exc, file=sys.stderr)
    return f"something went wrong ({type(exc).__name__}: {exc}); the app still works, try again or rephrase"


def build_app(settings: Settings, service: Service | None = None):
    """Build the Gradio app over one shared Service (opened here when not given)."""
    go_offline()
    import gradio as gr

    service = service or Service(settings)
    bridge_js = (STATIC / "bridge.js").read_text(encoding="utf-8")
    viewer_js = (STATIC / "viewer.js").read_text(encoding="utf-8")
    sources_js = (STATIC / "sources.js").read_text(encoding="utf-8")
    private = {"api_visibility": "private"}
    exports = tempfile.mkdtemp(prefix="nsss-notes-")  # private (0700); Gradio serves copies from its own cache

    def fail(exc: BaseException):
        return gr.Error(_say(exc), title="Could not do that")

    # Callbacks: each calls the service and formats with ui.render; none holds retrieval or answering logic.

    def filters_of(docs, kinds, years) -> Filters:
        return Filters(tuple(docs or ()), tuple(kinds or ()), tuple(int(y) for y in years or ()))

    def show_question(question, session):
        question = " ".join((question or "").split())
        if not question:
            raise gr.Error("Type a question first.", title="No question")
        pending = render.chat_messages(session.answers) + [{"role": "user", "content": render.esc(question)}]
        return pending, "", question

    def on_ask(question, docs, kinds, years, session):
        if not question:
            return (gr.skip(),) * 5
        try:
            answer = service.answer(question, session.conversation, filters_of(docs, kinds, years))
        except Exception as exc:  # noqa: BLE001 - one failed question must not break the session
            gr.Warning(_say(exc), title="Could not answer")
            return render.chat_messages(session.answers), gr.skip(), gr.skip(), session, question
        session = replace(session, answers=session.answers + (answer,), conversation=session.conversation.add(answer))
        turn = len(session.answers) - 1
        return (render.chat_messages(session.answers), render.sources_html(answer, turn), render.viewer_html(None),
                session, gr.skip())

    def new_conversation(session):
        session = replace(session, answers=(), conversation=Conversation())
        return [], render.sources_html(None, 0), render.viewer_html(None), session

    def view_of(answer: Answer, act: str, n: int) -> render.SourceView:
        c = answer.retrieved[n].chunk if act == "open-hit" else next(c for c in answer.citations if c.n == n)
        record = service.record(c.doc_key)
        if record is None:
            raise KeyError(f"“{c.title}” is no longer in the library")
        return render.source_view(record, service.document_text(c.doc_key), c.start, c.end, c.title, c.source)

    def notes_outputs(notes):
        items, cited = numbered(notes)
        if not notes:
            return (render.notes_html(items, cited), gr.update(value=None, interactive=False),
                    gr.update(value=None, interactive=False))
        for old in Path(exports).iterdir():  # exports are fetched at once; a day later they can go
            if old.stat().st_mtime < time.time() - 86400:
                shutil.rmtree(old, ignore_errors=True)
        folder = Path(tempfile.mkdtemp(prefix="export-", dir=exports))
        md = folder / "nsss-notes.md"
        md.write_text(notes_markdown(notes), encoding="utf-8")
        docx = notes_docx(notes, folder / "nsss-notes.docx")
        return (render.notes_html(items, cited), gr.update(value=str(md), interactive=True),
                gr.update(value=str(docx), interactive=True))

    def act(payload, session):
        """Handle a click inside the rendered HTML: open a source, pin or unpin a note."""
        skip = gr.skip()
        try:
            msg = json.loads(payload or "{}")
            action, turn, n = msg.get("act", ""), int(msg.get("turn") or 0), int(msg.get("n") or 0)
            if action == "unpin":
                session = replace(session, notes=session.notes[:n] + session.notes[n + 1:])
                return (skip, skip, *notes_outputs(session.notes), session)
            answer = session.answers[turn]
            if action in ("open", "open-hit"):
                view = view_of(answer, action, n)
                return (render.sources_html(answer, turn, n), render.viewer_html(view), skip, skip, skip, session)
            if action == "pinanswer":
                note = answer_note(answer)
            elif action == "pin":
                note = citation_note(answer, next(c for c in answer.citations if c.n == n))
            elif action == "pin-hit":
                note = hit_note(answer, answer.retrieved[n])
            else:
                return (skip,) * 5 + (session,)
            session = replace(session, notes=session.notes + (note,))
            gr.Info(f"Pinned to notes ({len(session.notes)} in the Notes tab).", title="Pinned", duration=3)
            return (skip, skip, *notes_outputs(session.notes), session)
        except (IndexError, StopIteration):
            gr.Warning("That answer is no longer in this conversation.", title="Not found")
        except Exception as exc:  # noqa: BLE001
            gr.Warning(_say(exc), title="Could not do that")
        return (skip,) * 5 + (session,)

    def library():
        records, info = service.records(), service.info()
        docs = [(f"{r.title} ({r.source})", r.key) for r in records]
        kinds = sorted({r.kind for r in records if r.kind})
        years = sorted({str(r.year) for r in records if r.year}, reverse=True)
        return (render.library_html(records), gr.update(choices=docs), gr.update(choices=kinds),
                gr.update(choices=years), render.status_html(info), render.status_line(info))

    def upload(files, progress=gr.Progress()):  # noqa: B008 - Gradio's way to report progress
        if not files:
            raise gr.Error("Choose one or more files first.", title="No files")
        pairs = [(Path(f), Path(f).name) for f in files]
        done: list[str] = []

        def on_file(source: str):
            done.append(source)
            progress((len(done), len(pairs)), desc=f"Indexed {source}")

        progress(0, desc="Reading files…")
        try:
            saved, refused, report = service.add(pairs, on_file=on_file)
        except Exception as exc:  # noqa: BLE001
            raise fail(exc) from None
        return (render.upload_report(saved, refused, report, done), None, *library())

    def delete(payload):
        try:
            key = json.loads(payload or "{}").get("key", "")
            if not key:
                return (gr.skip(),) * 7
            record = service.delete(key)
        except Exception as exc:  # noqa: BLE001
            raise fail(exc) from None
        if record is None:
            message = render.message_html("That document is no longer in the library.", "warn")
        else:
            message = render.message_html(f"Deleted “{record.title}” ({record.source}) from the library.", "ok")
        return (message, *library())

    def api_ask(question: str) -> dict:
        """Answer a question from the documents; returns the same JSON object as `nsss ask --json`."""
        try:
            return answer_json(service.answer(question))
        except Exception as exc:  # noqa: BLE001
            raise gr.Error(_say(exc)) from None

    # delete_cache: Gradio's copies of uploads and exports older than a day go, checked hourly.
    with gr.Blocks(title="NSSS Assistant", analytics_enabled=False, fill_width=True,
                   delete_cache=(3600, 86400)) as demo:
        session = gr.State(Session())
        pending = gr.State("")
        with gr.Row(elem_id="nsss-header"):
            gr.HTML('<div class="nsss-brand"><h1>NSSS Assistant</h1><p>Answers from the National Social Security '
                    "Strategy documents, every statement quoted from its source. Runs on this computer, offline.</p></div>")
            status_line = gr.HTML(render.status_line({}), elem_id="nsss-status-line")
        # Invisible bridges: clicks in the app's own HTML (sources, markers, notes, library) reach Python here.
        chat_bridge = gr.HTML("", html_template="<span></span>", js_on_load=bridge_js, elem_id="nsss-chat-bridge",
                              elem_classes="nsss-bridge", scope="#nsss-chat, .nsss-panel, .nsss-viewer, .nsss-notes")
        library_bridge = gr.HTML("", html_template="<span></span>", js_on_load=bridge_js,
                                 elem_id="nsss-library-bridge", elem_classes="nsss-bridge", scope=".nsss-library")
        with gr.Tabs(elem_id="nsss-tabs"):
            with gr.Tab("Chat", id="chat"), gr.Row(equal_height=False):
                with gr.Column(scale=11, min_width=420):
                    chat = gr.Chatbot(
                        elem_id="nsss-chat", height=470, render_markdown=False, sanitize_html=True,
                        allow_tags=False, feedback_options=None, buttons=[], show_label=False,
                        layout="panel", placeholder=render.chat_placeholder(),
                    )
                    with gr.Row(elem_id="nsss-ask-row"):
                        question = gr.Textbox(show_label=False, placeholder="Ask a question about the documents…",
                                              lines=1, max_lines=4, scale=8, elem_id="nsss-question", autofocus=True)
                        ask_btn = gr.Button("Ask", variant="primary", scale=1, min_width=80, elem_id="nsss-ask")
                        new_btn = gr.Button("New chat", scale=1, min_width=120, elem_id="nsss-new")
                    gr.Examples(EXAMPLES, inputs=question, label="Try", api_visibility="private")
                    with gr.Accordion("Filters: answer from some documents, kinds or years only", open=False,
                                      elem_id="nsss-filters"), gr.Row():
                        f_docs = gr.Dropdown([], multiselect=True, label="Documents", scale=3, elem_id="nsss-f-docs")
                        f_kinds = gr.Dropdown([], multiselect=True, label="Kind", scale=1, elem_id="nsss-f-kinds")
                        f_years = gr.Dropdown([], multiselect=True, label="Year", scale=1, elem_id="nsss-f-years")
                with gr.Column(scale=9, min_width=380):
                    sources = gr.HTML(render.sources_html(None, 0), elem_id="nsss-sources", js_on_load=sources_js)
                    viewer = gr.HTML(render.viewer_html(None), elem_id="nsss-viewer", js_on_load=viewer_js)
            with gr.Tab("Library", id="library"), gr.Row(equal_height=False):
                with gr.Column(scale=3):
                    library_view = gr.HTML("", elem_id="nsss-library")
                with gr.Column(scale=1, min_width=300):
                    files = gr.File(label="Add documents: PDF, Word (.docx), Markdown, text, HTML",
                                    file_count="multiple", file_types=list(render.UPLOAD_TYPES), type="filepath",
                                    elem_id="nsss-upload")
                    add_btn = gr.Button("Add to library", variant="primary", elem_id="nsss-add")
                    upload_status = gr.HTML("", elem_id="nsss-upload-status")
            with gr.Tab("Notes", id="notes"):
                notes_view = gr.HTML(render.notes_html([], []), elem_id="nsss-notes")
                with gr.Row():
                    md_btn = gr.DownloadButton("Export Markdown", interactive=False, elem_id="nsss-export-md")
                    docx_btn = gr.DownloadButton("Export Word (DOCX)", interactive=False, elem_id="nsss-export-docx")
            with gr.Tab("Settings", id="settings"):
                settings_view = gr.HTML("", elem_id="nsss-settings")
                gr.Markdown(render.SETTINGS_HELP, elem_id="nsss-settings-help")

        gr.api(api_ask, api_name="ask", concurrency_id="answer")  # first, so that no UI event takes the name
        refresh = [library_view, f_docs, f_kinds, f_years, settings_view, status_line]
        demo.load(library, None, refresh, **private)
        for submitted in (question.submit, ask_btn.click):
            submitted(show_question, [question, session], [chat, question, pending], concurrency_limit=None,
                      **private).success(
                on_ask, [pending, f_docs, f_kinds, f_years, session], [chat, sources, viewer, session, question],
                concurrency_id="answer", **private,
            )
        new_btn.click(new_conversation, session, [chat, sources, viewer, session], queue=False, **private)
        # Every click counts (Gradio ignores a click while the last one is pending, by default), and one at a time:
        # two quick pins must both land, each reading the notes the other wrote.
        chat_bridge.click(act, [chat_bridge, session], [sources, viewer, notes_view, md_btn, docx_btn, session],
                          trigger_mode="multiple", concurrency_id="clicks", concurrency_limit=1, **private)
        library_bridge.click(delete, library_bridge, [upload_status, *refresh], concurrency_id="library",
                             concurrency_limit=1, **private)
        add_btn.click(upload, files, [upload_status, files, *refresh], concurrency_id="library",
                      concurrency_limit=1, **private)
    return demo


def launch_options() -> dict:
    """Return the look of the app (theme, CSS), which Gradio 6 takes at launch; no web fonts, nothing fetched."""
    import gradio as gr

    theme = gr.themes.Soft(
        primary_hue="teal", secondary_hue="slate", neutral_hue="slate",
        font=["Inter", "Segoe UI", "system-ui", "sans-serif"], font_mono=["ui-monospace", "Consolas", "monospace"],
    )
    return {"theme": theme, "css": (STATIC / "app.css").read_text(encoding="utf-8")}


def serve(settings: Settings) -> None:
    """Open the store (adding the bundled corpus to an empty one), build the app and serve it on this computer."""
    go_offline()
    auth = parse_auth(settings.auth)
    empty = not settings.chroma_url and not (settings.store / "chroma").exists()
    print(f"Opening the documents in {settings.chroma_url or settings.store} and loading the model…", flush=True)
    # Loads in the background while Gradio imports and the page is built. Requests run side by side on few cores:
    # one torch thread each answered 16 simultaneous users in about half the time of the default (eval/RESULTS.md).
    threads = None if os.environ.get("OMP_NUM_THREADS") else 1
    service = Service(settings, bootstrap=True, torch_threads=threads)
    demo = build_app(settings, service)
    if empty:
        service.wait()  # a newcomer's first run: the bundled documents go in (progress on the terminal) first
    demo.queue(default_concurrency_limit=4, max_size=256)
    demo.launch(
        server_name=settings.host, server_port=settings.port, auth=auth, share=False, quiet=True,
        prevent_thread_lock=True, show_error=True, max_file_size=f"{settings.max_file_mb:g}mb",
        auth_message="NSSS Assistant: please log in. After three wrong passwords, each "
                     "further try from your computer must wait longer (1 s, 2 s, 4 s... up to 5 minutes).", **launch_options(),
        app_kwargs={"middleware": login_middleware()} if auth else None,
    )
    try:
        service.wait()  # the page is already up; questions asked meanwhile wait for the model
    except BaseException:
        demo.close()
        raise
    where = "this computer only" if settings.host in ("127.0.0.1", "localhost", "::1") else f"bound to {settings.host}"
    print(f"NSSS Assistant is ready at {demo.local_url} ({where}). Press Ctrl+C to stop.", flush=True)
    if auth:
        print(f"Log in as {auth[0]!r} with the password from NSSS_AUTH.", flush=True)
    demo.block_thread()
