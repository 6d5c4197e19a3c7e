"""The web app: a thin Gradio shell over the shared assistant (chat, sources, library, notes, brief, settings, /ask)."""

# No `from __future__ import annotations` here: Gradio finds the `request: gr.Request` parameters by their type.

import json
import os
import shutil
import sys
import tempfile
import threading
import time
import traceback
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path
from types import SimpleNamespace

from nsss.assistant.format import answer_json
from nsss.assistant.types import Answer, Conversation
from nsss.core.layout import notes_file
from nsss.core.settings import Settings, SettingsError, go_offline
from nsss.core.types import Filters
from nsss.index import FilterError, StoreError
from nsss.ingest import UsageError
from nsss.ui import render
from nsss.ui.i18n import LANGUAGES, kind_name, reason, reference_words
from nsss.ui.i18n import text as t
from nsss.ui.login import middleware as login_middleware
from nsss.ui.notes import (
    Note,
    answer_note,
    citation_note,
    hit_note,
    moved,
    notes_docx,
    notes_markdown,
    numbered,
    passage_note,
    read_notes,
    renamed,
    write_notes,
)
from nsss.ui.render import Act
from nsss.ui.service import Service, is_new

STATIC = Path(__file__).parent / "static"
EXAMPLES = [
    "Who chaired the focal point meeting?",
    "What were the outcomes of the dissemination workshop?",
    "What does the progress report say about Action Plan II?",
]
KNOWN_ERRORS = (ValueError, FilterError, StoreError, UsageError, SettingsError, OSError, KeyError)


@dataclass(frozen=True)
class Session:
    """One browser session: its answers (one per turn) with the filters each was limited to, the conversation
    for follow-ups, the language and citation style chosen, and the last brief. Notes live in the store."""

    answers: tuple[Answer, ...] = ()
    conversation: Conversation = Conversation()
    filters: tuple[str, ...] = ()  # per turn: the filters in force, described for people ("" when none)
    no_match: tuple[bool, ...] = ()  # per turn: the filters matched no document, nothing was searched
    lang: str = "en"
    style: str = "author-date"
    brief: object = None  # the last assistant.brief.Brief


class Sessions:
    """The latest Session of each open page, changed one change at a time.

    Gradio stores an event's State output when the event ends, whatever another event of the same page stored
    meanwhile: an answer that was pending would put back the session it read, undoing "New conversation" or a change
    of language or citation style made while it ran. So every change is applied here to the latest session, under a
    lock, and every event reads the latest; the State only seeds a page this has not seen (or has forgotten).
    """

    LIMIT = 1000  # pages remembered; the oldest is forgotten first (its State still holds what it had)

    def __init__(self):
        self._lock = threading.Lock()
        self._latest: OrderedDict[str, Session] = OrderedDict()

    def latest(self, request, given: Session) -> Session:
        """Return the page's latest session (the one given, for a page with no change yet)."""
        key = getattr(request, "session_hash", None)
        with self._lock:
            return self._latest.get(key, given) if key else given

    def change(self, request, given: Session, how: Callable[[Session], Session]) -> Session:
        """Apply a change to the page's latest session, store it and return it."""
        key = getattr(request, "session_hash", None)
        with self._lock:
            new = how(self._latest.get(key, given) if key else given)
            if key:
                self._latest[key] = new
                self._latest.move_to_end(key)
                while len(self._latest) > self.LIMIT:
                    self._latest.popitem(last=False)
        return new


def parse_auth(value: str) -> tuple[str, str] | None:
    """Read NSSS_AUTH ("user:password") into the pair Gradio's login takes; empty means no login."""
    if not value:
        return None
    user, colon, password = value.partition(":")
    if not colon or not user or not password:
        raise SettingsError("NSSS_AUTH must look like user:password (both parts non-empty)")
    return user, password


def _say(exc: BaseException, lang: str = "en") -> str:
    from nsss.index.overrides import MetadataError

    if isinstance(exc, MetadataError) and exc.args[1:]:
        return t(lang, exc.args[1], **exc.args[2])
    if isinstance(exc, KNOWN_ERRORS):
        return reason(lang, str(exc).strip("'\"") or type(exc).__name__)
    traceback.print_exception(exc, file=sys.stderr)
    return t(lang, "went_wrong", detail=f"{type(exc).__name__}: {exc}")


def describe_filters(docs, kinds, years, records, lang: str = "en") -> str:
    """Say in words which filters are on: "Documents: X; Kind: workshop; Year: 2022"; "" when none."""
    titles = {r.key: r.title for r in records}
    parts = []
    if docs:
        parts.append(f"{t(lang, 'f_docs')}: {', '.join(titles.get(d, d) for d in docs)}")
    if kinds:
        parts.append(f"{t(lang, 'f_kinds')}: {', '.join(kind_name(lang, k) for k in kinds)}")
    if years:
        parts.append(f"{t(lang, 'f_years')}: {', '.join(str(y) for y in years)}")
    return "; ".join(parts)


