"""Strategies in Python: twins of the built-in C++ strategies trade for trade, the Context API (NumPy views
without look-ahead, orders, statuses, signals, timers, feedback), registration by name and strategy objects."""

import numpy as np
import pytest

import abt
from dual_ma import DualMa
from smallcap_lowvol import SmallcapLowvol


def assert_same_run(cpp, py):
    for name in ["trades", "equity", "positions", "rejections", "round_trips", "signals"]:
        assert cpp.csv(name) == py.csv(name), name
    assert cpp.metrics == py.metrics


def test_dual_ma_in_python_equals_the_builtin(dual_ma_config, small_dataset):
    config = dict(dual_ma_config)
    # The two indices and the first 40 stocks: many crosses, suspensions, limits and lots on the way.
    config["strategy"] = {"name": "dual_ma",
                          "params": {"symbols": ["BROAD.IDX", "MAOTAI.IDX"] + small_dataset.symbols[:40], "fast": 5,
                                     "slow": 20}}
    cpp = abt.run(config)
    py = abt.run(config, strategy=DualMa)
    assert cpp.metrics["trades"] > 1000
    assert_same_run(cpp, py)
    assert py.config["strategy"]["name"] == "py_dual_ma"
    # Raw prices, 60-minute bars are covered by the same code; a raw-price variant:
    raw = abt.run(config, overrides={"strategy.params.price": "raw", "strategy.params.fast": 3})
    assert raw.csv("trades") == abt.run(config, overrides={"strategy.params.price": "raw", "strategy.params.fast": 3},
                                        strategy=DualMa).csv("trades")


def test_smallcap_lowvol_in_python_equals_the_builtin(smallcap_config):
    cpp = abt.run(smallcap_config)
    py = abt.run(smallcap_config, strategy=SmallcapLowvol)
    assert cpp.metrics["trades"] > 1000
    assert_same_run(cpp, py)
    assert cpp.warnings == py.warnings
    # Cash months and another phase take the same paths in both.
    variant = {"strategy.params.cash_months": [1, 4], "strategy.params.rebalance_phase": 1}
    assert abt.run(smallcap_config, overrides=variant).csv("trades") == abt.run(
        smallcap_config, overrides=variant, strategy=SmallcapLowvol).csv("trades")


class Probe(abt.Strategy):
    """Records what the Context shows, for the assertions below."""

    params = {"symbol": "000001.SZ"}

    def on_start(self, ctx):
        self.seen = {"start_today": ctx.today, "start_now": ctx.now}
        self.id = ctx.find_instrument(self.params.symbol)
        self.close = ctx.field("close")
        ctx.subscribe("1d")
        self.timer = ctx.schedule("weekly")
        self.timers = 0
        self.signal = ctx.declare_signal("close_seen", levels=[10.0])
        self.fills, self.rejections = [], []
        self.history_rows = []
        self.views = []

    def on_bar(self, ctx, freq):
        view = ctx.history("close", 5)
        by_handle = ctx.history(self.close, 5, "1d")
        assert np.array_equal(view, by_handle, equal_nan=True)
        self.history_rows.append(view.shape[0])
        self.views.append((ctx.today_index, view))
        ctx.record(self.signal, float(view[-1, self.id]))
        ctx.record("nav_seen", ctx.nav)  # declared on first use
        if ctx.today_index == 3:
            ctx.target_weights(np.array([self.id]), np.array([0.5]))
        if ctx.today_index == 4:
            self.seen["position"] = ctx.position(self.id)
            self.seen["sellable"] = ctx.sellable(self.id)
            self.seen["info"] = ctx.position_info(self.id)
            self.seen["positions"] = ctx.positions()
            self.seen["holdings"] = ctx.holdings()
            self.seen["cash"], self.seen["nav"] = ctx.cash, ctx.nav
            self.seen["status"] = ctx.status(self.id)
            self.seen["statuses"] = ctx.statuses()
            ctx.target_shares(self.id, 0)
            self.seen["pending"] = ctx.pending_order(self.id)
            self.seen["pending_all"] = ctx.pending_orders()

    def on_timer(self, ctx, timer_id):
        assert timer_id == self.timer
        self.timers += 1

    def on_fill(self, ctx, fill):
        self.fills.append((fill.time, fill.instrument, fill.side, fill.quantity, fill.price))

    def on_reject(self, ctx, rejection):
        self.rejections.append(rejection.reason)

    def on_finish(self, ctx):
        self.seen["symbols"] = list(ctx.symbols)
        self.seen["stocks"] = ctx.instrument_ids(kind="stock")
        self.seen["star"] = ctx.instrument_ids(kind="stock", board="star")
        self.seen["instrument"] = ctx.instrument(self.id)
        self.seen["code_rank"] = ctx.code_rank
        self.seen["calendar"] = ctx.calendar
        self.seen["has"] = (ctx.has_field("close"), ctx.has_field("total_mv"), ctx.has_frequency("1d"),
                            ctx.has_frequency("60m"))


