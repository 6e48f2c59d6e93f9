#!/usr/bin/python3
"""An independent rebuild of the micro-cap index (strategies.md section 1) from the raw files, with numpy only
and no abt code: a qlib dump, a TDX gbbq share-capital table and an ST interval table. It follows the rules
documented in docs/strategies/microcap_index.md and docs/data-formats.md ("New listings") and the gbbq
roll-forward of data_adapters/reference/gbbq_share_capital.hpp, written again from the documents. Prints the
yearly returns (and optionally the level per day) to compare with `abt run ... --set benchmark=...`.

  /usr/bin/python3 scripts/crosscheck/microcap_index_rebuild.py data/real/qlib \\
      ../shared/data/real-sample/shares/tdx_gbbq_all_to_20201109.csv \\
      ../shared/data/real-sample/st/st_proxy_intervals_2010_2026.csv [--levels levels.csv] [--caps-on 2023-11-30]
"""
import argparse
import csv
import os

import numpy as np

parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
parser.add_argument("qlib")
parser.add_argument("gbbq")
parser.add_argument("st")
parser.add_argument("--levels", help="write date,level to this CSV")
parser.add_argument("--caps-on", help="print the members' cap range on this date (YYYY-MM-DD)")
parser.add_argument("--no-roll-forward", action="store_true", help="carry shares after the gbbq table flat")
parser.add_argument("--size", type=int, default=400)
args = parser.parse_args()

cal = [line.strip() for line in open(os.path.join(args.qlib, "calendars/day.txt")) if line.strip()]
T = len(cal)
cal_dates = np.array([np.datetime64(d) for d in cal])


def board(sym):
    ex, code = sym[:2], sym[2:5]
    if ex == "SH" and code in ("600", "601", "603", "605"):
        return "main"
    if ex == "SH" and code in ("688", "689"):
        return "star"
    if ex == "SZ" and code in ("000", "001", "002", "003"):
        return "main"
    if ex == "SZ" and code in ("300", "301"):
        return "chinext"
    return None


def feature_dir(sym):
    for d in (sym.lower(), sym):
        p = os.path.join(args.qlib, "features", d)
        if os.path.isdir(p):
            return p
    return None


syms = sorted({line.split("\t")[0].strip().upper() for line in open(os.path.join(args.qlib, "instruments/all.txt"))})
syms = [s for s in syms if board(s) and feature_dir(s)]
N = len(syms)
col = {s: j for j, s in enumerate(syms)}


def read_bin(sym, field):
    out = np.full(T, np.nan)
    p = os.path.join(feature_dir(sym), field + ".day.bin")
    if os.path.exists(p):
        a = np.fromfile(p, dtype="<f4")
        start = int(a[0])
        vals = a[1:][: T - start]
        out[start : start + len(vals)] = vals
    return out


close = np.empty((T, N))
factor = np.empty((T, N))
volume = np.empty((T, N))
for j, s in enumerate(syms):
    close[:, j], factor[:, j], volume[:, j] = read_bin(s, "close"), read_bin(s, "factor"), read_bin(s, "volume")
unadj = np.round(close / factor * 100) / 100  # qlib prices are adjusted: unadjusted = price / factor
has = ~np.isnan(close)


def ymd(text):
    return np.datetime64(f"{text[:4]}-{text[4:6]}-{text[6:8]}")


# Share capital: the "after" total of the latest share-change record on or before the day.
events, table_end = {}, None
with open(args.gbbq) as f:
    for x in csv.DictReader(f):
        d = ymd(x["date"])
        table_end = d if table_end is None or d > table_end else table_end
        if int(float(x["category"])) not in (2, 3, 4, 5, 7, 8, 9, 10):
            continue
        s = x["market"].upper() + x["code"]
        if s in col and float(x["f4"]) > 0:
            events.setdefault(s, []).append((d, float(x["f4"]) * 1e4))