def _user(request) -> str:
    return getattr(request, "username", None) or "" if request is not None else ""


class Exports:
    """Files written for download: each in a fresh private folder, removed a day later."""

    def __init__(self):
        self.root = tempfile.mkdtemp(prefix="nsss-notes-")  # private (0700); Gradio serves copies from its cache

    def write(self, notes: tuple[Note, ...], stem: str, style: str, title: str, lang: str = "en") -> tuple[str, str]:
        """Write notes as Markdown and DOCX, labelled in the interface language; return both paths."""
        for old in Path(self.root).iterdir():
            if old.stat().st_mtime < time.time() - 86400:
                shutil.rmtree(old, ignore_errors=True)
        folder = Path(tempfile.mkdtemp(prefix="export-", dir=self.root))
        md = folder / f"{stem}.md"
        md.write_text(notes_markdown(notes, style, title, lang), encoding="utf-8")
        docx = notes_docx(notes, folder / f"{stem}.docx", style, title, lang)
        return str(md), str(docx)


def brief_notes(brief, lang: str = "en") -> tuple[Note, ...]:
    """Turn a brief into notes, one per document (oldest first), so it exports like the notes pad."""
    from dataclasses import replace as swap

    from nsss.assistant.references import long_date

    notes = []
    for d in brief.documents:
        cites = tuple(swap(c, n=i) for i, c in enumerate(d.passages, 1))
        body = "\n".join(f"- “{' '.join(c.quote.split())}” [{c.n}]" for c in cites)
        if len(cites) == 1:
            body = body[2:]
        when = long_date(d.date, reference_words(lang)) or t(lang, "undated_head")
        notes.append(Note(f"{when} · {d.title}", body, cites, "passage"))
    return tuple(notes)


def build_app(settings: Settings, service: Service | None = None):
    """Build the Gradio app over one shared Service (opened here when not given)."""
    go_offline()
    import gradio as gr

    service = service or Service(settings)
    js = {name: (STATIC / f"{name}.js").read_text(encoding="utf-8") for name in ("bridge", "viewer", "sources", "chat")}
    exports = Exports()
    notes_lock = threading.Lock()  # one notes file change at a time, across every session of a login
    w = SimpleNamespace()  # the app's components, by name, for the tabs' wiring below

    with gr.Blocks(
        title="NSSS Assistant", analytics_enabled=False, fill_width=True, delete_cache=(3600, 86400)
    ) as demo:
        w.session = gr.State(Session(lang=settings.language, style=settings.citation_style))
        w.pending = gr.State("")
        _header(gr, w, settings)
        # Invisible bridges: clicks in the app's own HTML (sources, markers, notes, brief, library) reach Python.
        w.chat_bridge = _bridge(
            gr, js, "nsss-chat-bridge", "#nsss-chat, .nsss-panel, .nsss-viewer, .nsss-notes, .nsss-brief"
        )
        w.library_bridge = _bridge(gr, js, "nsss-library-bridge", ".nsss-library")
        lang = settings.language
        with gr.Tabs(elem_id="nsss-tabs") as w.tabs:
            with gr.Tab(t(lang, "tab_chat"), id="chat", elem_id="nsss-tab-chat") as w.tab_chat:
                _chat_tab(gr, w, lang, js)
            with gr.Tab(t(lang, "tab_brief"), id="brief", elem_id="nsss-tab-brief") as w.tab_brief:
                _brief_tab(gr, w, lang)
            with gr.Tab(t(lang, "tab_notes"), id="notes", elem_id="nsss-tab-notes") as w.tab_notes:
                _notes_tab(gr, w, lang, settings)
            with gr.Tab(t(lang, "tab_library"), id="library", elem_id="nsss-tab-library") as w.tab_library:
                _library_tab(gr, w, lang)
            with gr.Tab(t(lang, "tab_settings"), id="settings", elem_id="nsss-tab-settings") as w.tab_settings:
                w.settings_view = gr.HTML("", elem_id="nsss-settings")
                w.settings_help = gr.Markdown(t(lang, "settings_help"), elem_id="nsss-settings-help")

        def api_ask(question: str) -> dict:
            """Answer a question from the documents; returns the same JSON object as `nsss ask --json`."""
            try:
                return answer_json(service.answer(question), settings.citation_style)
            except Exception as exc:  # noqa: BLE001
                raise gr.Error(_say(exc)) from None

        gr.api(api_ask, api_name="ask", concurrency_id="answer")  # first, so that no UI event takes the name
        ctx = SimpleNamespace(
            gr=gr,
            w=w,
            service=service,
            settings=settings,
            exports=exports,
            lock=notes_lock,
            demo=demo,
            sessions=Sessions(),
        )
        _wire_chat(ctx)
        _wire_notes(ctx)
        _wire_library(ctx)
        _wire_language(ctx)
    return demo