def test_the_context_api(bare_config, small_dataset):
    probe = Probe()  # an object: its params are the defaults (set by the run)
    result = abt.run(bare_config, strategy=probe)
    assert probe.params.symbol == "000001.SZ"
    seen = probe.seen
    close = small_dataset.field("close")
    sid = probe.id
    assert seen["start_today"].isoformat() == "2019-01-02" and seen["start_now"].hour == 9
    # History: read-only float32 T x N, the rows closed so far, ending today (no look-ahead).
    assert probe.history_rows[:6] == [1, 2, 3, 4, 5, 5]
    for day, view in probe.views[:30]:
        assert view.dtype == np.float32 and not view.flags.writeable
        assert view.shape[1] == len(small_dataset.symbols)
        np.testing.assert_array_equal(view, close[max(0, day - 4): day + 1])
        assert not view.flags.owndata
    # Views of the run's panel, not copies: the windows of consecutive days overlap in memory.
    assert np.shares_memory(probe.views[10][1], probe.views[11][1])
    with pytest.raises(ValueError):
        probe.views[0][1][0, 0] = 1.0
    # Orders: bought at day 4's open, sold (T+1 allows it) at day 5's open.
    assert [f[2] for f in probe.fills] == ["buy", "sell"]
    assert probe.fills[0][0].isoformat() == "2019-01-08T09:30:00"
    assert seen["position"] == probe.fills[0][3] and seen["sellable"] == 0  # T+1: bought today
    assert seen["info"].quantity == seen["position"] and seen["info"].avg_cost == probe.fills[0][4]
    assert seen["positions"][sid] == seen["position"] and list(seen["holdings"]) == [sid]
    assert seen["nav"] == pytest.approx(seen["cash"] + seen["position"] * round(float(close[4, sid]), 2),
                                         rel=1e-12)  # marked at the fen
    assert seen["status"].listed and not seen["status"].suspended
    assert seen["statuses"]["listed"].dtype == bool and len(seen["statuses"]["listed"]) == len(small_dataset.symbols)
    assert seen["pending"].has_target and seen["pending"].target_kind == "shares" and seen["pending"].target == 0
    assert [p.instrument for p in seen["pending_all"]] == [sid]
    # Timers: weekly, on the first trading day of each calendar week of the run.
    weeks = {tuple(d.isocalendar())[:2] for d in small_dataset.calendar}
    assert probe.timers == len(weeks)
    # Signals, declared or by name.
    assert list(result.signals.columns) == ["close_seen", "nav_seen"]
    assert result.signals["close_seen"].iloc[0] == pytest.approx(float(close[0, sid]), abs=1e-6)
    # Setup lookups.
    assert seen["symbols"] == small_dataset.symbols
    assert seen["stocks"].dtype == np.int32 and len(seen["stocks"]) == 200
    assert all(small_dataset.symbols[i].startswith("688") or small_dataset.symbols[i].startswith("689")
               for i in seen["star"])
    assert seen["instrument"]["symbol"] == "000001.SZ" and seen["instrument"]["kind"] == "stock"
    assert sorted(small_dataset.symbols)[seen["code_rank"][sid]] == "000001.SZ"
    assert len(seen["calendar"]) == 734
    assert seen["has"] == (True, False, True, False)


