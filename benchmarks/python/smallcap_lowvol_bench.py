"""Benchmark (not a test): the small-cap low-vol 50 in Python + NumPy (python/examples/smallcap_lowvol.py)
against the built-in C++ strategy on the same config, by engine time (result timing run_seconds: the event
loop with the strategy's callbacks; loading and writing are not included). Runs the two alternately, checks
that trades.csv is byte-identical, and prints the median of each and their ratio.

    PYTHONPATH=build/python:python:python/examples /usr/bin/python3 benchmarks/python/smallcap_lowvol_bench.py \\
        [--config examples/main.json] [--repeat 7]
"""

import argparse
import os
import statistics
import sys
import time

import abt

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "..", "python", "examples"))
from smallcap_lowvol import SmallcapLowvol  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description="smallcap_lowvol: Python + NumPy vs C++")
    parser.add_argument("--config", default="examples/main.json")
    parser.add_argument("--repeat", type=int, default=7)
    args = parser.parse_args()
    cpp_times, py_times, py_walls = [], [], []
    reference = None
    for k in range(args.repeat):
        cpp = abt.run(args.config)
        t0 = time.perf_counter()
        py = abt.run(args.config, strategy=SmallcapLowvol)
        py_walls.append(time.perf_counter() - t0)
        if reference is None:
            reference = cpp.csv("trades")
            assert py.csv("trades") == reference, "the Python twin traded differently"
            print("trades identical: {} fills, trades_hash {}".format(cpp.metrics["trades"],
                                                                     cpp.document["trades_hash"]))
        cpp_times.append(cpp.timing["run_seconds"])
        py_times.append(py.timing["run_seconds"])
        print("run {}: C++ {:.3f} s, Python {:.3f} s".format(k + 1, cpp_times[-1], py_times[-1]))
    c, p = statistics.median(cpp_times), statistics.median(py_times)
    print("median engine time: C++ {:.3f} s, Python {:.3f} s, ratio {:.2f}x (Python wall incl. load {:.3f} s)".format(
        c, p, p / c, statistics.median(py_walls)))


if __name__ == "__main__":
    main()