def _bridge(gr, js: dict, elem_id: str, scope: str):
    """Return an invisible element whose script sends clicks on [data-act] inside `scope` to Python."""
    return gr.HTML(
        "",
        html_template="<span></span>",
        js_on_load=js["bridge"],
        elem_id=elem_id,
        elem_classes="nsss-bridge",
        scope=scope,
    )


def _header(gr, w, settings: Settings) -> None:
    lang = settings.language
    with gr.Row(elem_id="nsss-header"):
        w.header = gr.HTML(render.header_html(lang), elem_id="nsss-brand")
        with gr.Column(scale=0, min_width=200, elem_id="nsss-header-side"):
            w.status_line = gr.HTML(render.status_line(None, lang), elem_id="nsss-status-line")
            w.lang = gr.Radio(
                [(v, k) for k, v in LANGUAGES.items()],
                value=lang,
                show_label=False,
                label=t(lang, "language"),
                elem_id="nsss-lang",
                container=False,
                interactive=True,
            )


def _chat_tab(gr, w, lang: str, js: dict) -> None:
    with gr.Row(equal_height=False, elem_id="nsss-chat-row"):
        with gr.Column(scale=11, min_width=300, elem_id="nsss-chat-col"):
            w.chat = gr.Chatbot(
                elem_id="nsss-chat",
                height=440,
                render_markdown=False,
                sanitize_html=True,
                allow_tags=False,
                feedback_options=None,
                buttons=[],
                show_label=False,
                layout="panel",
                placeholder=render.chat_placeholder(lang),
            )
            w.chat_fix = gr.HTML("", html_template="<span></span>", js_on_load=js["chat"], elem_classes="nsss-bridge")
            with gr.Row(elem_id="nsss-ask-row"):
                w.question = gr.Textbox(
                    show_label=False,
                    label=t(lang, "question"),
                    placeholder=t(lang, "placeholder"),
                    lines=1,
                    max_lines=4,
                    scale=8,
                    min_width=160,
                    elem_id="nsss-question",
                    autofocus=True,
                )
                w.ask_btn = gr.Button(t(lang, "ask"), variant="primary", scale=1, min_width=70, elem_id="nsss-ask")
                w.new_btn = gr.Button(t(lang, "new_chat"), scale=1, min_width=90, elem_id="nsss-new")
            with gr.Row(elem_id="nsss-examples"):
                w.try_label = gr.HTML(
                    f'<span class="nsss-try">{render.esc(t(lang, "try"))}</span>', elem_id="nsss-try", padding=False
                )
                w.examples = [
                    gr.Button(q, size="sm", elem_classes="nsss-example", min_width=0, scale=0) for q in EXAMPLES
                ]
            with gr.Accordion(t(lang, "filters"), open=False, elem_id="nsss-filters") as w.filters, gr.Row():
                w.f_docs = gr.Dropdown(
                    [], multiselect=True, label=t(lang, "f_docs"), scale=3, min_width=200, elem_id="nsss-f-docs"
                )
                w.f_kinds = gr.Dropdown(
                    [], multiselect=True, label=t(lang, "f_kinds"), scale=1, min_width=120, elem_id="nsss-f-kinds"
                )
                w.f_years = gr.Dropdown(
                    [], multiselect=True, label=t(lang, "f_years"), scale=1, min_width=100, elem_id="nsss-f-years"
                )
        with gr.Column(scale=9, min_width=300, elem_id="nsss-side"):
            w.sources = gr.HTML(
                render.sources_html(None, 0, lang=lang), elem_id="nsss-sources", js_on_load=js["sources"]
            )
            w.viewer = gr.HTML(render.viewer_html(None, lang), elem_id="nsss-viewer", js_on_load=js["viewer"])


def _brief_tab(gr, w, lang: str) -> None:
    with gr.Row(elem_id="nsss-brief-row"):
        w.topic = gr.Textbox(
            label=t(lang, "brief_topic"),
            placeholder=t(lang, "brief_placeholder"),
            lines=1,
            scale=6,
            min_width=200,
            elem_id="nsss-topic",
        )
        w.brief_btn = gr.Button(t(lang, "brief_go"), variant="primary", scale=1, min_width=120, elem_id="nsss-brief-go")
    w.brief_view = gr.HTML(render.brief_html(None, lang), elem_id="nsss-brief")
    with gr.Row():
        w.brief_md = gr.DownloadButton(t(lang, "export_md"), interactive=False, elem_id="nsss-brief-md")
        w.brief_docx = gr.DownloadButton(t(lang, "export_docx"), interactive=False, elem_id="nsss-brief-docx")


