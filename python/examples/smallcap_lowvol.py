"""The small-cap low-volatility 50 in Python + NumPy (strategies.md section 2, 小市值低波50): the twin of the
built-in C++ strategy (strategies/smallcap_lowvol), with identical trades.

On every rebalance day (biweekly: the first trading day of every second calendar week):
  1. the micro-cap index members at the close (the engine's own index, ctx.microcap_index(): the 400
     smallest eligible SH/SZ stocks by total market cap, ranked exactly as the C++ strategies rank);
  2. drop names that cannot be bought: suspended or closing at limit-up (ctx.statuses);
  3. the 100 smallest by total market cap (ties by code);
  4. of those the 50 with the lowest sample standard deviation of daily adjusted close-to-close returns over
     250 trading days (a return counts when both prices exist and the later day traded; at least 80 % of
     the window), ties by code;
  5. equal weight 1/50, every other holding to 0.

    import abt
    from smallcap_lowvol import SmallcapLowvol
    result = abt.run("examples/main.json", strategy=SmallcapLowvol)

Everything the C++ code sums is summed here in the same order (np.cumsum is sequential), so the volatilities
and therefore the rankings are bit for bit the C++ ones.
"""

import math

import numpy as np

import abt


def bottom_k(ids, keys, code_rank, k):
    """The k ids with the smallest key (NaN keys skipped), ascending (key, code): ind::BottomK."""
    ok = ~np.isnan(keys)
    ids, keys = ids[ok], keys[ok]
    order = np.lexsort((code_rank[ids], keys))
    return ids[order[:k]]


def sample_std(returns, valid, min_valid):
    """ind::sample_std of each row of returns (one row per stock; entries where valid is False are ignored):
    the mean and the squared deviations summed sequentially, as the C++ loop sums them (np.cumsum runs in
    order; adding the 0.0 of an ignored entry changes nothing)."""
    count = valid.sum(axis=1)
    if returns.shape[1] == 0:  # the first day of the data: no return yet
        return np.full(len(returns), np.nan)
    returns = np.where(valid, returns, 0.0)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.cumsum(returns, axis=1)[:, -1] / count
        deviation = returns - mean[:, None]
        deviation *= deviation
        deviation[~valid] = 0.0
        std = np.sqrt(np.cumsum(deviation, axis=1)[:, -1] / (count - 1))
    return np.where((count >= min_valid) & (count >= 2), std, np.nan)


