"""abt.regress: golden files as `abt regress` writes and checks them."""

import json

import abt
from conftest import run_cli
from dual_ma import DualMa


def test_update_then_pass_and_the_cli_agrees(tmp_path, config_file):
    goldens = tmp_path / "golden"
    assert abt.regress(config_file, goldens).status == "missing"
    updated = abt.regress(config_file, goldens, update=True)
    assert updated.status == "updated" and updated.ok
    golden_file = goldens / "dual_ma_small.json"
    doc = json.loads(golden_file.read_text())
    assert set(doc) == {"data_fingerprint", "metrics", "trades_hash"}
    code, text = run_cli("regress", "--golden", str(goldens), str(config_file))
    assert code == 0, text  # the command accepts the golden Python wrote
    passed = abt.regress(config_file, goldens)
    assert passed.status == "pass" and bool(passed)
    assert passed.checks["ok"].all() and len(passed.checks) == len(doc["metrics"]) + 2
    assert "trades_hash" in passed.text


def test_a_difference_fails_with_its_checks(tmp_path, config_file):
    goldens = tmp_path / "golden"
    abt.regress(config_file, goldens, update=True)
    failed = abt.regress(config_file, goldens, overrides="strategy.params.fast=8")
    assert failed.status == "fail" and not failed
    bad = failed.checks[~failed.checks["ok"]]
    assert "trades_hash" in set(bad["item"]) and "metrics.total_return" in set(bad["item"])
    # A tolerance wide enough for the metrics still fails on the trades hash.
    loose = abt.regress(config_file, goldens, overrides="strategy.params.fast=8", tolerance={"*": (1e9, 1e9)})
    still_bad = set(loose.checks.loc[~loose.checks["ok"], "item"])
    assert "trades_hash" in still_bad and "metrics.total_return" not in still_bad  # dates must be equal


def test_a_python_strategy_regresses_against_the_builtin_golden(tmp_path, config_file):
    goldens = tmp_path / "golden"
    abt.regress(config_file, goldens, update=True)
    assert abt.regress(config_file, goldens, strategy=DualMa).status == "pass"


def test_dict_configs_need_a_name_or_a_file(tmp_path, dual_ma_config):
    golden_file = tmp_path / "g.json"
    assert abt.regress(dual_ma_config, golden_file, update=True).ok
    assert abt.regress(dual_ma_config, golden_file).status == "pass"
    assert abt.regress(dual_ma_config, tmp_path, name="g").status == "pass"
    try:
        abt.regress(dual_ma_config, tmp_path)
    except abt.ConfigError as e:
        assert "name=" in str(e)
    else:
        raise AssertionError("expected a ConfigError")