def _notes_tab(gr, w, lang: str, settings: Settings) -> None:
    w.notes_view = gr.HTML(render.notes_html([], [], lang), elem_id="nsss-notes")
    with gr.Row(elem_id="nsss-notes-tools"):
        w.md_btn = gr.DownloadButton(t(lang, "export_md"), interactive=False, elem_id="nsss-export-md")
        w.docx_btn = gr.DownloadButton(t(lang, "export_docx"), interactive=False, elem_id="nsss-export-docx")
        w.style = gr.Radio(
            [(t(lang, f"style_{s}"), s) for s in ("author-date", "numbered")],
            value=settings.citation_style,
            label=t(lang, "style"),
            elem_id="nsss-style",
        )


def _library_tab(gr, w, lang: str) -> None:
    with gr.Row(equal_height=False, elem_id="nsss-library-row"):
        with gr.Column(scale=3, min_width=300):
            w.library_view = gr.HTML("", elem_id="nsss-library")
        with gr.Column(scale=1, min_width=280):
            w.files = gr.File(
                label=t(lang, "upload"),
                file_count="multiple",
                file_types=list(render.UPLOAD_TYPES),
                type="filepath",
                elem_id="nsss-upload",
            )
            w.add_btn = gr.Button(t(lang, "add"), variant="primary", elem_id="nsss-add")
            w.upload_status = gr.HTML("", elem_id="nsss-upload-status")
            with gr.Group(elem_id="nsss-edit"):
                w.edit_head = gr.HTML(
                    f'<div class="nsss-panel-title">{render.esc(t(lang, "edit_head"))}</div>', padding=False
                )
                w.edit_doc = gr.Dropdown([], label=t(lang, "edit_doc"), elem_id="nsss-edit-doc")
                w.edit_title = gr.Textbox(label=t(lang, "edit_title"), elem_id="nsss-edit-title")
                w.edit_kind = gr.Textbox(label=t(lang, "edit_kind"), elem_id="nsss-edit-kind")
                w.edit_date = gr.Textbox(label=t(lang, "edit_date"), elem_id="nsss-edit-date")
                w.edit_publisher = gr.Textbox(label=t(lang, "edit_publisher"), elem_id="nsss-edit-publisher")
                w.edit_save = gr.Button(t(lang, "edit_save"), elem_id="nsss-edit-save")


# What a click inside the rendered HTML asks for (render.Act, sent by static/bridge.js), and how each is done.
NOTE_EDITS = {  # (notes, n, message) -> notes
    Act.UNPIN: lambda notes, n, msg: notes[:n] + notes[n + 1 :],
    Act.UP: lambda notes, n, msg: moved(notes, n, -1),
    Act.DOWN: lambda notes, n, msg: moved(notes, n, 1),
    Act.RENAME: lambda notes, n, msg: renamed(notes, n, str(msg["text"])),
}
OPENS = {  # (session, turn, n) -> the passage to show in the viewer
    Act.OPEN: lambda s, turn, n: next(c for c in s.answers[turn].citations if c.n == n),
    Act.OPEN_HIT: lambda s, turn, n: s.answers[turn].retrieved[n].chunk,
    Act.BRIEF_OPEN: lambda s, turn, n: s.brief.documents[turn].passages[n],
}


def _pin_hit(service: Service, s: Session, turn: int, n: int) -> Note:
    hit = s.answers[turn].retrieved[n]
    return hit_note(s.answers[turn], hit, service.record(hit.chunk.doc_key))


PINS = {  # (service, session, turn, n) -> the note to pin
    Act.PIN_ANSWER: lambda service, s, turn, n: answer_note(s.answers[turn]),
    Act.PIN: lambda service, s, turn, n: citation_note(
        s.answers[turn], next(c for c in s.answers[turn].citations if c.n == n)
    ),
    Act.PIN_HIT: _pin_hit,
    Act.BRIEF_PIN: lambda service, s, turn, n: passage_note(s.brief.topic, s.brief.documents[turn].passages[n]),
}


