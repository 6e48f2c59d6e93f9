"""abt.sweep: one row per variant, the same variants and files as `abt sweep`, threads, Python strategies,
failing variants and bad plans."""

import json

import pandas as pd
import pytest

import abt
from conftest import run_cli
from dual_ma import DualMa

GRID = {"strategy.params.fast": [3, 5, 8], "strategy.params.slow": [20, 30]}


def test_sweep_rows_equal_the_cli_sweep(tmp_path, config_file):
    plan = tmp_path / "grid.json"
    plan.write_text(json.dumps(GRID))
    code, text = run_cli("sweep", str(config_file), "--grid", str(plan), "--jobs", "2", "--out", str(tmp_path / "cli"),
                         "--quiet")
    assert code == 0, text
    frame = abt.sweep(config_file, plan, jobs=2, out=tmp_path / "py")
    assert list(frame.index) == ["v0000", "v0001", "v0002", "v0003", "v0004", "v0005"]
    assert list(frame["strategy.params.fast"]) == [3, 3, 5, 5, 8, 8]
    assert list(frame["strategy.params.slow"]) == [20, 30, 20, 30, 20, 30]
    assert (frame["status"] == "ok").all()
    assert sorted(frame["rank"]) == [1, 2, 3, 4, 5, 6]
    assert frame.loc[frame["rank"] == 1, "sharpe"].iloc[0] == frame["sharpe"].max()
    assert frame.attrs["complete"] and frame.attrs["jobs"] == 2
    cli = json.loads((tmp_path / "cli" / "sweep.json").read_text())
    py = json.loads((tmp_path / "py" / "sweep.json").read_text())
    assert py == cli  # the same document, ranked rows and all
    assert (tmp_path / "cli" / "sweep.csv").read_text() == (tmp_path / "py" / "sweep.csv").read_text()
    for variant in frame.index:
        assert (tmp_path / "py" / "variants" / variant / "trades.csv").read_bytes() == (
            tmp_path / "cli" / "variants" / variant / "trades.csv").read_bytes()
        assert frame.loc[variant, "trades_hash"] == abt.load_result(
            tmp_path / "py" / "variants" / variant).document["trades_hash"]
    # Each row's metrics are those of a single run of the variant.
    single = abt.run(config_file, overrides={"strategy.params.fast": 8, "strategy.params.slow": 30})
    assert frame.loc["v0005", "total_return"] == single.metrics["total_return"]


def test_one_and_two_threads_agree_and_python_strategies_sweep(config_file):
    one = abt.sweep(config_file, GRID, jobs=1)
    two = abt.sweep(config_file, GRID, jobs=2)
    pd.testing.assert_frame_equal(one, two)
    py = abt.sweep(config_file, GRID, jobs=2, strategy=DualMa)
    assert list(py["trades_hash"]) == list(one["trades_hash"])
    # An object sweeps too (a copy per variant, so that threads do not share its state); it has no params to
    # vary, so the plan varies the execution.
    obj = abt.sweep(config_file, {"execution.fill": ["next_open", "close"]}, jobs=2, strategy=DualMa())
    cpp = abt.sweep(config_file, {"execution.fill": ["next_open", "close"]}, jobs=2,
                    overrides={"strategy.params": {}})
    assert list(obj["trades_hash"]) == list(cpp["trades_hash"])


def test_list_and_random_plans_and_rank_by(config_file):
    listed = abt.sweep(config_file, {"variants": [{"strategy.params.fast": 3}, {"costs.rate": 0}]}, jobs=2,
                       rank_by="max_drawdown")
    assert list(listed.index) == ["v0000", "v0001"]
    assert listed.attrs["rank_by"] == "max_drawdown"
    best = listed.loc[listed["rank"] == 1, "max_drawdown"].iloc[0]
    assert best == listed["max_drawdown"].min()
    random = abt.sweep(config_file, {"random": {"n": 3, "seed": 1, "params": {"strategy.params.fast": [2, 6]}}})
    assert len(random) == 3 and random["strategy.params.fast"].between(2, 6).all()


def test_a_failing_variant_is_a_row_and_a_bad_plan_an_error(config_file):
    class FailsOnFast3(DualMa):
        name = "fails_on_fast3"

        def on_start(self, ctx):
            if self.params.fast == 3:
                raise RuntimeError("no fast 3")
            super().on_start(ctx)

    frame = abt.sweep(config_file, {"strategy.params.fast": [3, 5]}, jobs=2, strategy=FailsOnFast3)
    assert list(frame["status"]) == ["error", "ok"]
    assert frame.loc["v0000", "error"].startswith("strategy error: fails_on_fast3 (python class")
    assert "RuntimeError: no fast 3" in frame.loc["v0000", "error"]
    assert frame.loc["v0000", "rank"] == 2
    # Bad params are found when the variant runs (as `abt sweep` does): a row; a bad config fails the sweep.
    params = abt.sweep(config_file, {"strategy.params.fast": [3, 0]})
    assert params.loc["v0001", "error"] == "strategy.params.fast: expected an integer in [1, 100000], got 0"
    with pytest.raises(abt.ConfigError, match=r"^variant v0001 \{\"execution.fill\":\"vwap\"\}: execution.fill: "):
        abt.sweep(config_file, {"execution.fill": ["close", "vwap"]})
    with pytest.raises(abt.ConfigError, match="plan"):
        abt.sweep(config_file, {})


def test_keep_and_the_lean_files_equal_the_cli_sweep(tmp_path, config_file):
    plan = tmp_path / "grid.json"
    plan.write_text(json.dumps(GRID))
    code, text = run_cli("sweep", str(config_file), "--grid", str(plan), "--jobs", "2", "--keep", "top:2",
                         "--out", str(tmp_path / "cli"), "--quiet")
    assert code == 0, text
    frame = abt.sweep(config_file, plan, jobs=2, out=tmp_path / "py", keep="top:2")
    best = list(frame.sort_values("rank").index[:2])
    assert sorted(p.name for p in (tmp_path / "py" / "variants").iterdir()) == sorted(best)
    assert list(frame.loc[best, "dir"]) == ["variants/" + v for v in best]
    assert (frame.drop(index=best)["dir"] == "").all()
    for name in ("sweep.json", "sweep.csv", "sweep_equity.csv", "sweep.html"):
        assert (tmp_path / "py" / name).read_bytes() == (tmp_path / "cli" / name).read_bytes(), name
    curves = pd.read_csv(tmp_path / "py" / "sweep_equity.csv", index_col="date", parse_dates=True)
    assert list(curves.columns) == ["benchmark"] + list(frame.index)
    kept = abt.load_result(tmp_path / "py" / "variants" / best[0])
    assert curves[best[0]].iloc[-1] == pytest.approx(kept.metrics["final_nav"], abs=0.005)
    abt.sweep(config_file, plan, jobs=2, out=tmp_path / "none", keep="none")
    assert not (tmp_path / "none" / "variants").exists()
    with pytest.raises(abt.ConfigError, match="keep: expected all, none or top:K"):
        abt.sweep(config_file, plan, keep="best")
