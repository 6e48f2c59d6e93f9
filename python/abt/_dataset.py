"""abt.Dataset: market data as read-only NumPy arrays (no copy) and pandas views of them."""

import os

import pandas as pd

from ._native import _abt


class Dataset:
    """Market data, loaded once and memory-mapped.

    source: the path of an abt dataset (a market.abtd file or a directory holding one, like `abt run --data`)
    or a data spec as in a config's "data" ({"synthetic": {...}}, {"qlib": PATH}, ...; generated or imported
    into the cache on first use). field(name, freq) is a read-only T x N float32 array viewing the panel (rows
    = bar close times, columns = instruments); frame(name) the same as a DataFrame (dates x symbols) without a
    copy. The memory stays mapped while any array or frame of it lives."""

    def __init__(self, source=None, base_dir=""):
        if source is None or isinstance(source, dict):
            spec = source
        else:
            spec = {"dataset": os.path.abspath(os.fspath(source))}
        self._native = _abt.Dataset(spec, os.fspath(base_dir))

    def field(self, name, freq="1d"):
        """The whole panel of a field (open, high, low, close, volume, amount, adj_factor, pre_close,
        total_shares, float_shares, is_st, or an extra column): T x N float32, read-only, NaN = no value."""
        return self._native.field(name, freq)

    def frame(self, name, freq="1d"):
        """field(name, freq) as a DataFrame indexed by bar time (dates for "1d"), one column per symbol."""
        if freq in ("1d", "daily"):
            index = self.calendar
        else:
            index = pd.DatetimeIndex(self._native.stamps(freq), name="datetime")
        return pd.DataFrame(self.field(name, freq), index=index, columns=self.symbols, copy=False)

    def series(self, name):
        """An external daily series (e.g. CN10Y) as a pandas Series over the calendar (a view)."""
        return pd.Series(self._native.series(name), index=self.calendar, name=name, copy=False)

    def fields(self, freq="1d"):
        return self._native.fields(freq)

    @property
    def series_names(self):
        return self._native.series_names

    @property
    def symbols(self):
        """Symbols by instrument id (= the panels' columns)."""
        if not hasattr(self, "_symbols"):
            self._symbols = self._native.symbols
        return self._symbols

    @property
    def calendar(self):
        """The trading days (a DatetimeIndex named "date")."""
        if not hasattr(self, "_calendar"):
            self._calendar = pd.DatetimeIndex(self._native.calendar, name="date")
        return self._calendar

    @property
    def instruments(self):
        """symbol, name, kind (stock / index), board, list_date, delist_date per instrument id."""
        return pd.DataFrame(self._native.instruments)

    @property
    def has_hourly(self):
        return self._native.has_hourly

    @property
    def fingerprint(self):
        """The content hash result.json records as data.fingerprint."""
        return self._native.fingerprint

    @property
    def source(self):
        return self._native.source

    @property
    def spec(self):
        """The resolved data spec: abt.run(config, data=dataset) runs on the same data."""
        return self._native.spec

    def __repr__(self):
        return "<abt.Dataset {} instruments x {} days ({}), {}>".format(
            len(self.symbols), len(self.calendar), "daily + 60m" if self.has_hourly else "daily", self.source)
