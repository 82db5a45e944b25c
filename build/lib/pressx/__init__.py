"""pressx: press releases in, clean queryable facts out."""

__version__ = "0.1.0"