shares = np.full((T, N), np.nan)
for s, ev in events.items():
    for d, total in sorted(ev, key=lambda e: e[0]):
        shares[np.searchsorted(cal_dates, d) :, col[s]] = total
if not args.no_roll_forward:  # after the table: bonus shares carried by factor jumps of at least 1.095x
    k0 = np.searchsorted(cal_dates, table_end, side="right")
    for j in range(N):
        scale, prev = 1.0, None
        for t in np.nonzero(has[:, j])[0]:
            if t >= k0 and prev is not None and factor[prev, j] > 0 and factor[t, j] / factor[prev, j] >= 1.095:
                scale *= factor[t, j] / factor[prev, j]
            if t >= k0:
                shares[t, j] *= scale
            prev = t

is_st = np.zeros((T, N), dtype=bool)
with open(args.st) as f:
    for x in csv.DictReader(f):
        code, ex = x["symbol"].split(".")
        if ex + code not in col:
            continue
        a = np.searchsorted(cal_dates, np.datetime64(x["start"]))
        b = T if not x["end"] else np.searchsorted(cal_dates, np.datetime64(x["end"]), side="right")
        is_st[a:b, col[ex + code]] = True

# The IPO limit-up run: broken by a day without a limit, or a traded close below the day's limit-up.
ipo_band, chinext_reform, main_registration = (np.datetime64(d) for d in ("2014-06-13", "2020-08-24", "2023-04-10"))
broken = np.zeros((T, N), dtype=bool)
for j, s in enumerate(syms):
    idx = np.nonzero(has[:, j])[0]
    if len(idx) == 0:
        continue
    if idx[0] == 0:  # on the first calendar day: listed before the data
        broken[:, j] = True
        continue
    b, listed = board(s), cal_dates[idx[0]]
    registration = b == "star" or (b == "chinext" and listed >= chinext_reform) or (b == "main" and listed >= main_registration)
    for n, t in enumerate(idx):
        if registration and n < 5:  # no limit on days 1-5
            broken[t:, j] = True
            break
        if n == 0:
            if listed < ipo_band:  # no day-1 limit before 2014-06-13
                broken[t:, j] = True
                break
            continue  # day 1 without an issue price: sealed
        if not volume[t, j] > 0:
            continue  # suspended: the close is repeated, not traded
        p = idx[n - 1]
        pre = unadj[p, j] * factor[p, j] / factor[t, j]
        twenty = b == "star" or (b == "chinext" and cal_dates[t] >= chinext_reform)
        pct = 20 if twenty else (5 if is_st[t, j] else 10)
        limit = np.floor(round(pre * 100) * (100 + pct) / 100 + 0.5)
        if round(unadj[t, j] * 100) < limit:
            broken[t:, j] = True
            break

cap = unadj * shares
eligible = has & broken & ~is_st & (cap > 0)
level = np.full(T, np.nan)
level[0] = 1000.0
members = np.array([], dtype=int)
for t in range(T):
    if t > 0:
        r = close[t, members] / close[t - 1, members] - 1 if len(members) else np.array([0.0])
        r = np.where((volume[t, members] > 0) & np.isfinite(r), r, 0.0) if len(members) else r
        level[t] = level[t - 1] * (1 + r.mean())
    e = np.nonzero(eligible[t])[0]
    members = e[np.lexsort((e, cap[t, e]))[: args.size]]  # smallest caps, ties by code
    if cal[t] == args.caps_on:
        c = cap[t, members] / 1e8
        print(f"member caps on {cal[t]}: {c.min():.2f} .. {c.max():.2f}, mean {c.mean():.2f} (100 million CNY)")

previous = None
for y in sorted({d[:4] for d in cal}):
    last = max(i for i, d in enumerate(cal) if d[:4] == y)
    if previous is not None:
        print(y, f"{(level[last] / level[previous] - 1) * 100:+.2f} %")
    previous = last
if args.levels:
    with open(args.levels, "w") as f:
        f.write("date,level\n")
        for d, v in zip(cal, level):
            f.write(f"{d},{v:.6f}\n")
