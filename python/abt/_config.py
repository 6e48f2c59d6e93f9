"""From the arguments of abt.run / sweep / regress to the config the engine runs: the same steps as the
`abt` command (read the file, --data, --set), plus the Python strategy or the weights table to trade."""

import copy
import inspect
import json
import os
import tempfile

import pandas as pd

from ._native import _abt
from . import _strategy

ConfigError = _abt.ConfigError


class Prepared:
    """A config ready to run: the JSON object, the directory its relative paths resolve against, its name
    (the file stem, for goldens), the Python strategies to register, and temporary files to remove."""

    def __init__(self, config, base_dir, name, specs, temp_dir):
        self.config, self.base_dir, self.name, self.specs, self._temp_dir = config, base_dir, name, specs, temp_dir

    def close(self):
        if self._temp_dir is not None:
            self._temp_dir.cleanup()
            self._temp_dir = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def load_config(config):
    """(config object, base directory, name) of a dict or a config file path."""
    if isinstance(config, dict):
        return copy.deepcopy(config), "", None
    if isinstance(config, (str, os.PathLike)):
        path = os.fspath(config)
        return _abt.read_json_file(path), os.path.dirname(os.path.abspath(path)), os.path.splitext(
            os.path.basename(path))[0]
    raise TypeError("config: expected a dict or the path of a config file, got {!r}".format(type(config).__name__))


def override_list(overrides):
    """The `--set` assignments of overrides: None, a "key.path=value" string, a list of them, or a dict of
    key.path -> value (any JSON value)."""
    if overrides is None:
        return []
    if isinstance(overrides, str):
        return [overrides]
    if isinstance(overrides, dict):
        out = []
        for k, v in overrides.items():
            try:
                text = json.dumps(v, allow_nan=False)  # JSON has no NaN or infinity ("Infinity" was a string)
            except ValueError:
                what = "a finite number" if isinstance(v, float) else "finite numbers (JSON has no NaN or infinity)"
                raise ConfigError("{}: expected {}, got {!r}".format(k, what, v)) from None
            out.append("{}={}".format(k, text))
        return out
    out = list(overrides)
    for assignment in out:
        if not isinstance(assignment, str):
            raise TypeError("overrides: expected 'key.path=value' strings, got {!r}".format(assignment))
    return out


def apply_overrides(config, overrides):
    """`abt run --set`: each assignment's value is parsed as JSON when it is JSON, else taken as a string."""
    for assignment in override_list(overrides):
        config = _abt.apply_override(config, assignment)
    return config


def weights_frame(weights):
    """A date,symbol,weight DataFrame from the long form (those columns) or a wide one (dates x symbols)."""
    if not isinstance(weights, pd.DataFrame):
        raise TypeError("weights: expected a DataFrame or the path of a CSV file")
    if {"date", "symbol", "weight"}.issubset(weights.columns):
        long = weights[["date", "symbol", "weight"]].copy()
    else:
        wide = weights.copy()
        wide.index = pd.to_datetime(wide.index)
        wide.index.name = "date"
        wide.columns.name = "symbol"
        long = wide.stack().rename("weight").reset_index()
    long["date"] = pd.to_datetime(long["date"]).dt.strftime("%Y-%m-%d")
    return long


def prepare(config, data=None, overrides=None, strategy=None, weights=None, copy_objects=False):
    config, base_dir, name = load_config(config)
    if data is not None:
        if hasattr(data, "spec") and not isinstance(data, (str, os.PathLike, dict)):
            config["data"] = data.spec  # an abt.Dataset: the same data
        elif isinstance(data, dict):
            config["data"] = copy.deepcopy(data)
        else:
            config["data"] = {"dataset": os.path.abspath(os.fspath(data))}
    config = apply_overrides(config, overrides)
    temp_dir = None
    extra = None
    if weights is not None and strategy is not None:
        raise ConfigError("strategy, weights: give one of them (weights trades the target_weights strategy)")
    if weights is not None:
        params = {}
        section = config.get("strategy") or {}
        if isinstance(section, dict) and section.get("name") == "target_weights":
            params = dict(section.get("params") or {})
        if isinstance(weights, (str, os.PathLike)):
            params["file"] = os.path.abspath(os.fspath(weights))
        else:
            temp_dir = tempfile.TemporaryDirectory(prefix="abt-weights-")
            path = os.path.join(temp_dir.name, "weights.csv")
            weights_frame(weights).to_csv(path, index=False)
            params["file"] = path
        config["strategy"] = {"name": "target_weights", "params": params}
    elif strategy is not None:
        if isinstance(strategy, str):
            section = config.get("strategy") if isinstance(config.get("strategy"), dict) else {}
            config["strategy"] = dict(section, name=strategy)
        else:
            if not (inspect.isclass(strategy) or hasattr(strategy, "on_start") or hasattr(strategy, "on_bar")):
                raise TypeError("strategy: expected an abt.Strategy class or object, or a strategy name")
            extra = strategy
            section = config.get("strategy") if isinstance(config.get("strategy"), dict) else {}
            config["strategy"] = dict(section, name=_strategy.strategy_name(strategy))
            if not inspect.isclass(strategy):
                config["strategy"].pop("params", None)
    return Prepared(config, base_dir, name, _strategy.specs(extra, copy_objects=copy_objects), temp_dir)
