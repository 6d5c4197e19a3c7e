"""NSSS Assistant: answers from Bangladesh's National Social Security Strategy documents, with citations.

The stages live in the project's top-level folders (core/, ingest/, index/, assistant/, ui/, eval/) and are
imported as nsss.core, nsss.ingest, ... An installed wheel puts them inside this package (pyproject's package-dir);
in a checkout (an editable install, or PYTHONPATH at the checkout) the folder above this one is searched as well.
"""

from pathlib import Path

__version__ = "0.1.0"

_checkout = Path(__file__).resolve().parent.parent
if (_checkout / "pyproject.toml").is_file() and (_checkout / "core" / "__init__.py").is_file():
    __path__.append(str(_checkout))
