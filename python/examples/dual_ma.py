"""dual_ma in Python + NumPy: the twin of the built-in C++ strategy (strategies/dual_ma, strategies.md
section 5), trade for trade. SMA(fast) vs SMA(slow) of the adjusted close of each symbol: long with weight w
while the fast average is above the slow one, flat otherwise; orders only on crosses.

    import abt
    from dual_ma import DualMa
    result = abt.run("examples/dual_ma_daily.json", strategy=DualMa)   # same params as the built-in

The comparison is exact like the C++ one: each price is put on a 0.0001 grid as an integer (rounded half
away from zero) and the averages are compared as fractions of integers, so equal averages are flat.
"""

import numpy as np

import abt

GRID = 1e4  # the C++ kPriceGrid
MAX_GRID_VALUE = 9e15
RECORDED_SYMBOLS = 4  # the C++ kRecordedSymbols


def round_half_away(x):
    """std::llround for x >= 0, exactly (x - floor(x) is exact in binary floating point)."""
    floor = np.floor(x)
    return np.where(x - floor >= 0.5, floor + 1.0, floor)


class DualMa(abt.Strategy):
    """SMA fast/slow cross-over timing, long or flat (Python twin of dual_ma)."""

    name = "py_dual_ma"
    params = {
        "symbols": abt.Param(["BROAD.IDX"], "instruments to time"),
        "fast": abt.Param(5, "fast SMA window in bars", min=1),
        "slow": abt.Param(20, "slow SMA window in bars", min=2),
        "frequency": abt.Param("1d", "bars the signal is computed on", choices=["1d", "60m"]),
        "price": abt.Param("adjusted", "signal price: back-adjusted or raw close", choices=["adjusted", "raw"]),
        "weight": abt.Param(0.0, "NAV weight of each long instrument; 0 = 1 / number of symbols", min=0, max=1),
    }

    @staticmethod
    def validate(params, path):
        if params.fast >= params.slow:
            raise abt.ConfigError("{}.fast: must be smaller than slow ({} >= {})".format(path, params.fast,
                                                                                          params.slow))

    def on_start(self, ctx):
        p = self.params
        ids = []
        for k, symbol in enumerate(p.symbols):
            found = ctx.find_instrument(symbol)
            if found is None:
                raise abt.ConfigError("strategy.params.symbols[{}]: unknown instrument '{}'".format(k, symbol))
            ids.append(found)
        self.ids = np.array(ids, dtype=np.int64)
        self.long = [False] * len(ids)
        self.close = ctx.field("close", p.frequency)
        self.adj = ctx.field("adj_factor", p.frequency) if p.price == "adjusted" else None
        self.weight = p.weight if p.weight > 0 else 1.0 / len(ids)
        ctx.subscribe(p.frequency)
        self.signals = []
        for symbol in p.symbols[:RECORDED_SYMBOLS]:
            self.signals.append((ctx.declare_signal(symbol + "_fast", p.frequency),
                                 ctx.declare_signal(symbol + "_slow", p.frequency),
                                 ctx.declare_signal(symbol + "_long", p.frequency)))

    def on_bar(self, ctx, freq):
        p = self.params
        if freq != p.frequency:
            return
        closes = ctx.history(self.close, p.slow)[:, self.ids].astype(np.float64)
        count = closes.shape[0]
        if self.adj is not None:
            factors = ctx.history(self.adj, p.slow)[:, self.ids].astype(np.float64)
            prices = closes * np.where(np.isnan(factors), 1.0, factors)
        else:
            prices = closes
        changed_ids, changed_weights = [], []
        if count >= p.slow:
            scaled = prices * GRID
            valid = np.all((scaled >= 0) & (scaled < MAX_GRID_VALUE), axis=0)
            units = round_half_away(np.where(np.isfinite(scaled), scaled, 0.0)).astype(np.int64)
            sum_slow = units.sum(axis=0)
            sum_fast = units[count - p.fast:].sum(axis=0)
        for k in range(len(self.ids)):
            if count < p.slow or not valid[k]:
                state = -1
            else:
                state = 1 if int(sum_fast[k]) * p.slow > int(sum_slow[k]) * p.fast else 0
            want_long = state == 1
            if not (state < 0 and not self.long[k]) and want_long != self.long[k]:
                self.long[k] = want_long
                changed_ids.append(self.ids[k])
                changed_weights.append(self.weight if want_long else 0.0)
            if k < len(self.signals):
                self.record_averages(ctx, k, prices[:, k], count)
        if changed_ids:
            ctx.target_weights(changed_ids, changed_weights, exit_others=False)

    def record_averages(self, ctx, k, prices, count):
        """The two averages and the state, summed in the C++ order (sequentially)."""
        p = self.params
        fast_h, slow_h, long_h = self.signals[k]
        if count >= p.slow:
            window = prices[count - p.slow:]
            slow = np.cumsum(window)[-1]
            fast = np.cumsum(window[p.slow - p.fast:])[-1]
            ctx.record(fast_h, fast / p.fast)
            ctx.record(slow_h, slow / p.slow)
        else:
            ctx.record(fast_h, float("nan"))
            ctx.record(slow_h, float("nan"))
        ctx.record(long_h, 1.0 if self.long[k] else 0.0)
