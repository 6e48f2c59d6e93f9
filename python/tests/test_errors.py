"""Errors: the same validation and messages as the command line, as abt.ConfigError / DataError /
StrategyError / InternalError; a Python strategy's exception as the cause; Ctrl-C as KeyboardInterrupt; the
interpreter survives every one of them."""

import json
import os
import signal
import threading
import time

import pytest

import abt
from conftest import run_cli


def message(error_info):
    return str(error_info.value)


def test_config_errors_name_the_json_path(dual_ma_config):
    with pytest.raises(abt.ConfigError) as e:
        abt.run(dual_ma_config, overrides="strategy.params.fast=0")
    assert message(e) == "strategy.params.fast: expected an integer in [1, 100000], got 0"
    assert isinstance(e.value, ValueError) and isinstance(e.value, abt.Error)
    with pytest.raises(abt.ConfigError, match=r"^execution.fill: expected next_open, close, next_close or "
                                              r"next_bar_vwap, got 'vwap'$"):
        abt.run(dual_ma_config, overrides={"execution.fill": "vwap"})
    with pytest.raises(abt.ConfigError, match=r"^strategy.name: unknown strategy 'nope'"):
        abt.run(dual_ma_config, overrides={"strategy.name": "nope"})
    with pytest.raises(abt.ConfigError, match=r"^strategy.params.colour: unknown parameter"):
        abt.run(dual_ma_config, overrides={"strategy.params.colour": 1})
    with pytest.raises(abt.ConfigError, match=r"^--set 'nonsense': expected key.path=value$"):
        abt.run(dual_ma_config, overrides="nonsense")


def test_the_same_message_as_the_command_line(tmp_path, config_file):
    code, text = run_cli("run", str(config_file), "--set", "strategy.params.slow=1", "--out", str(tmp_path / "o"))
    assert code == 2
    with pytest.raises(abt.ConfigError) as e:
        abt.run(config_file, overrides="strategy.params.slow=1")
    assert "abt: error: " + message(e) in text


def test_invalid_json_file_and_missing_file(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"strategy": {"name": "dual_ma",}\n}')
    with pytest.raises(abt.ConfigError, match=r"bad.json: line 1, column \d+: invalid JSON"):
        abt.run(bad)
    with pytest.raises(abt.ConfigError, match=r"missing.json: no such file \(expected a JSON file\)"):
        abt.run(tmp_path / "missing.json")
    with pytest.raises(TypeError, match="config: expected a dict or the path"):
        abt.run(42)


def test_data_errors(tmp_path, dual_ma_config):
    (tmp_path / "market.abtd").write_bytes(b"not a dataset at all")
    with pytest.raises(abt.DataError) as e:
        abt.run(dual_ma_config, data=tmp_path)
    assert "market.abtd" in message(e)
    with pytest.raises(abt.DataError):
        abt.Dataset(tmp_path)


class Failing(abt.Strategy):
    """Raises in on_bar on the fifth day."""

    def on_start(self, ctx):
        ctx.subscribe("1d")
        self.days = 0

    def on_bar(self, ctx, freq):
        self.days += 1
        if self.days == 5:
            raise ValueError("boom on day {}".format(self.days))


def test_a_python_exception_is_a_strategy_error_with_the_callback_time_and_cause(dual_ma_config, bare_config):
    with pytest.raises(abt.StrategyError) as e:
        abt.run(bare_config, strategy=Failing)
    err = e.value
    assert err.strategy == "Failing"
    assert err.origin == "python class test_errors.Failing"
    assert err.callback == "on_bar(1d)"
    assert err.time == "2019-01-08 15:00"
    assert err.message.startswith("ValueError: boom on day 5 (test_errors.py:")
    assert message(e).startswith("Failing (python class test_errors.Failing) in on_bar(1d) at 2019-01-08 15:00: "
                                 "ValueError: boom on day 5")
    assert isinstance(err.__cause__, ValueError) and str(err.__cause__) == "boom on day 5"


