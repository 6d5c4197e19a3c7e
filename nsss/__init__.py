"""NSSS Assistant: answers from Bangladesh's National Social Security Strategy documents, with citations."""

__version__ = "0.1.0"