class SmallcapLowvol(abt.Strategy):
    """micro-cap members -> 100 smallest by total cap -> 50 lowest 250-day volatility, equal weight, biweekly"""

    name = "py_smallcap_lowvol"
    params = {
        "index_size": abt.Param(400, "micro-cap index size", min=1),
        "rank_by": abt.Param("total", "market cap ranking the index members", choices=["total", "float"]),
        "exclude_st": abt.Param(True, "exclude ST / *ST stocks from the index universe"),
        "exclude_delisting": abt.Param(True, "exclude stocks in the delisting arrangement"),
        "require_ipo_break": abt.Param(True, "exclude new listings whose limit-up run has not broken"),
        "candidates": abt.Param(100, "smallest members by total market cap kept before the volatility filter", min=1),
        "holdings": abt.Param(50, "lowest-volatility candidates held, equal weight 1/holdings", min=1),
        "vol_window": abt.Param(250, "volatility window in trading days", min=2),
        "min_valid_fraction": abt.Param(0.8, "minimum share of the window with a valid return", min=0, max=1),
        "skip_untradable": abt.Param(True, "drop members suspended or at limit-up on the signal day"),
        "rebalance": abt.Param("biweekly", "rebalance schedule (as Context.schedule)"),
        "rebalance_phase": abt.Param(0, "weeks (trading days) to skip before the first rebalance", min=0),
        "cash_months": abt.Param([], "calendar months (1-12) spent in cash"),
    }

    @staticmethod
    def validate(params, path):
        if params.holdings > params.candidates:
            raise abt.ConfigError("{}.holdings: must not exceed candidates ({} > {})".format(
                path, params.holdings, params.candidates))

    def on_start(self, ctx):
        p = self.params
        self.index = ctx.microcap_index(size=p.index_size, rank_by=p.rank_by, exclude_st=p.exclude_st,
                                        exclude_delisting=p.exclude_delisting,
                                        require_ipo_break=p.require_ipo_break)
        self.code_rank = ctx.code_rank
        self.close = ctx.field("close")
        self.volume = ctx.field("volume")
        self.adj = ctx.field("adj_factor") if ctx.has_field("adj_factor") else None
        self.min_valid = max(math.ceil(p.min_valid_fraction * p.vol_window - 1e-9), 2)
        self.in_cash = False
        ctx.subscribe("1d")
        schedule = p.rebalance if p.rebalance_phase == 0 else "{}:{}".format(p.rebalance, p.rebalance_phase)
        self.timer = ctx.schedule(schedule)
        self.signals = {name: ctx.declare_signal(name) for name in (
            "members", "tradable_members", "candidates", "holdings", "selection_cap_min", "selection_cap_max",
            "selection_vol_min", "selection_vol_max")}

    def on_bar(self, ctx, freq):
        if freq != "1d":
            return
        self.index.update(ctx)
        if not self.params.cash_months:
            return
        cash = ctx.today.month in self.params.cash_months
        if cash and not self.in_cash:
            self.in_cash = True
            ctx.target_weights([], [], exit_others=True)
        elif not cash and self.in_cash:
            self.in_cash = False
            self.rebalance(ctx)

    def on_timer(self, ctx, timer_id):
        if timer_id == self.timer and not self.in_cash:
            self.rebalance(ctx)

    def volatilities(self, ctx, ids):
        """Volatility of each candidate's daily adjusted returns over the window. Each stock's window is made
        contiguous (ids x days) so that the sums along it run over consecutive memory."""
        window = self.params.vol_window + 1
        adjusted = ctx.history(self.close, window)[:, ids].T.astype(np.float64)
        if self.adj is not None:
            adjusted *= ctx.history(self.adj, window)[:, ids].T
        traded = ctx.history(self.volume, window)[:, ids].T[:, 1:] > 0
        before, after = adjusted[:, :-1], adjusted[:, 1:]
        with np.errstate(invalid="ignore", divide="ignore"):
            valid = traded & np.isfinite(before) & np.isfinite(after) & (before > 0)
            returns = after / before - 1.0
        return sample_std(returns, valid, self.min_valid)

    def rebalance(self, ctx):
        p = self.params
        members = self.index.rank(ctx)
        tradable = members
        if p.skip_untradable and len(members):
            status = ctx.statuses(members)
            tradable = members[~(status["suspended"] | status["at_limit_up"])]
        caps = self.index.total_caps()
        smallest = bottom_k(tradable, caps[tradable], self.code_rank, p.candidates)
        vols = np.full(ctx.instrument_count, np.nan)
        if len(smallest):
            vols[smallest] = self.volatilities(ctx, smallest)
        selected = bottom_k(smallest, vols[smallest], self.code_rank, p.holdings)
        s = self.signals
        ctx.record(s["members"], len(members))
        ctx.record(s["tradable_members"], len(tradable))
        ctx.record(s["candidates"], len(smallest))
        ctx.record(s["holdings"], len(selected))
        chosen_caps, chosen_vols = caps[selected], vols[selected]
        nan = float("nan")
        ctx.record(s["selection_cap_min"], chosen_caps.min() if len(selected) else nan)
        ctx.record(s["selection_cap_max"], chosen_caps.max() if len(selected) else nan)
        ctx.record(s["selection_vol_min"], chosen_vols.min() if len(selected) else nan)
        ctx.record(s["selection_vol_max"], chosen_vols.max() if len(selected) else nan)
        ctx.target_weights(selected, 1.0 / p.holdings, exit_others=True)
