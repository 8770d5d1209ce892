"""Gradio UI for the conversational recommender: a thin layer over ``chat.engine``.

    python app.py    # http://127.0.0.1:7860 (GRADIO_SERVER_NAME / GRADIO_SERVER_PORT respected)

Per-session values live in ``gr.State`` (the engine's immutable ``ChatState`` and the last
``Reply``); the shared engine is loaded once, in the background, with its progress shown in
the page. The secret that unlocks a user's memory is kept in the browser (``gr.BrowserState``,
encrypted). Named API endpoints: ``/chat`` (text in, markdown text out, conversation kept per
client session), ``/step`` (a JSON event in, the JSON reply out), ``/start``.
"""

from __future__ import annotations

import json
import logging
import os
import tempfile
import traceback

os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

import gradio as gr  # noqa: E402

from chat.cards import subgraph_svg  # noqa: E402
from chat.events import (  # noqa: E402
    FEEDBACK_SAID,
    CardFeedback,
    Chip,
    RemoveConstraint,
    Reply,
    Restart,
    Text,
    Undo,
    Why,
    event_from_dict,
)
from chat.memory import SessionConflict, StoreUnavailable  # noqa: E402
from chat.narrator import Replace, collect  # noqa: E402
from chat.service import AppConfig, Service, browser_secret  # noqa: E402
from recsys.report import configure_logging  # noqa: E402

N_CHIPS, N_CARDS, N_CONSTRAINTS = 5, 5, 8
CARD_WHY_AT = 1 + N_CHIPS + 1 + 2 * N_CARDS  # where the cards' explanations start in ``_view``'s list
MAX_MESSAGE = 100_000  # characters the page accepts; the parser reads the first chat.parser.MAX_CHARS
MAX_EVENT = 200_000  # characters of one /step event
LIKE_LABEL = "Like"
CARD_ACTIONS = (("like", LIKE_LABEL), ("dislike", "Not for me"), ("seen", "Seen it"), ("why", "Why this?"))
EXAMPLES = ("something funny from the 90s, no horror", "a thriller with Harrison Ford",
            "I loved Fargo and Heat", "a French film", "just show me films")
try:
    CONFIG = AppConfig.from_env()
except ValueError as exc:  # a bad setting: one line naming it
    raise SystemExit(f"error: {exc}") from None
SERVICE = Service(CONFIG)
log = logging.getLogger("crs.app")

CSS = """
.card {border: 1px solid var(--border-color-primary); border-radius: 10px; padding: 6px 10px; margin-bottom: 8px;}
.card-buttons button {min-width: 0 !important;}
.card-why {font-size: 0.92em; border-left: 3px solid #2563eb; padding-left: 8px;}
#status {color: var(--body-text-color-subdued);}
#examples button {font-size: 0.85em;}
#session {display: none !important;}
"""


def _engine():
    return SERVICE.engine(timeout=120)


def _card_md(c) -> str:
    """A card as a person reads it: title and year (and "close" when it has only part of what
    was asked, "another suggestion" when none of it is known), what is known about it, who is
    in it and who made it, and why it is here."""
    from chat.cards import md

    head = f"**{md(c.title)}**" + (f" ({c.year})" if c.year > 0 else "")
    if c.liked:
        head += " · ♥ *you liked this*"
    elif not c.fits:
        head += (" · *close: has only part of what you asked for*" if c.partial
                 else " · *another suggestion: not known to have what you asked for*")
    facts = [", ".join(md(g) for g in c.genres), *[md(d) for d in c.details]]
    people = []
    if c.cast:
        people.append("Starring " + ", ".join(md(x) for x in c.cast[:3]))
    if c.directors:  # both Coens, as the chat's answer names them
        people.append("directed by " + " and ".join(md(d) for d in c.directors[:2]))
    reason = f"<small>Why here: {c.reason}" + (f" · for your *{md(c.persona)}* side" if c.persona else "") + "</small>"
    return "<br>".join(x for x in [head, " · ".join(f for f in facts if f), "; ".join(people), reason] if x)


def _personas_md(reply: Reply | None) -> str:
    if reply is None or not reply.personas:
        return "*No tastes yet: like a film (or tell me one you loved) and your tastes appear here.*"
    from chat.cards import md

    examples = list(reply.persona_examples) + [""] * len(reply.personas)
    return "\n".join(f"- **{md(d)}**: {w:.0%} of what you like" + (f", e.g. *{md(e)}*" if e else "")
                     for (d, w), e in zip(reply.personas, examples))


