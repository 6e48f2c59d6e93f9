"""The target_weights strategy from Python: a weights DataFrame traded with the A-share rules, on the
hand-computed two-stock market of tests/strategies/target_weights_test.cpp (a panel CSV here), from the
command line, and what the rules cost (abt.reality_gap)."""

import json

import numpy as np
import pandas as pd
import pytest

import abt
from conftest import run_cli

DAYS = ["2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"]
BARS = {  # (open, close) per day
    "600000.SH": [(10, 10), (11.00, 10.80), (10.50, 10.60), (10.60, 10.70)],
    "000001.SZ": [(20, 20), (20, 20.50), (20.50, 21), (22, 22)],
}
WEIGHTS = pd.DataFrame({"date": ["2024-01-02", "2024-01-02", "2024-01-04"],
                        "symbol": ["600000.SH", "000001.SZ", "000001.SZ"], "weight": [0.5, 0.3, 0.6]})


@pytest.fixture
def tiny_market(tmp_path):
    rows = ["date,symbol,open,high,low,close,volume"]
    for symbol, bars in BARS.items():
        for day, (o, c) in zip(DAYS, bars):
            rows.append("{},{},{},{},{},{},1000000".format(day, symbol, o, max(o, c), min(o, c), c))
    path = tmp_path / "tiny.csv"
    path.write_text("\n".join(rows) + "\n")
    return {"csv": str(path)}


def test_hand_computed_weights_with_a_limit_up_retry(tiny_market):
    result = abt.run({"capital": 1000000}, data=tiny_market, weights=WEIGHTS)
    trades = result.trades
    # As in the C++ test: 15,000 000001.SZ on day 1; 600000.SH opens at its limit-up 11.00 on day 1 and is
    # bought on day 2 (47,900 = 0.5 x 1,007,500 / 10.50 in lots); on day 3 it is absent from the table: sold,
    # and 000001.SZ goes to 0.6 of NAV (+13,200).
    assert list(trades.index.strftime("%Y-%m-%d %H:%M")) == ["2024-01-03 09:30", "2024-01-04 09:30",
                                                             "2024-01-05 09:30", "2024-01-05 09:30"]
    assert list(trades["symbol"]) == ["000001.SZ", "600000.SH", "600000.SH", "000001.SZ"]
    assert list(trades["side"]) == ["buy", "buy", "sell", "buy"]
    assert list(trades["quantity"]) == [15000, 47900, 47900, 13200]
    assert list(trades["price"]) == [20.00, 10.50, 10.60, 22.00]
    assert result.document["rejected_orders"]["limit_up"] == 1
    assert result.equity["cash"].iloc[-1] == pytest.approx(414390.0)
    assert result.config["strategy"]["name"] == "target_weights"
    assert list(result.signals["weight_sum"].dropna()) == [0.8, 0.6]


def test_wide_frames_close_fills_and_keep(tiny_market):
    wide = WEIGHTS.pivot(index="date", columns="symbol", values="weight")  # dates x symbols, NaN = absent
    long = abt.run({"capital": 1000000}, data=tiny_market, weights=WEIGHTS)
    assert abt.run({"capital": 1000000}, data=tiny_market, weights=wide).csv("trades") == long.csv("trades")
    close = abt.run({"capital": 1000000, "execution": {"fill": "close"}}, data=tiny_market, weights=WEIGHTS)
    assert close.trades.index[0] == pd.Timestamp("2024-01-02 15:00")
    keep = abt.run({"capital": 1000000, "strategy": {"name": "target_weights", "params": {"absent": "keep"}}},
                   data=tiny_market, weights=WEIGHTS)
    assert list(keep.trades["side"]) == ["buy", "buy", "buy"]


