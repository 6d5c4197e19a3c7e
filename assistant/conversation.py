"""Understand a question within its conversation: a follow-up is searched in the documents its topic came from."""

from __future__ import annotations

from dataclasses import dataclass

from nsss.assistant.question import Question
from nsss.assistant.types import Conversation


@dataclass(frozen=True)
class Plan:
    """How to search for a question: its own words, and for a follow-up the documents and topic it leans on."""

    query: str  # searched as it is: a question that names its own subject is never rewritten
    focus: tuple[str, ...] = ()  # document keys to search first (a follow-up's topic documents)
    topic: str = ""  # the earlier turn's subject words, for a wider search when the focus does not answer
    followup: bool = False


def plan(question: Question, conversation: Conversation | None) -> Plan:
    """Decide whether a question follows up the previous turn, and where to look for its answer."""
    if not conversation or not conversation.turns:
        return Plan(question.text)
    previous = conversation.turns[-1]
    if question.switches and question.anchored:
        # "What about the 2019 conference?": the earlier question asked again, of the subject named now.
        return Plan(f"{previous.asked} {question.text}".strip(), topic=previous.topic)
    follows = question.refers_back or not question.anchored or (question.continues and not question.subject)
    if not follows or not previous.focus:
        return Plan(question.text)
    return Plan(question.text, focus=previous.focus, topic=previous.topic, followup=True)