def _wire_chat(ctx) -> None:
    """Questions, answers, sources, the viewer, pins, and the brief's clicks."""
    gr, w, service, sessions = ctx.gr, ctx.w, ctx.service, ctx.sessions
    private = {"api_visibility": "private"}

    def filters_of(docs, kinds, years) -> Filters:
        return Filters(tuple(docs or ()), tuple(kinds or ()), tuple(int(y) for y in years or ()))

    def chat_of(session: Session) -> list[dict]:
        return render.chat_messages(session.answers, session.lang, session.filters, session.no_match)

    def show_question(question, session, request: gr.Request):
        session = sessions.latest(request, session)
        question = " ".join((question or "").split())
        if not question:  # said by on_ask, the chain's last step (below)
            return gr.skip(), gr.skip(), ""
        pending = chat_of(session) + [{"role": "user", "content": render.esc(question)}]
        return pending, "", question

    def on_ask(question, docs, kinds, years, session, request: gr.Request):
        session = sessions.latest(request, session)
        if not question:
            # A message, not an error: an empty box is nothing to alarm anyone about. Said by the chain's last step,
            # so that the Ask the user clicks on reading it is not dropped: Gradio ignores a click while the chain
            # it started is still running.
            gr.Warning(t(session.lang, "type_first"), title=t(session.lang, "no_question"))
            return (gr.skip(),) * 5
        lang = session.lang
        filters = filters_of(docs, kinds, years)
        what = describe_filters(docs, kinds, years, service.records(), lang) if filters else ""
        try:
            if filters and not service.matches(filters):
                answer, none = Answer(question, "", True, (), ()), True
            else:
                answer, none = service.answer(question, session.conversation, filters), False
        except Exception as exc:  # noqa: BLE001 - one failed question must not break the session
            gr.Warning(_say(exc, lang), title=t(lang, "cannot_answer"))
            session = sessions.latest(request, session)
            return chat_of(session), gr.skip(), gr.skip(), session, question
        session = sessions.change(
            request,
            session,
            lambda s: replace(
                s,
                answers=s.answers + (answer,),
                filters=s.filters + (what,),
                no_match=s.no_match + (none,),
                conversation=s.conversation if none else s.conversation.add(answer),
            ),
        )
        turn, lang = len(session.answers) - 1, session.lang
        return (
            chat_of(session),
            render.sources_html(answer, turn, lang=lang, style=session.style, no_match=none),
            render.viewer_html(None, lang),
            session,
            gr.skip(),
        )

    def new_conversation(session, request: gr.Request):
        session = sessions.change(
            request, session, lambda s: replace(s, answers=(), conversation=Conversation(), filters=(), no_match=())
        )
        return [], render.sources_html(None, 0, lang=session.lang), render.viewer_html(None, session.lang), session

    def filters_label(docs, kinds, years, session):
        what = describe_filters(docs, kinds, years, service.records(), session.lang)
        n = len(docs or ()) + len(kinds or ()) + len(years or ())
        return gr.update(label=t(session.lang, "filters_on", n=n, what=what) if what else t(session.lang, "filters"))

    ask_in = [w.pending, w.f_docs, w.f_kinds, w.f_years, w.session]
    ask_out = [w.chat, w.sources, w.viewer, w.session, w.question]
    for submitted in (w.question.submit, w.ask_btn.click):
        submitted(
            show_question, [w.question, w.session], [w.chat, w.question, w.pending], concurrency_limit=None, **private
        ).success(on_ask, ask_in, ask_out, concurrency_id="answer", **private)
    for button, example in zip(w.examples, EXAMPLES, strict=True):  # an example asks at once

        def show_example(session, request: gr.Request, question=example):
            return show_question(question, session, request)

        button.click(
            show_example,
            [w.session],
            [w.chat, w.question, w.pending],
            concurrency_limit=None,
            **private,
        ).success(on_ask, ask_in, ask_out, concurrency_id="answer", **private)
    w.new_btn.click(new_conversation, w.session, [w.chat, w.sources, w.viewer, w.session], queue=False, **private)
    for dropdown in (w.f_docs, w.f_kinds, w.f_years):
        dropdown.change(filters_label, [w.f_docs, w.f_kinds, w.f_years, w.session], w.filters, queue=False, **private)

    def view_of(c, lang: str) -> render.SourceView:
        record = service.record(c.doc_key)
        if record is None:
            raise KeyError(t(lang, "gone_document", title=c.title))
        view = render.source_view(record, service.document_text(c.doc_key), c.start, c.end, c.title, c.source, lang)
        if record.format == "pdf" and c.page:
            view = render.with_page_image(view, record, c.page)
        return view

    def act(payload, session, request: gr.Request):
        """Handle a click inside the rendered HTML: open a source, pin, reorder, rename or remove a note."""
        session = sessions.latest(request, session)
        skip = gr.skip()
        nothing = (skip,) * 6
        lang = session.lang
        try:
            msg = json.loads(payload or "{}")
            action, turn, n = msg.get("act", ""), int(msg.get("turn") or 0), int(msg.get("n") or 0)
            if action in NOTE_EDITS:
                if action == Act.RENAME and msg.get("text") is None:
                    return nothing
                with ctx.lock:
                    path = notes_file(ctx.settings.store, _user(request))
                    notes = NOTE_EDITS[action](read_notes(path), n, msg)
                    write_notes(path, notes)
                return (skip, skip, *notes_outputs(ctx, notes, session), skip)
            if action in OPENS:
                viewer = render.viewer_html(view_of(OPENS[action](session, turn, n), lang), lang)
                if action == Act.BRIEF_OPEN:
                    return (skip, viewer, skip, skip, skip, gr.Tabs(selected="chat"))
                sources = render.sources_html(session.answers[turn], turn, n, lang, session.style)
                return (sources, viewer, skip, skip, skip, skip)
            if action not in PINS:
                return nothing
            note = PINS[action](service, session, turn, n)
            with ctx.lock:
                path = notes_file(ctx.settings.store, _user(request))
                notes = read_notes(path) + (note,)
                write_notes(path, notes)
            gr.Info(t(lang, "pinned", n=len(notes)), title=t(lang, "pinned_title"), duration=3)
            return (skip, skip, *notes_outputs(ctx, notes, session), skip)
        except (IndexError, StopIteration, AttributeError):
            gr.Warning(t(lang, "gone_answer"), title=t(lang, "not_found_title"))
        except Exception as exc:  # noqa: BLE001
            gr.Warning(_say(exc, lang), title=t(lang, "cannot_do"))
        return nothing

    # Every click counts (Gradio ignores a click while the last one is pending, by default), and one at a time:
    # two quick pins must both land, each reading the notes the other wrote. A click only reads the session: Gradio
    # stores every State output when the handler returns, so handing back the copy read at the start would undo an
    # answer that landed meanwhile (a pin slow to export, then "That answer is no longer in this conversation").
    w.chat_bridge.click(
        act,
        [w.chat_bridge, w.session],
        [w.sources, w.viewer, w.notes_view, w.md_btn, w.docx_btn, w.tabs],
        trigger_mode="multiple",
        concurrency_id="clicks",
        concurrency_limit=1,
        **private,
    )

    def make_brief(topic, session, request: gr.Request):
        session = sessions.latest(request, session)
        lang = session.lang
        topic = " ".join((topic or "").split())
        if not topic:
            gr.Warning(t(lang, "name_topic"), title=t(lang, "no_topic"))
            return gr.skip(), gr.skip(), gr.skip(), session
        try:
            result = service.brief(topic)
        except Exception as exc:  # noqa: BLE001
            gr.Warning(_say(exc, lang), title=t(lang, "cannot_do"))
            return gr.skip(), gr.skip(), gr.skip(), session
        session = sessions.change(request, session, lambda s: replace(s, brief=result))
        md, docx = brief_outputs(ctx, session)
        return render.brief_html(result, lang, session.style), md, docx, session

    for go in (w.topic.submit, w.brief_btn.click):
        go(
            make_brief,
            [w.topic, w.session],
            [w.brief_view, w.brief_md, w.brief_docx, w.session],
            concurrency_id="answer",
            **private,
        )


