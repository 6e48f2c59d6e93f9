"""Benchmark (not a test): the small-cap low-vol 50 in Python + NumPy (python/examples/smallcap_lowvol.py)
against the built-in C++ strategy on the same config, by engine time (result timing run_seconds: the event
loop with the strategy's callbacks; loading and writing are not included) and by the CPU time of the whole
abt.run call (this thread's: load from the cache, run, metrics; less sensitive to a busy machine). Runs the
two alternately, checks that trades.csv is byte-identical, and prints the medians and their ratios.

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
    times = {"cpp": [], "py": [], "cpp_cpu": [], "py_cpu": []}
    reference = None
    for k in range(args.repeat):
        c0 = time.thread_time()
        cpp = abt.run(args.config)
        c1 = time.thread_time()
        py = abt.run(args.config, strategy=SmallcapLowvol)
        c2 = time.thread_time()
        if reference is None:
            reference = cpp.csv("trades")
            assert py.csv("trades") == reference, "the Python twin traded differently"
            print("trades identical: {} fills, trades_hash {}".format(cpp.metrics["trades"],
                                                                     cpp.document["trades_hash"]))
        times["cpp"].append(cpp.timing["run_seconds"])
        times["py"].append(py.timing["run_seconds"])
        times["cpp_cpu"].append(c1 - c0)
        times["py_cpu"].append(c2 - c1)
        print("run {}: engine C++ {:.3f} s, Python {:.3f} s; CPU of abt.run C++ {:.3f} s, Python {:.3f} s".format(
            k + 1, times["cpp"][-1], times["py"][-1], times["cpp_cpu"][-1], times["py_cpu"][-1]))
    m = {key: statistics.median(v) for key, v in times.items()}
    print("median engine time: C++ {:.3f} s, Python {:.3f} s, ratio {:.2f}x".format(m["cpp"], m["py"],
                                                                                   m["py"] / m["cpp"]))
    print("median CPU time of abt.run: C++ {:.3f} s, Python {:.3f} s, ratio {:.2f}x".format(
        m["cpp_cpu"], m["py_cpu"], m["py_cpu"] / m["cpp_cpu"]))
    print("load average: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg()))


if __name__ == "__main__":
    main()
