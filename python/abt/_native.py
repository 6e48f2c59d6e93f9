"""The compiled half of abt (the _abt extension module), with a message that says how to get it."""

try:
    import _abt  # noqa: F401  (built into build/python by scripts/build)
except ImportError as error:  # pragma: no cover - only without a build
    raise ImportError(
        "abt: the extension module _abt is not importable ({}). Build abt (scripts/build) and put its "
        "build/python directory on PYTHONPATH next to python/, e.g. "
        "PYTHONPATH=build/python:python /usr/bin/python3 (docs/python.md)".format(error)
    ) from error

__all__ = ["_abt"]