def brief_outputs(ctx, session: Session):
    """Export the session's brief as Markdown and DOCX (download buttons off when it is empty)."""
    gr = ctx.gr
    b, lang = session.brief, session.lang
    md = docx = None
    if b is not None and b.documents:
        title = t(lang, "brief_title", topic=b.topic)
        md, docx = ctx.exports.write(brief_notes(b, lang), "nsss-brief", session.style, title, lang)
    return (
        gr.update(value=md, interactive=md is not None, label=t(lang, "export_md")),
        gr.update(value=docx, interactive=docx is not None, label=t(lang, "export_docx")),
    )


def notes_outputs(ctx, notes: tuple[Note, ...], session: Session):
    """Render the notes pad and its two exports."""
    gr = ctx.gr
    items, cited = numbered(notes)
    lang = session.lang
    view = render.notes_html(items, cited, lang, session.style)
    md = docx = None
    if notes:
        md, docx = ctx.exports.write(notes, "nsss-notes", session.style, t(lang, "export_title"), lang)
    return (
        view,
        gr.update(value=md, interactive=md is not None, label=t(lang, "export_md")),
        gr.update(value=docx, interactive=docx is not None, label=t(lang, "export_docx")),
    )


def _wire_notes(ctx) -> None:
    """Notes come back from the store when the page opens; the citation style re-renders them."""
    gr, w = ctx.gr, ctx.w
    private = {"api_visibility": "private"}

    def load_notes(session, request: gr.Request):
        return notes_outputs(ctx, read_notes(notes_file(ctx.settings.store, _user(request))), session)

    def set_style(style, session, request: gr.Request):
        session = ctx.sessions.change(request, session, lambda s: replace(s, style=style))
        notes = read_notes(notes_file(ctx.settings.store, _user(request)))
        turn = len(session.answers) - 1
        sources = (
            render.sources_html(
                session.answers[-1], turn, lang=session.lang, style=style, no_match=session.no_match[-1]
            )
            if session.answers
            else gr.skip()
        )
        brief = render.brief_html(session.brief, session.lang, style)
        return (*notes_outputs(ctx, notes, session), sources, brief, *brief_outputs(ctx, session), session)

    ctx.load_notes = load_notes
    w.style.change(
        set_style,
        [w.style, w.session],
        [w.notes_view, w.md_btn, w.docx_btn, w.sources, w.brief_view, w.brief_md, w.brief_docx, w.session],
        concurrency_id="clicks",
        concurrency_limit=1,
        **private,
    )


