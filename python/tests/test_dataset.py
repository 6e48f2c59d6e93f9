"""abt.Dataset: the binary dataset as read-only NumPy views (memory-mapped, no copy) and pandas views."""

import gc

import numpy as np
import pandas as pd
import pytest

import abt
from conftest import SMALL_MARKET, run_cli


@pytest.fixture(scope="module")
def dataset_dir(tmp_path_factory):
    out = tmp_path_factory.mktemp("data") / "synth"
    code, text = run_cli("data", "synth", "--out", str(out), "--stocks", "30", "--start", "2020-01-02", "--end",
                         "2020-06-30", "--seed", "5")
    assert code == 0, text
    return out


def test_fields_are_read_only_views_of_the_map(dataset_dir):
    d = abt.Dataset(dataset_dir)
    close = d.field("close")
    assert close.dtype == np.float32 and close.shape == (len(d.calendar), len(d.symbols))
    assert not close.flags.writeable and not close.flags.owndata
    with pytest.raises(ValueError):
        close[0, 0] = 1
    assert np.shares_memory(close, d.field("close"))  # the same memory every time
    assert d.fields() == ["open", "high", "low", "close", "volume", "amount", "adj_factor", "pre_close",
                          "total_shares", "float_shares", "is_st"]
    assert d.symbols[-2:] == ["BROAD.IDX", "MAOTAI.IDX"]
    assert d.calendar[0] == pd.Timestamp("2020-01-02") and d.calendar.name == "date"
    assert d.fingerprint and d.source.startswith("synthetic: stocks=30")
    # The same numbers abt runs on: the fingerprint of a run on it.
    result = abt.run({"strategy": {"name": "dual_ma"}}, data=dataset_dir)
    assert result.document["data"]["fingerprint"] == d.fingerprint


def test_frame_is_a_pandas_view_without_a_copy(dataset_dir):
    d = abt.Dataset(dataset_dir)
    frame = d.frame("close")
    assert list(frame.columns) == d.symbols and frame.index.equals(d.calendar)
    assert np.shares_memory(frame.to_numpy(), d.field("close"))
    i = d.symbols.index("BROAD.IDX")
    assert frame["BROAD.IDX"].iloc[3] == d.field("close")[3, i]
    instruments = d.instruments
    assert list(instruments.columns) == ["symbol", "name", "kind", "board", "list_date", "delist_date"]
    assert list(instruments["kind"].tail(2)) == ["index", "index"]


def test_arrays_keep_the_data_alive(dataset_dir):
    close = abt.Dataset(dataset_dir).field("close")  # the Dataset object is gone at once
    gc.collect()
    expected = abt.Dataset(dataset_dir).field("close")
    np.testing.assert_array_equal(close, expected)


def test_specs_series_and_errors(dataset_dir):
    d = abt.Dataset(SMALL_MARKET)
    assert len(d.symbols) == 202 and not d.has_hourly
    assert d.spec["synthetic"]["stocks"] == 200
    assert "CN10Y" in d.series_names
    cn10y = d.series("CN10Y")
    assert isinstance(cn10y, pd.Series) and len(cn10y) == len(d.calendar)
    with pytest.raises(abt.ConfigError, match=r"^Dataset.field: no field 'pe' in the 1d data \(fields: open"):
        d.field("pe")
    with pytest.raises(abt.ConfigError, match="no 60m bars"):
        d.field("close", "60m")
    with pytest.raises(abt.DataError):
        abt.Dataset(dataset_dir / "missing")
    assert repr(d).startswith("<abt.Dataset 202 instruments x 734 days (daily)")


def test_hourly_bars():
    d = abt.Dataset({"synthetic": {"stocks": 50, "start": "2020-01-02", "end": "2020-03-31", "seed": 3,
                                   "hourly": True}})
    assert d.has_hourly
    frame = d.frame("close", "60m")
    assert frame.shape == (4 * len(d.calendar), 52)
    assert [t.strftime("%H:%M") for t in frame.index[:4]] == ["10:30", "11:30", "14:00", "15:00"]
    # The daily close is the 15:00 bar's close.
    np.testing.assert_array_equal(d.field("close")[0], d.field("close", "60m")[3])
