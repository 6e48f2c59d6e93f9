"""External signals, executed realistically: a weights table made in pandas (a stand-in for a qlib or
machine-learning model) traded by the target_weights strategy, and what the A-share rules cost it.

The model: every 10 trading days, equal weights on the `top` stocks with the best 20-day adjusted return
(ranked at the close of the day: the decision time of target_weights). Run:

    PYTHONPATH=build/python:python /usr/bin/python3 python/examples/momentum_weights.py [--stocks N] [--out CSV]

It prints the realistic and ideal metrics, the gap and the orders the rules blocked or reduced, and writes the
table (date,symbol,weight) for `abt run` (strategy target_weights, params.file).
"""

import argparse

import pandas as pd

import abt


def momentum_weights(dataset, lookback=20, every=10, top=30):
    close = dataset.frame("close") * dataset.frame("adj_factor")
    stocks = [s for s in dataset.symbols if not s.endswith(".IDX")]
    momentum = close[stocks].pct_change(lookback, fill_method=None)
    rows = []
    for day in momentum.index[lookback + 1::every]:
        best = momentum.loc[day].dropna().nlargest(top).index
        rows += [(day.strftime("%Y-%m-%d"), symbol, 1.0 / top) for symbol in best]
    return pd.DataFrame(rows, columns=["date", "symbol", "weight"])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stocks", type=int, default=0, help="a synthetic market of N stocks (0: the default one)")
    parser.add_argument("--out", default="", help="write the weights table to this CSV")
    args = parser.parse_args()
    data = None if args.stocks == 0 else {"synthetic": {"stocks": args.stocks, "start": "2015-01-05",
                                                        "end": "2024-12-31", "seed": 42}}
    dataset = abt.Dataset(data)
    weights = momentum_weights(dataset)
    if args.out:
        weights.to_csv(args.out, index=False)
    config = {"data": dataset.spec, "start": "2016-01-04", "costs": {"rate": 0.0013, "quote": "round_trip"},
              "benchmark": "BROAD.IDX"}
    gap = abt.reality_gap(config, weights=weights)
    pd.set_option("display.width", 120)
    print("{} rows, {} dates".format(len(weights), weights["date"].nunique()))
    print(gap.table.to_string(float_format=lambda v: "{:.4f}".format(v)))
    print("blocked or reduced orders (realistic):")
    print(gap.rejected[gap.rejected > 0].to_string())


if __name__ == "__main__":
    main()