def _view(reply: Reply | None, narratives: dict | None = None) -> list:
    """Updates for every reply-driven component, in ``VIEW_OUTPUTS`` order; ``narratives``:
    item id -> the "why this?" text shown inside that film's card."""
    narratives = narratives or {}
    q = reply.question if reply else None
    out = [gr.update(value=f"**{q.text}**" if q else "", visible=q is not None)]
    opts = list(q.options) if q else []
    for k in range(N_CHIPS):
        out.append(gr.update(value=opts[k][1], visible=True) if k < len(opts) else gr.update(visible=False))
    out.append(gr.update(visible=q is not None))
    cards = list(reply.cards) if reply else []
    for k in range(N_CARDS):
        out.append(gr.update(visible=k < len(cards)))
    for k in range(N_CARDS):
        out.append(gr.update(value=_card_md(cards[k]) if k < len(cards) else ""))
    for k in range(N_CARDS):
        why = narratives.get(cards[k].item_id, "") if k < len(cards) else ""
        out.append(gr.update(value=why, visible=bool(why)))
    cons = list(reply.constraints) if reply else []
    for k in range(N_CONSTRAINTS):
        if k < len(cons):
            key, label, wanted = cons[k]
            out.append(gr.update(value=f"{'✓' if wanted else '✗'} {label}  ×", visible=True))
        else:
            out.append(gr.update(visible=False))
    out.append(_personas_md(reply))
    out.append(subgraph_svg(reply.subgraph) if reply else subgraph_svg({}))
    out.append(gr.update(value=SERVICE.status()))
    out.append(_cards_head(reply))
    for k in range(N_CARDS):  # a liked card says so on its button too
        liked = k < len(cards) and cards[k].liked
        out.append(gr.update(value="♥ Liked" if liked else LIKE_LABEL, interactive=not liked))
    return out


def _cards_head(reply: Reply | None) -> str:
    if reply is not None and reply.cards:
        return "### Films for you"
    return "### Films for you\n*Films appear here as soon as you say what you feel like watching.*"


def _step(state, event, engine=None):
    """One engine step (a new conversation when there is none yet)."""
    engine = engine or _engine()
    if state is None:
        state, _, _ = engine.start()
    return engine.step(state, event)


def _run(state, event, conflicts: bool = True):
    """One engine step; any failure becomes a polite reply and leaves the state as it was
    (with ``conflicts=False``, a conversation that moved on elsewhere raises ``SessionConflict``)."""
    engine = _engine()  # still loading: the caller says so
    try:
        return _step(state, event, engine)
    except SessionConflict as exc:
        if not conflicts:
            raise
        log.warning("turn refused: %s", exc)
        return state, Reply("This conversation moved on in another window or tab; please reload the page to "
                            "continue it there, or start over here.", state.turn)
    except Exception:
        log.error("turn failed:\n%s", traceback.format_exc())
        return state, Reply("Sorry, something went wrong on my side with that turn. Nothing was lost; please "
                            "try again or rephrase.", state.turn)


def _respond(history, state, event, user_text, narratives=None):
    """One turn on the page: the chat gets the reply's brief text (the films are the cards);
    a "why this?" narrative streams inside its card (in the chat when the film is no longer
    on a card). Yields ``[chatbot, state, last, narratives, *view]``."""
    history = list(history or []) + ([{"role": "user", "content": user_text}] if user_text else [])
    try:
        state, reply = _run(state, event)
    except RuntimeError as exc:  # still loading
        history.append({"role": "assistant", "content": f"I am not ready yet ({exc}). Please try again shortly."})
        yield [history, state, None, {}, *_view(None)]
        return
    on_cards = {c.item_id for c in reply.cards}
    narratives = {k: v for k, v in (narratives or {}).items() if k in on_cards}
    in_card = reply.explain is not None and reply.explain in on_cards
    text = reply.brief or reply.text
    history.append({"role": "assistant", "content": text + (" The explanation is on its card." if in_card else "")})
    yield [history, state, reply, narratives, *_view(reply, narratives)]
    if reply.explain:  # stream the narrative after the reply is on screen
        if not in_card:
            history.append({"role": "assistant", "content": ""})
        written = ""
        k = next((k for k, c in enumerate(reply.cards) if c.item_id == reply.explain), None)
        for chunk in _engine().narrate(state, reply.explain):
            written = chunk.text if isinstance(chunk, Replace) else written + chunk
            if in_card:  # only the card's explanation changes: send just that (a chunk at a time)
                narratives = {**narratives, reply.explain: written}
                out = [gr.skip()] * (4 + len(VIEW_OUTPUTS))
                out[3] = narratives
                out[4 + CARD_WHY_AT + k] = gr.update(value=written, visible=True)
                yield out
            else:
                history[-1] = {"role": "assistant", "content": written}
                yield [history, state, reply, narratives, *_view(reply, narratives)]