def _wire_library(ctx) -> None:
    """The document list, uploads, deletions and corrections of a document's details."""
    gr, w, service = ctx.gr, ctx.w, ctx.service
    private = {"api_visibility": "private"}

    def library(session):
        lang = session.lang
        records, info = service.records(), service.info()
        docs = [(f"{r.title} ({r.source})", r.key) for r in records]
        kinds = [(kind_name(lang, k), k) for k in sorted({r.kind for r in records if r.kind})]
        years = sorted({str(r.year) for r in records if r.year}, reverse=True)
        return (
            render.library_html(records, lang),
            gr.update(choices=docs),
            gr.update(choices=kinds),
            gr.update(choices=years),
            render.status_html(info, lang),
            render.status_line(info, lang),
            gr.update(choices=docs),
        )

    ctx.library = library
    refresh = [w.library_view, w.f_docs, w.f_kinds, w.f_years, w.settings_view, w.status_line, w.edit_doc]
    ctx.refresh = refresh

    def upload(files, session, progress=gr.Progress()):  # noqa: B008 - Gradio's way to report progress
        lang = session.lang
        if not files:
            raise gr.Error(t(lang, "choose_files"), title=t(lang, "no_files"))
        pairs = [(Path(f), Path(f).name) for f in files]
        done: list[str] = []

        def on_file(source: str):
            done.append(source)
            progress((len(done), len(pairs)), desc=t(lang, "indexed_one", source=source))

        progress(0, desc=t(lang, "reading"))
        try:
            saved, refused, report = service.add(pairs, on_file=on_file)
        except Exception as exc:  # noqa: BLE001
            raise gr.Error(_say(exc, lang), title=t(lang, "cannot_do")) from None
        return (render.upload_report(saved, refused, report, done, lang), None, *library(session))

    def library_click(payload, session):
        lang = session.lang
        skip = gr.skip()
        try:
            msg = json.loads(payload or "{}")
            key = msg.get("key", "")
            if not key:
                return (skip,) * 12
            if msg.get("act") == Act.EDIT:
                r = service.record(key)
                if r is None:
                    return (render.message_html(t(lang, "gone"), "warn"), *(skip,) * 11)
                return (skip, *(skip,) * 6, gr.update(value=key), r.title, r.kind, r.date, r.publisher)
            record = service.delete(key)
        except Exception as exc:  # noqa: BLE001
            raise gr.Error(_say(exc, lang), title=t(lang, "cannot_do")) from None
        if record is None:
            message = render.message_html(t(lang, "gone"), "warn")
        else:
            message = render.message_html(t(lang, "deleted", title=record.title, source=record.source), "ok")
        *shown, choices = library(session)
        return (message, *shown, gr.update(choices=choices["choices"], value=None), "", "", "", "")

    def pick(key):
        r = service.record(key) if key else None
        if r is None:
            return "", "", "", ""
        return r.title, r.kind, r.date, r.publisher

    def save(key, title, kind, date, publisher, session):
        lang = session.lang
        if not key:
            raise gr.Error(t(lang, "edit_pick"), title=t(lang, "cannot_do"))
        try:
            record = service.relabel(key, {"title": title, "kind": kind, "date": date, "publisher": publisher})
        except Exception as exc:  # noqa: BLE001
            raise gr.Error(_say(exc, lang), title=t(lang, "cannot_do")) from None
        return (render.message_html(t(lang, "edit_saved", title=record.title), "ok"), *library(session))

    edit_fields = [w.edit_title, w.edit_kind, w.edit_date, w.edit_publisher]
    w.library_bridge.click(
        library_click,
        [w.library_bridge, w.session],
        [w.upload_status, *refresh, *edit_fields],
        concurrency_id="library",
        concurrency_limit=1,
        **private,
    )
    w.add_btn.click(
        upload,
        [w.files, w.session],
        [w.upload_status, w.files, *refresh],
        concurrency_id="library",
        concurrency_limit=1,
        **private,
    )
    w.edit_doc.input(pick, w.edit_doc, edit_fields, queue=False, **private)
    w.edit_save.click(
        save,
        [w.edit_doc, *edit_fields, w.session],
        [w.upload_status, *refresh],
        concurrency_id="library",
        concurrency_limit=1,
        **private,
    )


