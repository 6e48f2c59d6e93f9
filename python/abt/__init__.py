"""abt from Python: the event-driven A-share backtesting engine as a library (docs/python.md).

    import abt
    result = abt.run("examples/dual_ma_daily.json")       # or a dict; data=, overrides= like --data, --set
    result.equity, result.trades, result.metrics, result.returns
    abt.sweep(config, {"strategy.params.fast": [3, 5, 8]}, jobs=2)   # one row per variant
    abt.Dataset("data/synth").frame("close")                # the market as NumPy / pandas views

Strategies in Python subclass abt.Strategy and receive an abt.Context in each callback.
"""

from ._native import _abt
from ._strategy import Param, Params, Strategy, register_strategy, registered_strategies, resolve_params
from ._result import Result, load_result, read_output_csv
from ._api import Regression, RealityGap, reality_gap, regress, run, strategies, sweep
from ._dataset import Dataset

Error = _abt.Error
ConfigError = _abt.ConfigError
DataError = _abt.DataError
StrategyError = _abt.StrategyError
InternalError = _abt.InternalError
Context = _abt.Context
DataHandle = _abt.DataHandle
TradingStatus = _abt.TradingStatus
PositionInfo = _abt.PositionInfo
PendingOrder = _abt.PendingOrder
Fill = _abt.Fill
Rejection = _abt.Rejection
MicrocapIndex = _abt.MicrocapIndex

__version__ = _abt.__version__

__all__ = [
    "run", "sweep", "regress", "reality_gap", "strategies", "load_result", "read_output_csv",
    "Result", "Regression", "RealityGap", "Dataset",
    "Strategy", "Param", "Params", "register_strategy", "registered_strategies", "resolve_params",
    "Context", "DataHandle", "TradingStatus", "PositionInfo", "PendingOrder", "Fill", "Rejection",
    "MicrocapIndex",
    "Error", "ConfigError", "DataError", "StrategyError", "InternalError",
]
