"""abt.Result: one run's outputs as pandas objects, from a run in memory or from an output directory.

The frames are parsed from the very text of the files `abt run` writes (app/run/result_writer.hpp), so a
Result's DataFrames equal pandas.read_csv of the CLI's files for the same config and data, value for value.
"""

import functools
import io
import os
import shutil

import pandas as pd

from ._native import _abt

#: file stem -> (index column, other date columns) of each CSV output.
_LAYOUT = {
    "equity": ("date", []),
    "trades": ("datetime", []),
    "positions": ("date", []),
    "rejections": ("datetime", []),
    "round_trips": ("closed", ["opened"]),
    "signals": ("date", []),
    "signals_60m": ("datetime", []),
}
_STRINGS = {"symbol": str, "side": str, "reason": str}


def frame_from_csv(name, text):
    """A DataFrame of one output file's text: its date column as a DatetimeIndex, symbols as strings."""
    index, dates = _LAYOUT[name]
    if not text:
        return pd.DataFrame(index=pd.DatetimeIndex([], name=index))
    frame = pd.read_csv(io.StringIO(text), dtype=_STRINGS, parse_dates=[index] + dates, index_col=index)
    return frame


def read_output_csv(path):
    """pandas.read_csv of an output file the way Result parses it (for comparisons)."""
    name = os.path.basename(path)[: -len(".csv")]
    with open(path, encoding="utf-8") as f:
        return frame_from_csv(name, f.read())


class _HandleSource:
    def __init__(self, handle):
        self.handle = handle

    def csv(self, name):
        return self.handle.csv(name)

    def document(self):
        return self.handle.document()

    def report_html(self):
        return self.handle.report_html()

    def timing(self):
        return self.handle.timing()

    def save(self, directory, record):
        self.handle.save(directory, record)


class _DirSource:
    def __init__(self, directory):
        self.directory = os.fspath(directory)
        path = os.path.join(self.directory, "result.json")
        if not os.path.exists(path):
            raise FileNotFoundError("abt.load_result: {} has no result.json (not a run's output directory)".format(
                self.directory))
        self._doc = _abt.read_json_file(path)

    def csv(self, name):
        path = os.path.join(self.directory, name + ".csv")
        if not os.path.exists(path):
            if name.startswith("signals"):
                return ""
            raise FileNotFoundError("{}: missing (an incomplete output directory?)".format(path))
        with open(path, encoding="utf-8") as f:
            return f.read()

    def document(self):
        return dict(self._doc)

    def report_html(self):
        path = os.path.join(self.directory, "report.html")
        if not os.path.exists(path):
            raise FileNotFoundError("{}: no report (sweep variants and regress runs write none)".format(path))
        with open(path, encoding="utf-8") as f:
            return f.read()

    def timing(self):
        # abt run writes wall-clock facts to timing.json beside result.json (sweep variants have none).
        path = os.path.join(self.directory, "timing.json")
        return _abt.read_json_file(path) if os.path.exists(path) else {}

    def save(self, directory, record):
        del record  # already recorded, if at all, when it was written
        if os.path.abspath(directory) == os.path.abspath(self.directory):
            return
        os.makedirs(directory, exist_ok=True)
        for entry in os.listdir(self.directory):
            source = os.path.join(self.directory, entry)
            if os.path.isfile(source):
                shutil.copy2(source, os.path.join(directory, entry))


class Result:
    """One backtest's results (abt.run, abt.load_result).

    equity, trades, positions, rejections, round_trips, signals (signals_60m): DataFrames with a DatetimeIndex;
    metrics: dict; returns: daily returns (Series, for pyfolio / quantstats); warnings: list of dicts; config:
    the resolved config; document: the whole result.json; report_html(): report.html; save(dir): the files of
    `abt run`."""

    def __init__(self, source):
        self._source = source

    @functools.cached_property
    def document(self):
        """result.json as `abt run` writes it."""
        return self._source.document()

    @property
    def metrics(self):
        return self.document["metrics"]

    @property
    def config(self):
        """The resolved config: every default filled in."""
        return self.document["config"]

    @property
    def warnings(self):
        return self.document["warnings"]

    @property
    def timing(self):
        """load_seconds, run_seconds (engine time), bars, bars_per_second, events."""
        return self._source.timing()

    def csv(self, name):
        """The text of output file `name` (equity, trades, positions, rejections, round_trips, signals,
        signals_60m), byte for byte what `abt run` writes ("" for signals when none were recorded)."""
        return self._source.csv(name)

    def _frame(self, name):
        cache = self.__dict__.setdefault("_frames", {})
        if name not in cache:
            cache[name] = frame_from_csv(name, self.csv(name))
        return cache[name]

    equity = property(lambda self: self._frame("equity"), doc="equity.csv: one row per trading day.")
    trades = property(lambda self: self._frame("trades"), doc="trades.csv: one row per fill.")
    positions = property(lambda self: self._frame("positions"), doc="positions.csv: end-of-day holdings.")
    rejections = property(lambda self: self._frame("rejections"), doc="rejections.csv: blocked or reduced intents.")
    round_trips = property(lambda self: self._frame("round_trips"), doc="round_trips.csv, indexed by close date.")
    signals = property(lambda self: self._frame("signals"), doc="signals.csv: recorded daily signals.")
    signals_60m = property(lambda self: self._frame("signals_60m"), doc="signals_60m.csv: 60-minute signals.")

    @property
    def returns(self):
        """Daily returns of NAV (the first day against the initial capital), a Series named "returns"."""
        nav = self.equity["nav"]
        returns = nav.pct_change()
        if len(nav):
            returns.iloc[0] = nav.iloc[0] / float(self.config["capital"]) - 1.0
        returns.name = "returns"
        return returns

    def report_html(self):
        """report.html (app/run/html_report.hpp): a self-contained page."""
        return self._source.report_html()

    def save(self, directory, record=True):
        """Writes report.html, result.json and every CSV `abt run` writes into `directory` (atomically), and
        records the run in the run store of the output root like `abt run` (record=False or
        ABT_RUN_STORE=off: not)."""
        self._source.save(os.fspath(directory), record)
        return directory

    def __repr__(self):
        m, c = self.metrics, self.config
        return "<abt.Result {} {}..{}: total_return {:.4f}, sharpe {}, max_drawdown {:.4f}, {} trades>".format(
            c["strategy"]["name"], c["start"], c["end"], m.get("total_return", float("nan")),
            "{:.3f}".format(m["sharpe"]) if isinstance(m.get("sharpe"), (int, float)) else m.get("sharpe"),
            m.get("max_drawdown", float("nan")), m.get("trades"))


def load_result(directory):
    """A Result from an output directory written by `abt run`, a sweep variant or Result.save."""
    return Result(_DirSource(directory))


def result_of(handle):
    return Result(_HandleSource(handle))