KEEP_SESSION = "(s) => { try { sessionStorage.setItem('crs-session', s || ''); } catch (e) {} return s; }"
READ_SESSION = "(t, s) => { try { s = sessionStorage.getItem('crs-session') || ''; } catch (e) {} return [t, s]; }"


def recovering(handler):
    """A page event handler that first finds this tab's conversation when the server does
    not hold it (the replica restarted, or the balancer moved the tab to another replica):
    from the database, by the session id the page keeps. Takes that id before the handler's
    own inputs."""
    def wrapped(session_id, *args):
        *lead, history, state, last, narratives = args
        if state is None and session_id:
            try:
                state, last = _engine().recover(session_id)
            except RuntimeError:  # still loading: the handler says so
                pass
        yield from handler(*lead, history, state, last, narratives)
    wrapped.__name__ = handler.__name__  # not functools.wraps: Gradio would read the inner signature
    return wrapped


def on_load(token, session_id=""):
    """A page opens: a fresh conversation, or, when this tab already had one (a reload, or
    the page reloading itself after its server went away), that conversation as stored."""
    try:
        engine = _engine()
    except RuntimeError as exc:
        return [[{"role": "assistant", "content": f"The recommender could not start: {exc}"}], None, None, {}, token,
                *_view(None)]
    if session_id:
        state, reply = engine.recover(session_id)
        if state is not None:
            history = engine.transcript(state)
            history.append({"role": "assistant", "content": "*(The page reloaded; our conversation continues.)*"})
            return [history, state, reply, {}, token, *_view(reply)]
    state, reply, token = engine.start(token or None)
    return [[{"role": "assistant", "content": reply.text}], state, reply, {}, token, *_view(reply)]


def on_text(message, history, state, last, narratives):
    text = (message or "").strip()
    if not text:
        yield [history, state, last, narratives, *_view(last, narratives), ""]
        return
    for out in _respond(history, state, Text(text, turn=None), text[:300], narratives):
        yield [*out, ""]


def example_handler(text):
    def handler(history, state, last, narratives):
        for out in _respond(history, state, Text(text, turn=None), text, narratives):
            yield [*out, ""]
    return handler


def chip_handler(k):
    def handler(history, state, last, narratives):
        q = last.question if last else None
        if q is None or k >= len(q.options):
            yield [history, state, last, narratives, *_view(last, narratives)]
            return
        key, label = q.options[k]
        yield from _respond(history, state, Chip(key, turn=last.turn), label, narratives)
    return handler


def on_any(history, state, last, narratives):
    yield from _respond(history, state, Chip("any", turn=last.turn if last else None), "any", narratives)


def card_handler(k, kind):
    def handler(history, state, last, narratives):
        if last is None or k >= len(last.cards):
            yield [history, state, last, narratives, *_view(last, narratives)]
            return
        card = last.cards[k]
        if kind == "why":
            event, text = Why(card.item_id, turn=last.turn), f"Why {card.title}?"
        else:
            event = CardFeedback(card.item_id, kind, turn=last.turn)
            text = FEEDBACK_SAID[kind] + card.title
        yield from _respond(history, state, event, text, narratives)
    return handler


def constraint_handler(k):
    def handler(history, state, last, narratives):
        if last is None or k >= len(last.constraints):
            yield [history, state, last, narratives, *_view(last, narratives)]
            return
        key, label, _ = last.constraints[k]
        yield from _respond(history, state, RemoveConstraint(key, turn=last.turn), f"Remove {label}", narratives)
    return handler


def on_undo(history, state, last, narratives):
    yield from _respond(history, state, Undo(turn=last.turn if last else None), "Undo", narratives)


def on_restart(history, state, last, narratives):
    yield from _respond(history, state, Restart(turn=last.turn if last else None), "Start over", narratives)


def on_resume(key):
    out = on_load((key or "").strip() or None)
    return [*out, ""]


