"""pressx: press releases in, clean queryable facts out.

>>> import pressx
>>> tables = pressx.extract(pathlib.Path("corpus"))  # doctest: +SKIP

``pressx.load``, ``pressx.extract``, ``pressx.open`` and ``pressx.render`` are described in
``pressx.api``; the command line is ``pressx.cli``.
"""

from pressx.api import extract, load, open, render

__version__ = "0.1.0"
__all__ = ["extract", "load", "open", "render"]
