"""abt.run and abt.Result: configs as dicts and files, --data / --set equivalents, and DataFrames equal to the
files `abt run` writes for the same config."""

import json
import os

import numpy as np
import pandas as pd
import pytest

import abt
from conftest import run_cli

CSV_FILES = ["equity", "trades", "positions", "rejections", "round_trips", "signals"]


def test_result_frames_equal_the_cli_files(tmp_path, config_file):
    out = tmp_path / "cli"
    code, text = run_cli("run", str(config_file), "--out", str(out), "--quiet")
    assert code == 0, text
    result = abt.run(config_file)
    for name in CSV_FILES:
        # The very bytes abt run writes ...
        assert result.csv(name) == (out / (name + ".csv")).read_text(), name
        # ... and the same frame as pandas reads the file.
        pd.testing.assert_frame_equal(getattr(result, name), abt.read_output_csv(str(out / (name + ".csv"))))
    cli_doc = json.loads((out / "result.json").read_text())
    assert "timing" not in cli_doc  # wall-clock facts are in timing.json
    assert result.document == cli_doc
    assert result.metrics == cli_doc["metrics"]
    assert result.config == cli_doc["config"]
    assert result.warnings == cli_doc["warnings"]


def test_frames_have_datetime_indexes_and_typed_columns(dual_ma_config):
    result = abt.run(dual_ma_config)
    for name in ["equity", "trades", "positions", "round_trips", "signals"]:
        frame = getattr(result, name)
        assert isinstance(frame.index, pd.DatetimeIndex), name
    assert list(result.equity.columns[:3]) == ["nav", "cash", "holdings_value"]
    assert result.equity.index[0] == pd.Timestamp("2019-01-02")
    assert len(result.equity) == 734
    assert set(result.trades["side"]) == {"buy", "sell"}
    assert result.trades["symbol"].dtype == object
    assert (result.trades.index.hour == 9).all()  # next_open fills at 09:30
    assert result.metrics["trades"] == len(result.trades)
    assert pd.api.types.is_datetime64_any_dtype(result.round_trips["opened"])
    assert list(result.signals.columns) == ["BROAD.IDX_fast", "BROAD.IDX_slow", "BROAD.IDX_long", "MAOTAI.IDX_fast",
                                            "MAOTAI.IDX_slow", "MAOTAI.IDX_long"]
    assert result.signals_60m.empty


def test_returns_are_daily_nav_returns_for_pyfolio(dual_ma_config):
    result = abt.run(dual_ma_config)
    r = result.returns
    assert r.name == "returns" and isinstance(r.index, pd.DatetimeIndex)
    nav = result.equity["nav"]
    assert r.iloc[0] == pytest.approx(nav.iloc[0] / 10_000_000 - 1)
    assert np.allclose(r.iloc[1:], nav.pct_change().iloc[1:])
    assert (1 + r).prod() - 1 == pytest.approx(result.metrics["total_return"], rel=1e-6)


def test_data_and_overrides_like_the_command_line(tmp_path, config_file, small_dataset):
    out = tmp_path / "cli"
    code, text = run_cli("run", str(config_file), "--out", str(out), "--quiet", "--set", "strategy.params.fast=8",
                         "--set", "execution.fill=close")
    assert code == 0, text
    as_strings = abt.run(config_file, overrides=["strategy.params.fast=8", "execution.fill=close"])
    as_dict = abt.run(config_file, overrides={"strategy.params.fast": 8, "execution.fill": "close"})
    one_string = abt.run(config_file, overrides="strategy.params.fast=8")
    assert as_strings.csv("trades") == (out / "trades.csv").read_text()
    assert as_dict.csv("trades") == as_strings.csv("trades")
    assert one_string.config["strategy"]["params"]["fast"] == 8
    assert as_dict.config["execution"]["fill"] == "close"
    # data= takes a Dataset, a spec or a dataset path (like --data).
    via_dataset = abt.run({k: v for k, v in json.loads(config_file.read_text()).items() if k != "data"},
                          data=small_dataset)
    assert via_dataset.csv("trades") == abt.run(config_file).csv("trades")
    assert via_dataset.document["data"]["fingerprint"] == small_dataset.fingerprint


