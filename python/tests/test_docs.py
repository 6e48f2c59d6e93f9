"""docs/python.md: the walkthrough runs as written, block after block, and shows what the text says."""

import os
import re

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def walkthrough_blocks():
    with open(os.path.join(ROOT, "docs", "python.md"), encoding="utf-8") as f:
        text = f.read()
    section = text.split("## 2. Walkthrough", 1)[1].split("\n## 3.", 1)[0]
    return re.findall(r"```python\n(.*?)```", section, re.S)


def test_the_walkthrough_runs_as_written(tmp_path, monkeypatch, capsys):
    for name in ("examples", "python"):
        (tmp_path / name).symlink_to(os.path.join(ROOT, name))
    monkeypatch.chdir(tmp_path)  # its outputs (out/...) go to a temporary directory
    blocks = walkthrough_blocks()
    assert len(blocks) >= 8
    namespace = {}
    for k, block in enumerate(blocks):
        exec(compile(block, "docs/python.md block {}".format(k + 1), "exec"), namespace)
    printed = capsys.readouterr().out
    # The numbers and names the text quotes.
    assert "<abt.Result dual_ma 2019-01-02..2021-12-31: total_return 0.2503, sharpe 0.571" in printed
    assert "strategy.params.fast: expected an integer in [1, 100000], got 0" in printed
    assert namespace["best"] == "v0004"
    assert namespace["close"].shape == (734, 202) and not namespace["close"].flags.writeable
    assert namespace["check"].status == "pass"
    assert set(namespace["gap"].table.columns) == {"realistic", "ideal", "gap"}
    assert (tmp_path / "out" / "py-walkthrough" / "trades.csv").exists()


@pytest.mark.parametrize("doc", ["python.md", "strategies/target_weights.md"])
def test_linked_files_exist(doc):
    with open(os.path.join(ROOT, "docs", doc), encoding="utf-8") as f:
        text = f.read()
    for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", text):
        if not target.startswith("http"):
            assert os.path.exists(os.path.join(ROOT, "docs", os.path.dirname(doc), target)), target