def test_a_cpp_strategy_error_names_the_builtin(dual_ma_config, bare_config):
    # A plugin that throws is covered by the C++ suite; here a Context misuse by a Python strategy.
    class BadWeights(abt.Strategy):
        def on_start(self, ctx):
            ctx.subscribe("1d")

        def on_bar(self, ctx, freq):
            ctx.target_weights([0], [-1.0])

    with pytest.raises(abt.StrategyError, match=r"in on_bar\(1d\) at 2019-01-02 15:00: ValueError: "
                                                r"Context::target_weights: weight of .* must be finite and >= 0"):
        abt.run(bare_config, strategy=BadWeights)


def test_config_error_from_on_start_stays_a_config_error(dual_ma_config, bare_config):
    class NeedsField(abt.Strategy):
        def on_start(self, ctx):
            ctx.field("total_mv")

    with pytest.raises(abt.ConfigError, match=r"^strategy: field 'total_mv' is not in the 1d data$") as e:
        abt.run(bare_config, strategy=NeedsField)
    assert isinstance(e.value.__cause__, abt.ConfigError)

    class RejectsParams(abt.Strategy):
        params = {"n": 3}

        def on_start(self, ctx):
            raise abt.ConfigError("strategy.params.n: this data has too few days for n = {}".format(self.params.n))

    with pytest.raises(abt.ConfigError, match=r"^strategy.params.n: this data has too few days for n = 3$"):
        abt.run(bare_config, strategy=RejectsParams)


def test_an_internal_error_raised_by_a_strategy_stays_internal(dual_ma_config, bare_config):
    class Internal(abt.Strategy):
        def on_start(self, ctx):
            raise abt.InternalError("invariant violated: a test")

    with pytest.raises(abt.InternalError, match="invariant violated: a test"):
        abt.run(bare_config, strategy=Internal)


def test_python_strategy_params_are_checked_like_cpp_params(dual_ma_config, bare_config):
    class WithParams(abt.Strategy):
        params = {"n": abt.Param(3, min=1), "mode": abt.Param("a", choices=["a", "b"]), "scale": 0.5,
                  "flag": False, "names": ["x"]}

    run = lambda **p: abt.run(dict(dual_ma_config, strategy={"name": "x", "params": p}), strategy=WithParams)
    with pytest.raises(abt.ConfigError, match=r"^strategy.params.n: value 0 out of range \(expected >= 1\)$"):
        run(n=0)
    with pytest.raises(abt.ConfigError, match=r"^strategy.params.n: expected an integer, got 1.5$"):
        run(n=1.5)
    with pytest.raises(abt.ConfigError, match=r"^strategy.params.mode: 'c' is not allowed \(expected one of a\|b\)$"):
        run(mode="c")
    with pytest.raises(abt.ConfigError, match=r"^strategy.params.flag: expected true or false, got 1$"):
        run(flag=1)
    with pytest.raises(abt.ConfigError, match=r"^strategy.params.names\[0\]: expected a string, got 3$"):
        run(names=[3])
    with pytest.raises(abt.ConfigError, match=r"^strategy.params.other: unknown parameter \(known: n, mode, scale, "
                                              r"flag, names\)$"):
        run(other=1)
    resolved = run(n=2, scale=1).config["strategy"]
    assert resolved == {"name": "WithParams", "params": {"n": 2, "mode": "a", "scale": 1.0, "flag": False,
                                                           "names": ["x"]}}


def test_the_context_is_dead_after_the_run(dual_ma_config, bare_config):
    kept = {}

    class Keeper(abt.Strategy):
        def on_start(self, ctx):
            kept["ctx"] = ctx

    abt.run(bare_config, strategy=Keeper)
    with pytest.raises(RuntimeError, match="used outside the callbacks of its run"):
        kept["ctx"].nav


def test_ctrl_c_in_a_python_callback_stops_the_run_cleanly(dual_ma_config, bare_config):
    class Interrupted(abt.Strategy):
        def on_start(self, ctx):
            ctx.subscribe("1d")
            self.days = 0

        def on_bar(self, ctx, freq):
            self.days += 1
            if self.days == 10:
                signal.raise_signal(signal.SIGINT)

    with pytest.raises(KeyboardInterrupt):
        abt.run(bare_config, strategy=Interrupted)
    # The interpreter and the module are fine afterwards.
    assert abt.run(dual_ma_config).metrics["trades"] > 0


