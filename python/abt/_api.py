"""abt.run, abt.sweep, abt.regress, abt.strategies, abt.reality_gap: the `abt` commands as functions."""

import os
import threading

import pandas as pd

from ._native import _abt
from . import _config, _result

ConfigError = _abt.ConfigError


def _main_thread():
    return threading.current_thread() is threading.main_thread()


def _plugins(plugins):
    return [os.path.abspath(os.fspath(p)) for p in (plugins or ())]


def run(config, data=None, overrides=None, *, strategy=None, weights=None, out=None, plugins=(), verbose=False,
        progress=None):
    """Runs one backtest, like `abt run CONFIG [--data DATA] [--set ...]`, and returns an abt.Result.

    config: a dict or the path of a config file (relative paths in it resolve against its directory);
    data: a dataset path (like --data), a data spec dict, or an abt.Dataset; overrides: "key.path=value"
    strings (like --set) or a dict of key.path -> value; strategy: an abt.Strategy class (built once per run,
    with the config's strategy.params) or object, or the name of a registered strategy; weights: a
    date,symbol,weight DataFrame (or a wide dates x symbols one, or a CSV path) to trade with the
    target_weights strategy; out: a directory to save the files of `abt run` into; plugins: strategy plugin
    libraries (like --plugin); progress: a callable(days_done, days_total).

    Raises abt.ConfigError / abt.DataError for bad input (the message names the JSON path, file or row),
    abt.StrategyError when the strategy fails during the run, KeyboardInterrupt on Ctrl-C."""
    with _config.prepare(config, data, overrides, strategy, weights) as prepared:
        handle = _abt.run(prepared.config, prepared.base_dir, _plugins(plugins), prepared.specs, not verbose,
                          _main_thread(), progress)
        result = _result.result_of(handle)
        if out is not None:
            result.save(out)
        return result


def _flatten_rows(rows):
    records = []
    for row in rows:
        record = {"variant": row["id"]}
        record.update(row["overrides"])
        record.update({"status": row["status"], "error": row["error"], "rank": row["rank"]})
        for name, value in (row["metrics"] or {}).items():
            if not isinstance(value, (dict, list)):
                record[name] = value
        record.update({"trades_hash": row["trades_hash"], "dir": row["dir"]})
        records.append(record)
    frame = pd.DataFrame.from_records(records)
    return frame.set_index("variant") if len(frame) else frame


def sweep(config, plan, jobs=None, *, data=None, overrides=None, strategy=None, out=None, rank_by="sharpe",
          plugins=(), verbose=False):
    """Runs the variants of a plan, like `abt sweep CONFIG --grid PLAN --jobs N [--out DIR]`, and returns one
    row per variant (index: variant id v0000, ...): the overridden values, status, error, rank (1 = best by
    rank_by), every metric, trades_hash and, with out, the variant's directory.

    plan: a dict (grid {"strategy.params.fast": [3, 5]}, {"variants": [...]} or {"random": {...}},
    docs/sweeps.md) or a plan file; jobs: worker threads (default: the number of cores); out: write the
    variants' directories and sweep.csv / sweep.json there; strategy: as for run (an object is deep-copied for
    each variant). The GIL is released while variants run: C++
    strategies run in parallel, Python strategies serialise on the GIL in their callbacks."""
    if isinstance(plan, (str, os.PathLike)):
        where = os.fspath(plan)
        plan = _abt.read_json_file(where)
    else:
        where = "plan"
    jobs = _abt.hardware_concurrency() if jobs is None else int(jobs)
    with _config.prepare(config, data, overrides, strategy, copy_objects=True) as prepared:
        outcome = _abt.sweep(prepared.config, prepared.base_dir, plan, where, jobs,
                             "" if out is None else os.fspath(out), rank_by, _plugins(plugins), prepared.specs,
                             not verbose, _main_thread())
    frame = _flatten_rows(outcome["rows"])
    frame.attrs.update({"complete": outcome["complete"], "seconds": outcome["seconds"], "jobs": outcome["jobs"],
                        "rank_by": rank_by})
    return frame


class Regression:
    """The outcome of abt.regress: status "pass", "fail", "missing" (no golden) or "updated"; checks (a
    DataFrame: item, golden, now, tolerance, ok); text (the table `abt regress -v` prints); plugin_changes."""

    def __init__(self, status, golden_path, comparison=None):
        self.status = status
        self.golden_path = golden_path
        comparison = comparison or {"checks": [], "plugin_changes": [], "text": ""}
        self.checks = pd.DataFrame(comparison["checks"], columns=["item", "golden", "now", "tolerance", "ok"])
        self.plugin_changes = list(comparison["plugin_changes"])
        self.text = comparison["text"]

    @property
    def ok(self):
        return self.status in ("pass", "updated")

    def __bool__(self):
        return self.ok

    def __repr__(self):
        failed = int((~self.checks["ok"]).sum()) if len(self.checks) else 0
        return "<abt.Regression {} ({} checks, {} failed) {}>".format(self.status, len(self.checks), failed,
                                                                     self.golden_path)