def test_data_path_like_dash_dash_data(tmp_path, config_file):
    dataset = tmp_path / "market"
    code, text = run_cli("data", "synth", "--out", str(dataset), "--stocks", "50", "--start", "2020-01-02", "--end",
                         "2020-12-31", "--seed", "3")
    assert code == 0, text
    result = abt.run(config_file, data=dataset)
    assert result.document["data"]["instruments"] == 52
    code, text = run_cli("run", str(config_file), "--data", str(dataset), "--out", str(tmp_path / "cli"), "--quiet")
    assert code == 0, text
    assert result.csv("trades") == (tmp_path / "cli" / "trades.csv").read_text()


def test_save_writes_the_files_of_abt_run_and_load_result_reads_them(tmp_path, config_file):
    cli_out = tmp_path / "cli"
    code, text = run_cli("run", str(config_file), "--out", str(cli_out), "--quiet")
    assert code == 0, text
    result = abt.run(config_file)
    saved = tmp_path / "saved"
    result.save(saved, record=False)
    cli_files = sorted(os.listdir(cli_out))
    assert sorted(os.listdir(saved)) == cli_files
    for name in cli_files:
        if name in ("report.html", "timing.json"):
            continue
        # result.json included: it holds no wall-clock facts, so it is byte-identical.
        assert (saved / name).read_bytes() == (cli_out / name).read_bytes(), name
    for timing_file in (saved / "timing.json", cli_out / "timing.json"):
        assert set(json.loads(timing_file.read_text())) >= {"run_seconds", "bars", "events"}
    loaded = abt.load_result(saved)
    assert loaded.metrics == result.metrics
    pd.testing.assert_frame_equal(loaded.trades, result.trades)
    pd.testing.assert_frame_equal(loaded.equity, result.equity)
    pd.testing.assert_series_equal(loaded.returns, result.returns)
    assert loaded.report_html().startswith("<!DOCTYPE html>")
    assert loaded.timing["run_seconds"] > 0
    copied = tmp_path / "copied"
    loaded.save(copied)
    assert (copied / "trades.csv").read_bytes() == (saved / "trades.csv").read_bytes()
    with pytest.raises(FileNotFoundError, match="has no result.json"):
        abt.load_result(tmp_path)


def test_report_html_is_the_report_of_abt_run(tmp_path, config_file):
    result = abt.run(config_file, out=tmp_path / "out")
    html = result.report_html()
    assert html.startswith("<!DOCTYPE html>") and "dual_ma" in html
    assert (tmp_path / "out" / "report.html").read_text() == html


def test_timing_and_repr(dual_ma_config):
    result = abt.run(dual_ma_config)
    assert result.timing["run_seconds"] > 0 and result.timing["bars"] > 0
    assert repr(result).startswith("<abt.Result dual_ma 2019-01-02..2021-12-31")


def test_progress_callback(dual_ma_config):
    seen = []
    abt.run(dual_ma_config, progress=lambda done, total: seen.append((done, total)))
    assert seen[-1] == (734, 734)
    assert len(seen) <= 101 and all(t == 734 for _, t in seen)


def test_strategies_lists_builtins_and_registered_python_strategies():
    names = {s["name"]: s for s in abt.strategies()}
    assert {"dual_ma", "smallcap_lowvol", "target_weights", "microcap_rotation", "diffusion_timing"} <= set(names)
    fast = next(p for p in names["dual_ma"]["params"] if p["name"] == "fast")
    assert fast == {"name": "fast", "type": "int", "default": 5, "doc": "fast SMA window in bars",
                    "constraint": "in [1, 100000]"}
    file_param = next(p for p in names["target_weights"]["params"] if p["name"] == "file")
    assert file_param["type"] == "path"