SLOW = {"name": "smallcap_lowvol",  # rebalanced daily: a few hundred milliseconds of C++ on the small market
        "params": {"index_size": 200, "candidates": 100, "holdings": 50, "rebalance": "daily"}}


def interrupt_soon(delay=0.02):
    """Ctrl-C as a user presses it: SIGINT to the process from another thread, while the engine runs."""
    timer = threading.Timer(delay, os.kill, (os.getpid(), signal.SIGINT))
    timer.start()
    return timer


def test_ctrl_c_while_the_cpp_engine_runs(dual_ma_config):
    state = {"finished": False}
    timer = interrupt_soon()
    with pytest.raises(KeyboardInterrupt):
        abt.run(dict(dual_ma_config, strategy=SLOW))
        state["finished"] = True  # the run ended before the signal: it would be raised in the sleep
        time.sleep(2)
    timer.join()
    assert not state["finished"]
    assert abt.run(dual_ma_config).metrics["trades"] > 0  # the module works on


def test_ctrl_c_stops_a_sweep_and_writes_what_finished(tmp_path, dual_ma_config):
    state = {"finished": False}
    timer = interrupt_soon(0.05)
    with pytest.raises(KeyboardInterrupt):
        abt.sweep(dict(dual_ma_config, strategy=SLOW), {"strategy.params.holdings": [10, 20, 30, 40, 50, 60]},
                  jobs=2, out=tmp_path / "sweep")
        state["finished"] = True
        time.sleep(2)
    timer.join()
    assert not state["finished"]
    doc = json.loads((tmp_path / "sweep" / "sweep.json").read_text())
    assert doc["complete"] is False and doc["variants_done"] < 6


def test_ctrl_c_from_a_progress_callback(dual_ma_config):
    calls = []

    def progress(done, total):
        calls.append(done)
        if len(calls) == 15:
            os.kill(os.getpid(), signal.SIGINT)

    with pytest.raises(KeyboardInterrupt):
        abt.run(dual_ma_config, progress=progress)
    assert calls[-1] < 734  # stopped before the end


def test_a_failing_progress_callback_stops_the_run_with_its_exception(dual_ma_config):
    def progress(done, total):
        raise RuntimeError("progress bar broke")

    with pytest.raises(RuntimeError, match="progress bar broke"):
        abt.run(dual_ma_config, progress=progress)


def test_values_json_cannot_hold_are_config_errors_with_their_path(dual_ma_config):
    # NaN became null (the default, silently); JSON has no NaN, so a config value must be finite.
    with pytest.raises(abt.ConfigError, match=r"^capital: expected a finite number, got nan$"):
        abt.run(dict(dual_ma_config, capital=float("nan")))
    with pytest.raises(abt.ConfigError, match=r"^strategy.params.fast: expected a finite number, got inf$"):
        abt.run(dual_ma_config, overrides={"strategy.params.fast": float("inf")})
    with pytest.raises(abt.ConfigError, match=r"^strategy.params.symbols: expected finite numbers"):
        abt.run(dual_ma_config, overrides={"strategy.params.symbols": ["BROAD.IDX", float("nan")]})
    # Nesting deeper than JSON text may (64 levels) would recurse on the C++ stack.
    deep = ["BROAD.IDX"]
    for _ in range(100):
        deep = [deep]
    with pytest.raises(abt.ConfigError, match=r"^strategy.params.symbols\[0\]\[0\].*: nested deeper than 64 lists"):
        abt.run(dict(dual_ma_config, strategy={"name": "dual_ma", "params": {"symbols": deep}}))
    # A number beyond a double in an override, as `abt run --set capital=1e400`.
    with pytest.raises(abt.ConfigError, match=r"--set capital: 1e400 is outside the range of a double"):
        abt.run(dual_ma_config, overrides="capital=1e400")


def test_messages_quoting_bytes_that_are_not_utf8_still_reach_python(tmp_path, dual_ma_config):
    weights = tmp_path / "weights.csv"
    weights.write_bytes(b"date,symbol,weight\n2019-01-02,BROAD.IDX,0.\xff\n")
    with pytest.raises(abt.ConfigError) as e:
        abt.run(dual_ma_config, weights=weights)
    assert "weights.csv:2: weight of BROAD.IDX: expected a finite number, got '0.\ufffd'" in message(e)
