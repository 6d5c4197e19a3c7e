"""Where questions are answered: quoted evidence with citations, an optional verified LLM, or an abstention."""

from nsss.assistant.answer import Assistant, open_assistant
from nsss.assistant.types import Answer, Citation, Conversation, Turn

__all__ = ["Answer", "Assistant", "Citation", "Conversation", "Turn", "open_assistant"]