def test_from_the_command_line_with_a_path_relative_to_the_config(tmp_path, tiny_market):
    WEIGHTS.to_csv(tmp_path / "weights.csv", index=False)
    config = {"data": tiny_market, "capital": 1000000,
              "strategy": {"name": "target_weights", "params": {"file": "weights.csv"}}}
    (tmp_path / "config.json").write_text(json.dumps(config))
    code, text = run_cli("run", str(tmp_path / "config.json"), "--out", str(tmp_path / "out"), "--quiet")
    assert code == 0, text
    assert (tmp_path / "out" / "trades.csv").read_text() == abt.run(
        {"capital": 1000000}, data=tiny_market, weights=WEIGHTS).csv("trades")
    assert abt.run(tmp_path / "config.json").config["strategy"]["params"]["file"] == "weights.csv"


def test_errors_name_the_file_and_line(tmp_path, tiny_market):
    bad = pd.DataFrame({"date": ["2024-01-02", "2024-01-02"], "symbol": ["600000.SH", "999999.SH"],
                        "weight": [0.5, 0.1]})
    with pytest.raises(abt.ConfigError, match=r"^strategy.params.file: .*weights.csv:3: unknown symbol '999999.SH' "
                                              r"\(not an instrument of the data\)$"):
        abt.run({}, data=tiny_market, weights=bad)
    over = WEIGHTS.assign(weight=[0.7, 0.4, 0.6])
    with pytest.raises(abt.ConfigError, match=r"weights.csv:2: weights of 2024-01-02 sum to 1.1, more than 1 \+ "
                                              r"tolerance 1e-06"):
        abt.run({}, data=tiny_market, weights=over)
    negative = WEIGHTS.assign(weight=[0.5, -0.3, 0.6])
    with pytest.raises(abt.ConfigError, match=r"weights.csv:3: weight of 000001.SZ on 2024-01-02 is negative"):
        abt.run({}, data=tiny_market, weights=negative)
    outside = WEIGHTS.assign(date=["2024-01-02", "2024-01-02", "2024-02-01"])
    with pytest.raises(abt.ConfigError, match=r"weights.csv:4: 2024-02-01 lies outside the data's calendar "
                                              r"\(2024-01-02 .. 2024-01-05\)"):
        abt.run({}, data=tiny_market, weights=outside)
    (tmp_path / "w.csv").write_text("date,symbol,weight\n2024-01-02,600000.SH,0.5\n")
    from_path = abt.run({}, data=tiny_market, weights=tmp_path / "w.csv")  # blocked at limit-up, then retried
    assert list(from_path.trades.index.strftime("%Y-%m-%d")) == ["2024-01-04"]
    with pytest.raises(abt.ConfigError, match="strategy, weights: give one of them"):
        abt.run({}, data=tiny_market, weights=WEIGHTS, strategy="dual_ma")


def test_reality_gap_on_a_pandas_model(small_dataset, small_market):
    # A model made in pandas: every 10 days, equal weights on the 20 stocks with the best 20-day return.
    close = small_dataset.frame("close") * small_dataset.frame("adj_factor")
    stocks = [s for s in small_dataset.symbols if not s.endswith(".IDX")]
    momentum = close[stocks].pct_change(20)
    rows = []
    for day in momentum.index[25::10]:
        best = momentum.loc[day].dropna().nlargest(20).index
        rows += [(day, s, 0.05) for s in best]
    weights = pd.DataFrame(rows, columns=["date", "symbol", "weight"])
    gap = abt.reality_gap({"data": small_market, "costs": {"rate": 0.0013, "quote": "round_trip"}}, weights=weights)
    table = gap.table
    assert list(table.columns) == ["realistic", "ideal", "gap"]
    assert table.loc["total_return", "gap"] == pytest.approx(
        gap.realistic.metrics["total_return"] - gap.ideal.metrics["total_return"])
    assert gap.realistic.config["execution"]["profile"] == "realistic"
    assert gap.ideal.config["execution"]["profile"] == "ideal"
    assert gap.rejected.sum() > 0 and gap.ideal.document["rejected_orders"]["limit_up"] == 0
    assert np.isfinite(table.loc["sharpe", "gap"])