def _found(session_id, state):
    """This tab's conversation: the server's copy, or the database's by the page's session id."""
    if state is None and session_id:
        try:
            return _engine().session(session_id)
        except RuntimeError:  # still loading
            return None
    return state


def on_view_memory(session_id, state):
    state = _found(session_id, state)
    return gr.update(value=_engine().memory_view(state) if state is not None else "*Nothing is remembered yet.*",
                     visible=True)


def on_export(session_id, state):
    state = _found(session_id, state)
    data = _engine().export(state) if state is not None else {}
    fd, path = tempfile.mkstemp(prefix="my-movie-memory-", suffix=".json")
    with os.fdopen(fd, "w") as f:
        json.dump(data, f, indent=2)
    return path


def on_forget(session_id, state):
    state = _found(session_id, state)
    engine = _engine()
    deleted = engine.forget(state) if state is not None else {}
    state, reply, token = engine.start(None)
    n = sum(deleted.values())
    msg = f"Your memory is deleted ({n} records). This is a fresh start with a new key."
    return [[{"role": "assistant", "content": msg}], state, reply, {}, token, *_view(reply),
            gr.update(value="", visible=False)]


def api_chat(message, state):
    """``/chat``: the user's message as text in, the bot's reply as markdown text out."""
    text = message if isinstance(message, str) else str(message or "")
    if not text.strip():
        return "Please type a message: what would you like to watch?", state
    try:
        state, reply = _run(state, Text(text))
    except RuntimeError as exc:
        return f"I am not ready yet ({exc}). Please try again shortly.", state
    parts = [reply.text]
    if reply.explain:  # "why this one?": the explanation right under its heading
        parts.append(collect(_engine().narrate(state, reply.explain)))
    if reply.question and f"**{reply.question.text}**" in reply.text:  # the options of the question asked
        parts.append("Options: " + ", ".join(label for _, label in reply.question.options) + ", or any.")
    return "\n\n".join(parts), state


def api_step(event_json, state):
    """``/step``: an event as JSON ({"type": "text", "text": ...}, {"type": "chip", "value":
    "genre=Comedy", "turn": 3}, like / dislike / seen / why with "item_id", undo, restart,
    remove with "key"); the structured reply as JSON, with the conversation's ``session``.
    With ``"session": id`` (from ``/start`` or an earlier reply) the event continues that
    conversation as the store has it, so a client can move between app replicas."""
    try:
        if isinstance(event_json, str) and len(event_json) > MAX_EVENT:
            raise ValueError(f"an event is at most {MAX_EVENT:,} characters, this one has {len(event_json):,}")
        d = json.loads(event_json) if isinstance(event_json, str) else dict(event_json)
        event = event_from_dict(d)
        session = d.get("session")
        if session is not None and not isinstance(session, str):
            raise TypeError(f"session must be a string, got {type(session).__name__}")
    except (ValueError, KeyError, TypeError, AttributeError, RecursionError) as exc:  # Recursion: absurd nesting
        return json.dumps({"error": f"bad event: {type(exc).__name__}: {str(exc)[:200]}"}), state
    try:
        if session is not None:
            state = _engine().session(session)
            if state is None:
                return json.dumps({"error": f"unknown session {session[:80]!r}: start one with /start"}), None
        state, reply = _run(state, event, conflicts=False)
    except SessionConflict as exc:  # another replica answered this turn first: nothing was written
        return json.dumps({"error": str(exc), "session": state.session_id}), state
    except RuntimeError as exc:  # still loading
        return json.dumps({"error": str(exc)}), state
    out = reply.to_dict() | {"session": state.session_id}
    if reply.explain:
        out["narrative"] = collect(_engine().narrate(state, reply.explain))
    return json.dumps(out), state


def api_start(state):
    """``/start``: a fresh conversation for this client, as a new user; the reply's
    ``memory_key`` resumes this user's memory later (``/resume``)."""
    state, reply, token = _engine().start(None)
    return json.dumps({**reply.to_dict(), "memory_key": token, "session": state.session_id}), state


def api_resume(key, state):
    """``/resume``: a fresh conversation as the user whose memory key this is (a new user,
    with a note saying so, when the key unlocks nothing)."""
    state, reply, token = _engine().start(str(key or "").strip() or None)
    return json.dumps({**reply.to_dict(), "memory_key": token, "session": state.session_id}), state


