"""Shared fixtures of the Python module's tests: small synthetic markets (generated into ABT_CACHE_DIR on
first use), configs, the abt command for comparisons, and the example strategies on sys.path."""

import json
import os
import subprocess
import sys

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "python", "examples"))

import abt  # noqa: E402

SMALL_MARKET = {"synthetic": {"stocks": 200, "start": "2019-01-02", "end": "2021-12-31", "seed": 7}}


def cli_path():
    path = os.environ.get("ABT_CLI") or os.path.join(ROOT, "build", "abt")
    if not os.path.exists(path):
        pytest.skip("the abt command is not built ({})".format(path))
    return path


def run_cli(*args, cwd=None):
    """Runs `abt ARGS...`; returns (exit code, stdout + stderr)."""
    done = subprocess.run([cli_path(), *args], cwd=cwd, capture_output=True, text=True,
                          env=dict(os.environ, ABT_RUN_STORE="off"))
    return done.returncode, done.stdout + done.stderr


@pytest.fixture
def small_market():
    return json.loads(json.dumps(SMALL_MARKET))


@pytest.fixture
def dual_ma_config(small_market):
    return {
        "data": small_market,
        "strategy": {"name": "dual_ma", "params": {"symbols": ["BROAD.IDX", "MAOTAI.IDX"], "fast": 5, "slow": 20}},
        "execution": {"fill": "next_open"},
        "costs": {"rate": 0.0013, "quote": "round_trip"},
        "benchmark": "BROAD.IDX",
    }


@pytest.fixture
def bare_config(small_market):
    """A config without a strategy, for the Python strategies of the tests (strategy=...)."""
    return {"data": small_market, "costs": {"rate": 0.0013, "quote": "round_trip"}}


@pytest.fixture
def smallcap_config(small_market):
    """smallcap_lowvol scaled to the 200-stock market: 100 members, 40 candidates, 20 holdings."""
    return {
        "data": small_market,
        "strategy": {"name": "smallcap_lowvol",
                     "params": {"index_size": 100, "candidates": 40, "holdings": 20, "vol_window": 120}},
        "costs": {"rate": 0.0013, "quote": "round_trip"},
        "benchmark": "microcap_index",
    }


@pytest.fixture
def config_file(tmp_path, dual_ma_config):
    path = tmp_path / "dual_ma_small.json"
    path.write_text(json.dumps(dual_ma_config, indent=2))
    return path


@pytest.fixture(scope="session")
def small_dataset():
    return abt.Dataset(SMALL_MARKET)