def _tolerance_assignments(tolerance):
    if tolerance is None:
        return []
    if isinstance(tolerance, str):
        return [tolerance]
    if isinstance(tolerance, dict):
        out = []
        for name, value in tolerance.items():
            if isinstance(value, (tuple, list)):
                out.append("{}={},{}".format(name, value[0], value[1]))
            else:
                out.append("{}={}".format(name, value))
        return out
    return list(tolerance)


def regress(config, golden, *, data=None, overrides=None, strategy=None, tolerances=None, tolerance=None,
            update=False, name=None, plugins=(), verbose=False):
    """Runs a config and compares it with its golden file, like `abt regress --golden DIR CONFIG`
    (app/run/regression.hpp): the data fingerprint and trades hash exactly, every golden metric within its
    tolerance. Returns an abt.Regression (truthy when it passes).

    golden: a golden .json file, or a directory holding <name>.json (name: the config file's stem, or
    `name`); tolerances: a tolerance document or file ({"default": {"abs", "rel"}, "metrics": {...}});
    tolerance: "NAME=ABS[,REL]" strings or {name: abs or (abs, rel)} (name "*" = the default); update: write
    the golden from this run instead."""
    golden = os.fspath(golden)
    stem = name
    if stem is None and isinstance(config, (str, os.PathLike)):
        stem = os.path.splitext(os.path.basename(os.fspath(config)))[0]
    if os.path.isdir(golden) or not golden.endswith(".json"):
        if stem is None:
            raise ConfigError("golden: a directory needs the config's name (pass name=... for a dict config)")
        golden_path = os.path.join(golden, stem + ".json")
    else:
        golden_path = golden
    if isinstance(tolerances, (str, os.PathLike)):
        tolerances = _abt.read_json_file(os.fspath(tolerances))
    result = run(config, data, overrides, strategy=strategy, plugins=plugins, verbose=verbose)
    now = result._source.handle.golden()
    if update:
        _abt.write_json_file(golden_path, now)  # as `abt regress --update` writes it
        return Regression("updated", golden_path)
    if not os.path.exists(golden_path):
        return Regression("missing", golden_path)
    comparison = _abt.compare_golden(_abt.read_json_file(golden_path), now, tolerances,
                                     _tolerance_assignments(tolerance), True)
    return Regression("pass" if comparison["ok"] else "fail", golden_path, comparison)


def strategies(plugins=()):
    """Every strategy a run can name: the built-ins, the plugins' and the registered Python ones, with their
    params (name, type, default, doc, constraint), like `abt strategies`."""
    from . import _strategy

    return _abt.strategies(_plugins(plugins), _strategy.specs())


class RealityGap:
    """What the A-share rules cost a strategy: the same config under execution.profile realistic and ideal.
    table: metrics (rows) x realistic, ideal, gap (realistic - ideal); rejected: the realistic run's blocked or
    reduced orders by reason; realistic, ideal: the two Results."""

    METRICS = ["total_return", "annual_return", "annual_volatility", "sharpe", "max_drawdown", "trades",
               "turnover", "costs", "exposure"]

    def __init__(self, realistic, ideal):
        self.realistic, self.ideal = realistic, ideal
        rows = {}
        for m in self.METRICS:
            a, b = realistic.metrics.get(m), ideal.metrics.get(m)
            gap = a - b if isinstance(a, (int, float)) and isinstance(b, (int, float)) else None
            rows[m] = {"realistic": a, "ideal": b, "gap": gap}
        self.table = pd.DataFrame.from_dict(rows, orient="index")
        self.rejected = pd.Series(realistic.document["rejected_orders"], name="rejected_orders")

    def __repr__(self):
        return "<abt.RealityGap>\n{}".format(self.table.to_string())


def reality_gap(config, data=None, overrides=None, *, strategy=None, weights=None, plugins=()):
    """Runs `config` with execution.profile = realistic and = ideal (no lots, limits, T+1 or participation
    cap; fractional shares; the same costs) and returns an abt.RealityGap."""
    base = _config.override_list(overrides)
    realistic = run(config, data, base + ["execution.profile=realistic"], strategy=strategy, weights=weights,
                    plugins=plugins)
    ideal = run(config, data, base + ["execution.profile=ideal"], strategy=strategy, weights=weights,
                plugins=plugins)
    return RealityGap(realistic, ideal)