def test_registered_by_name_and_strategy_objects(dual_ma_config):
    abt.register_strategy(DualMa, name="my_ma")
    try:
        by_name = abt.run(dict(dual_ma_config, strategy={"name": "my_ma", "params": {"fast": 3, "slow": 10,
                                                                                        "symbols": ["BROAD.IDX"]}}))
        assert by_name.config["strategy"]["name"] == "my_ma"
        assert "my_ma" in {s["name"] for s in abt.strategies()}
        assert "my_ma" in abt.registered_strategies()
    finally:
        abt._strategy._registry.pop("my_ma")
    builtin = abt.run(dict(dual_ma_config, strategy={"name": "dual_ma", "params": {"fast": 3, "slow": 10,
                                                                                  "symbols": ["BROAD.IDX"]}}))
    assert by_name.csv("trades") == builtin.csv("trades")
    # An object: used as given (its params are its own); the config's params are dropped.
    obj = DualMa()
    obj.params = abt.Params(abt.resolve_params(DualMa, {"fast": 3, "slow": 10, "symbols": ["BROAD.IDX"]}))
    assert abt.run(dual_ma_config, strategy=obj).csv("trades") == builtin.csv("trades")


def test_microcap_index_matches_the_benchmark_members(smallcap_config):
    levels = {}

    class Members(abt.Strategy):
        def on_start(self, ctx):
            self.index = ctx.microcap_index(size=100, track_level=True)
            ctx.subscribe("1d")

        def on_bar(self, ctx, freq):
            self.index.update(ctx)
            members = self.index.rank(ctx)
            caps = self.index.total_caps()
            assert members.dtype == np.int32 and len(members) == 100
            assert np.all(np.diff(caps[members]) >= 0)  # ascending market cap
            levels[ctx.today_index] = self.index.level

    abt.run(dict(smallcap_config, benchmark="", strategy={"name": "x"}), strategy=Members)
    assert levels[0] == 1000.0 and len(levels) == 734


def test_dual_ma_on_60_minute_bars_equals_the_builtin():
    config = {"data": {"synthetic": {"stocks": 50, "start": "2020-01-02", "end": "2020-12-31", "seed": 3,
                                     "hourly": True}},
              "strategy": {"name": "dual_ma", "params": {"symbols": ["BROAD.IDX", "MAOTAI.IDX"], "fast": 5,
                                                         "slow": 20, "frequency": "60m"}},
              "costs": {"rate": 0.0013, "quote": "round_trip"}}
    cpp = abt.run(config)
    py = abt.run(config, strategy=DualMa)
    assert cpp.metrics["trades"] > 20
    assert_same_run(cpp, py)
    assert cpp.csv("signals_60m") == py.csv("signals_60m") != ""


class DerivedReader(abt.Strategy):
    """Reads the 3-day close window of a run that trades nothing, with MICROCAP.IDX appended to the market."""

    def on_start(self, ctx):
        self.index = ctx.find_instrument("MICROCAP.IDX")
        self.count = len(ctx.symbols)
        self.views = []
        ctx.subscribe("1d")

    def on_bar(self, ctx, freq):
        self.views.append((ctx.today_index, ctx.history("close", 3)))


def test_history_has_the_derived_instruments_appended_beside_the_market(bare_config, small_dataset):
    config = dict(bare_config, derived_instruments=["microcap_index"])
    reader = DerivedReader()
    abt.run(config, strategy=reader)
    stocks = len(small_dataset.symbols)
    assert reader.index == stocks and reader.count == stocks + 1  # the last id
    close = small_dataset.field("close")
    for day, view in reader.views[:40]:
        assert view.shape[1] == stocks + 1 and view.dtype == np.float32 and not view.flags.writeable
        np.testing.assert_array_equal(view[:, :stocks], close[max(0, day - 2): day + 1])
    # The index's column: a positive level every day, the same value in consecutive windows.
    assert len(reader.views) == len(small_dataset.calendar)
    levels = [view[-1, stocks] for _, view in reader.views]
    assert all(np.isfinite(levels)) and min(levels) > 0
    for (_, before), (_, after) in zip(reader.views[5:40], reader.views[6:41]):
        assert before[-1, stocks] == after[-2, stocks]