with gr.Blocks(title="Movie night: a conversational recommender") as demo:
    state = gr.State(None)
    last = gr.State(None)
    narr = gr.State({})  # item id -> its "why this?" text, shown inside the card
    # this tab's conversation id, kept in the page (rendered, so its value lives in the page, but not shown)
    session_box = gr.Textbox(elem_id="session", show_label=False, container=False, interactive=False)
    token = gr.BrowserState("", storage_key="crs-memory-key", secret=browser_secret())
    gr.Markdown("## 🎬 Movie night\nTell me what you feel like watching; I ask a little and recommend a lot.")
    status = gr.Markdown(SERVICE.status(), elem_id="status")
    with gr.Row():
        with gr.Column(scale=5):
            chatbot = gr.Chatbot(label="Conversation", show_label=False, height=460, elem_id="chat", allow_tags=False)
            question = gr.Markdown(visible=False, elem_id="question")
            with gr.Row(elem_id="chips"):
                chips = [gr.Button(visible=False, size="sm", elem_id=f"chip-{k}") for k in range(N_CHIPS)]
                any_btn = gr.Button("any", visible=False, size="sm", variant="secondary", elem_id="chip-any")
            with gr.Row():
                box = gr.Textbox(placeholder="e.g. something funny from the 90s, no horror", show_label=False,
                                 scale=5, elem_id="message", max_length=MAX_MESSAGE)
                send = gr.Button("Send", variant="primary", scale=1, elem_id="send")
            with gr.Row(elem_id="examples"):
                gr.Markdown("Try:", elem_id="examples-label")
                example_buttons = [gr.Button(text, size="sm", variant="secondary", elem_id=f"example-{k}")
                                   for k, text in enumerate(EXAMPLES)]
            with gr.Row():
                undo = gr.Button("↶ Undo", size="sm", elem_id="undo")
                restart = gr.Button("Start over", size="sm", elem_id="restart")
            with gr.Row(elem_id="constraints"):
                cons = [gr.Button(visible=False, size="sm", elem_id=f"constraint-{k}") for k in range(N_CONSTRAINTS)]
        with gr.Column(scale=4, elem_id="cards"):
            cards_head = gr.Markdown(_cards_head(None), elem_id="cards-head")
            card_groups, card_mds, card_whys, card_buttons = [], [], [], []
            for k in range(N_CARDS):
                with gr.Group(visible=False, elem_id=f"card-{k}", elem_classes="card") as g:
                    m = gr.Markdown(elem_id=f"card-{k}-text")
                    with gr.Row(elem_classes="card-buttons"):
                        b = [gr.Button(label, size="sm", elem_id=f"card-{k}-{kind}") for kind, label in CARD_ACTIONS]
                    w = gr.Markdown(visible=False, elem_id=f"card-{k}-narrative", elem_classes="card-why")
                card_groups.append(g)
                card_mds.append(m)
                card_whys.append(w)
                card_buttons.append(b)
    with gr.Row():
        with gr.Column(scale=1):
            gr.Markdown("### Your tastes")
            personas = gr.Markdown(_personas_md(None), elem_id="personas")
        with gr.Column(scale=1):
            gr.Markdown("### Why these films: the query–item graph")
            graph = gr.HTML(subgraph_svg({}), elem_id="graph")
        with gr.Column(scale=1):
            with gr.Accordion("Your memory", open=False, elem_id="memory"):
                gr.Markdown("Your memory is unlocked by a secret key kept in this browser. Show it and copy it to "
                            "resume on another device; nobody can open a memory without its key.")
                key_box = gr.Textbox(label="Key", elem_id="memory-key", buttons=["copy"],
                                     placeholder="press Show my key, or paste a key here")
                with gr.Row():
                    show_key = gr.Button("Show my key", size="sm", elem_id="show-key")
                    resume = gr.Button("Resume with this key", size="sm")
                with gr.Row():
                    view = gr.Button("View my memory", size="sm", elem_id="view-memory")
                    export = gr.Button("Export (JSON)", size="sm")
                    forget = gr.Button("Forget me", size="sm", variant="stop", elem_id="forget")
                memory_view = gr.Markdown(visible=False, elem_id="memory-view")
                export_file = gr.File(label="Export", interactive=False)

    VIEW_OUTPUTS = [question, *chips, any_btn, *card_groups, *card_mds, *card_whys, *cons, personas, graph, status,
                    cards_head, *(b[0] for b in card_buttons)]
    TURN_OUT = [chatbot, state, last, narr, *VIEW_OUTPUTS]
    HIST_IN = [chatbot, state, last, narr]

    # the tab's conversation id also lives in the tab's sessionStorage: a reload (which Gradio does by
    # itself when its server goes away mid-turn) continues the conversation; a new tab starts afresh
    demo.load(on_load, inputs=[token, session_box], outputs=[chatbot, state, last, narr, token, *VIEW_OUTPUTS],
              api_name=False, js=READ_SESSION)
    session_box.change(None, inputs=[session_box], js=KEEP_SESSION, api_name=False)
    box.submit(recovering(on_text), inputs=[session_box, box, *HIST_IN], outputs=[*TURN_OUT, box], api_name=False)
    send.click(recovering(on_text), inputs=[session_box, box, *HIST_IN], outputs=[*TURN_OUT, box], api_name=False)
    for b, text in zip(example_buttons, EXAMPLES):
        b.click(recovering(example_handler(text)), inputs=[session_box, *HIST_IN], outputs=[*TURN_OUT, box],
                api_name=False)
    for k, b in enumerate(chips):
        b.click(recovering(chip_handler(k)), inputs=[session_box, *HIST_IN], outputs=TURN_OUT, api_name=False)
    any_btn.click(recovering(on_any), inputs=[session_box, *HIST_IN], outputs=TURN_OUT, api_name=False)
    for k, buttons in enumerate(card_buttons):
        for b, (kind, _) in zip(buttons, CARD_ACTIONS):
            b.click(recovering(card_handler(k, kind)), inputs=[session_box, *HIST_IN], outputs=TURN_OUT,
                    api_name=False)
    for k, b in enumerate(cons):
        b.click(recovering(constraint_handler(k)), inputs=[session_box, *HIST_IN], outputs=TURN_OUT, api_name=False)
    undo.click(recovering(on_undo), inputs=[session_box, *HIST_IN], outputs=TURN_OUT, api_name=False)
    restart.click(recovering(on_restart), inputs=[session_box, *HIST_IN], outputs=TURN_OUT, api_name=False)
    # the tab holds its conversation's id, so a replica that never saw it (or restarted) continues it
    state.change(lambda s: s.session_id if s is not None else "", inputs=[state], outputs=[session_box],
                 api_name=False)
    resume.click(on_resume, inputs=[key_box], outputs=[chatbot, state, last, narr, token, *VIEW_OUTPUTS, key_box],
                 api_name=False)
    show_key.click(lambda t: t, inputs=[token], outputs=[key_box], api_name=False)
    view.click(on_view_memory, inputs=[session_box, state], outputs=[memory_view], api_name=False)
    export.click(on_export, inputs=[session_box, state], outputs=[export_file], api_name=False)
    forget.click(on_forget, inputs=[session_box, state],
                 outputs=[chatbot, state, last, narr, token, *VIEW_OUTPUTS, memory_view], api_name=False)

    # named API endpoints: hidden buttons no page element can press; state is per client session
    api_in, api_out = gr.Textbox(visible=False), gr.Textbox(visible=False)
    for name, fn, inputs in (("chat", api_chat, [api_in, state]), ("step", api_step, [api_in, state]),
                             ("start", api_start, [state]), ("resume", api_resume, [api_in, state])):
        gr.Button(visible=False).click(fn, inputs=inputs, outputs=[api_out, state], api_name=name)

    timer = gr.Timer(1.0)  # shows the loading progress; a page opened once everything is loaded needs none
    demo.load(lambda: gr.Timer(active=not SERVICE.ready and not SERVICE.error), outputs=[timer], api_name=False)
    timer.tick(lambda: (gr.update(value=SERVICE.status()), gr.Timer(active=not SERVICE.ready and not SERVICE.error)),
               outputs=[status, timer], api_name=False)


if __name__ == "__main__":
    configure_logging()
    try:  # a database or vector server that cannot be used stops the start, in one line
        SERVICE.open_memory()
        SERVICE.check_vector_server()
    except (StoreUnavailable, ValueError) as exc:  # ValueError: recsys.vector_store.ChromaServerError
        raise SystemExit(f"error: {exc}") from None
    SERVICE.start_loading()
    demo.queue(default_concurrency_limit=CONFIG.concurrency).launch(
        server_name=os.environ.get("GRADIO_SERVER_NAME", "127.0.0.1"), css=CSS,
        theme=gr.themes.Soft(), footer_links=["api"], state_session_capacity=CONFIG.max_sessions)