def _wire_language(ctx) -> None:
    """Opening the page and switching the language: every label, panel and message is drawn again."""
    gr, w = ctx.gr, ctx.w
    private = {"api_visibility": "private"}

    def relabel(lang: str, session: Session, request: gr.Request):
        session = ctx.sessions.change(request, session, lambda s: replace(s, lang=lang))
        turn = len(session.answers) - 1
        last = session.answers[-1] if session.answers else None
        labels = [
            gr.update(label=t(lang, "language")),
            render.header_html(lang),
            gr.update(label=t(lang, "tab_chat")),
            gr.update(label=t(lang, "tab_brief")),
            gr.update(label=t(lang, "tab_notes")),
            gr.update(label=t(lang, "tab_library")),
            gr.update(label=t(lang, "tab_settings")),
            gr.update(placeholder=t(lang, "placeholder"), label=t(lang, "question")),
            gr.update(value=t(lang, "ask")),
            gr.update(value=t(lang, "new_chat")),
            f'<span class="nsss-try">{render.esc(t(lang, "try"))}</span>',
            gr.update(label=t(lang, "filters")),
            gr.update(label=t(lang, "f_docs")),
            gr.update(label=t(lang, "f_kinds")),
            gr.update(label=t(lang, "f_years")),
            gr.update(
                value=render.chat_messages(session.answers, lang, session.filters, session.no_match),
                placeholder=render.chat_placeholder(lang),
            ),
            render.sources_html(
                last, turn, lang=lang, style=session.style, no_match=bool(session.no_match and session.no_match[-1])
            ),
            render.viewer_html(None, lang),
            gr.update(label=t(lang, "brief_topic"), placeholder=t(lang, "brief_placeholder")),
            gr.update(value=t(lang, "brief_go")),
            render.brief_html(session.brief, lang, session.style),
            *brief_outputs(ctx, session),
            gr.update(
                label=t(lang, "style"), choices=[(t(lang, f"style_{s}"), s) for s in ("author-date", "numbered")]
            ),
            gr.update(label=t(lang, "upload")),
            gr.update(value=t(lang, "add")),
            f'<div class="nsss-panel-title">{render.esc(t(lang, "edit_head"))}</div>',
            gr.update(label=t(lang, "edit_doc")),
            gr.update(label=t(lang, "edit_title")),
            gr.update(label=t(lang, "edit_kind")),
            gr.update(label=t(lang, "edit_date")),
            gr.update(label=t(lang, "edit_publisher")),
            gr.update(value=t(lang, "edit_save")),
            t(lang, "settings_help"),
        ]
        notes = ctx.load_notes(session, request)
        return (*labels, *notes, *ctx.library(session), session)

    outputs = [
        w.lang,
        w.header,
        w.tab_chat,
        w.tab_brief,
        w.tab_notes,
        w.tab_library,
        w.tab_settings,
        w.question,
        w.ask_btn,
        w.new_btn,
        w.try_label,
        w.filters,
        w.f_docs,
        w.f_kinds,
        w.f_years,
        w.chat,
        w.sources,
        w.viewer,
        w.topic,
        w.brief_btn,
        w.brief_view,
        w.brief_md,
        w.brief_docx,
        w.style,
        w.files,
        w.add_btn,
        w.edit_head,
        w.edit_doc,
        w.edit_title,
        w.edit_kind,
        w.edit_date,
        w.edit_publisher,
        w.edit_save,
        w.settings_help,
        w.notes_view,
        w.md_btn,
        w.docx_btn,
        *ctx.refresh,
        w.session,
    ]
    # The page opens in the language of the setting; the switch redraws it. Both read the notes from the store.
    w.lang.change(relabel, [w.lang, w.session], outputs, **private)

    def opened(session, request: gr.Request):
        return (*ctx.load_notes(session, request), *ctx.library(session))

    ctx.demo.load(opened, w.session, [w.notes_view, w.md_btn, w.docx_btn, *ctx.refresh], **private)


def launch_options() -> dict:
    """Return the look of the app (theme, CSS), which Gradio 6 takes at launch; no web fonts, nothing fetched."""
    import gradio as gr

    theme = gr.themes.Soft(
        primary_hue="teal",
        secondary_hue="slate",
        neutral_hue="slate",
        font=["Inter", "Segoe UI", "system-ui", "sans-serif"],
        font_mono=["ui-monospace", "Consolas", "monospace"],
    )
    return {"theme": theme, "css": (STATIC / "app.css").read_text(encoding="utf-8")}


def serve(settings: Settings) -> None:
    """Open the store (adding the bundled corpus to an empty one), build the app and serve it on this computer."""
    go_offline()
    auth = parse_auth(settings.auth)
    empty = is_new(settings)
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
        server_name=settings.host,
        server_port=settings.port,
        auth=auth,
        share=False,
        quiet=True,
        prevent_thread_lock=True,
        show_error=True,
        max_file_size=f"{settings.max_file_mb:g}mb",
        auth_message=t(settings.language, "login"),
        **launch_options(),
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
