"""The Run and Check back end on CPython: `runner.run_code` and `runner.check_code`, and the
`run_code` / `check_code` ops of the worker API. Whatever the reader's code does, the answer
is a JSON-able report and nothing leaks into the process. The last test runs the runner
inside Pyodide under Node, where the memory cap applies."""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

import pytest

from devtools.pyodide import run_in_pyodide
from macros.publish.wheels import build_engine_wheel
from practice_engine import runner
from practice_engine.api import dispatch
from tests.conftest import ROOT

RUN_KEYS = {"ok", "output", "truncated", "error", "memory_error"}
CHECK_KEYS = {"ok", "verdict", "passed", "total", "results", "error", "output", "truncated"}
TOY_CHECKS = 'FUNCTION = "double"\nCASES = [{"name": "two", "args": [2], "expected": 4}]\n'


def run(code: str) -> dict:
    result = runner.run_code(code)
    assert set(result) == RUN_KEYS
    assert json.loads(json.dumps(result)) == result
    return result


def test_prints_go_to_the_output_in_order() -> None:
    code = "import sys\nprint('one')\nprint('two', file=sys.stderr)\nsys.stdout.write('three')\n"
    assert run(code) == {
        "ok": True,
        "output": "one\ntwo\nthree",
        "truncated": False,
        "error": None,
        "memory_error": False,
    }


def test_output_is_capped_and_says_so() -> None:
    result = run("for i in range(100_000):\n    print('x' * 50)\n")
    assert result["ok"] and result["truncated"]
    assert result["output"].endswith("\n[output truncated]")
    assert len(result["output"]) == runner.MAX_OUTPUT + len(runner.TRUNCATED)


def test_one_huge_write_is_capped_too() -> None:
    result = run("print('y' * 50_000)")
    assert result["truncated"] and result["output"].count("y") == runner.MAX_OUTPUT


def test_an_error_is_a_short_traceback_of_the_readers_lines() -> None:
    code = "def f(x):\n    return 1 / x\n\nprint('before')\nf(0)\n"
    result = run(code)
    assert not result["ok"] and result["output"] == "before\n"
    assert result["error"] == (
        "Traceback (your code only):\n"
        "  line 5, in <module>\n    f(0)\n"
        "  line 2, in f\n    return 1 / x\n"
        "ZeroDivisionError: division by zero"
    )
    assert "runner.py" not in result["error"] and "practice_engine" not in result["error"]


def test_a_syntax_error_names_its_line() -> None:
    result = run("x = 1\nif x\n    pass\n")
    assert not result["ok"] and result["error"].startswith("SyntaxError on line 2")


@pytest.mark.parametrize("code", ["x = 1\0\n", "def f(:", "\tif True:\n  pass\n"])
def test_code_that_cannot_compile_is_reported(code: str) -> None:
    result = run(code)
    assert not result["ok"] and result["error"]


def test_sys_exit() -> None:
    assert run("import sys\nprint('bye')\nsys.exit()\n")["ok"]
    assert run("import sys\nsys.exit(0)\n")["ok"]
    failed = run("import sys\nsys.exit(3)\n")
    assert not failed["ok"] and failed["error"] == "Your code called sys.exit(3)."


def test_keyboard_interrupt_and_recursion_are_reported() -> None:
    assert "KeyboardInterrupt" in run("raise KeyboardInterrupt")["error"]
    deep = run("def f():\n    return f()\nf()\n")
    assert "RecursionError" in deep["error"] and "repeated" in deep["error"]


def test_memory_error_is_flagged() -> None:
    result = run("raise MemoryError")
    assert not result["ok"] and result["memory_error"]
    assert result["error"].endswith("MemoryError")


def test_input_fails_at_once_instead_of_waiting() -> None:
    result = run("name = input('name? ')\n")
    assert "EOFError" in result["error"] and result["output"] == "name? "


def test_nothing_leaks_into_the_process() -> None:
    state, limit = random.getstate(), sys.getrecursionlimit()
    streams = sys.stdout, sys.stderr, sys.stdin
    run("import random, sys\nrandom.seed(4)\nsys.setrecursionlimit(60)\nprint(1)\n1/0\n")
    assert random.getstate() == state and sys.getrecursionlimit() == limit
    assert (sys.stdout, sys.stderr, sys.stdin) == streams
    # each run has a fresh namespace
    run("LEFT_OVER = 1\n")
    assert "NameError" in run("print(LEFT_OVER)\n")["error"]
    assert "NameError" in run("print(run_code)\n")["error"]


def test_the_reader_cannot_break_the_runner() -> None:
    hostile = "import sys\nsys.stdout = None\nsys.stderr = 3\nprint('gone')\n1 / 0\n"
    result = run(hostile)
    assert not result["ok"] and "ZeroDivisionError" in result["error"]
    assert sys.stdout is not None and run("print('still here')")["output"] == "still here\n"
    assert not run(None)["ok"]  # type: ignore[arg-type]


def test_check_code_adds_what_the_function_printed() -> None:
    code = "def double(x):\n    print('called with', x)\n    return 2 * x\n"
    report = runner.check_code(code, TOY_CHECKS)
    assert set(report) == CHECK_KEYS
    assert report["ok"] and report["passed"] == report["total"] == 1
    assert report["output"] == "called with 2\n" and not report["truncated"]


def test_check_code_reports_failures_and_caps_output() -> None:
    code = "def double(x):\n    for i in range(10_000):\n        print(i)\n    return x\n"
    report = runner.check_code(code, TOY_CHECKS)
    assert not report["ok"] and report["truncated"]
    assert report["results"][0]["message"] == "double(x=2) -> expected 4, got 2"


def test_the_ops_answer_in_json() -> None:
    answer = json.loads(dispatch("run_code", json.dumps({"code": "print(6 * 7)"})))
    assert answer == {
        "ok": True,
        "result": {
            "ok": True,
            "output": "42\n",
            "truncated": False,
            "error": None,
            "memory_error": False,
        },
    }
    args = {"code": "def double(x): return x", "checks": TOY_CHECKS}
    checked = json.loads(dispatch("check_code", json.dumps(args)))
    assert checked["ok"] and checked["result"]["passed"] == 0
    assert not json.loads(dispatch("run_code", json.dumps({"source": "x"})))["ok"]


def test_html_in_the_output_stays_text() -> None:
    # The page inserts output with textContent; the runner must not touch it either.
    html = "<img src=x onerror=alert(1)>"
    assert run(f"print('{html}')")["output"] == html + "\n"


PYODIDE_SCRIPT = """
import json
import js
from practice_engine.runner import MEMORY_HEADROOM, run_code

grow = js.WebAssembly.Memory.prototype.grow
bomb = run_code("x = []\\nwhile True: x.append(bytearray(10**8))")
after = run_code("x = [bytearray(10**6) for _ in range(50)]\\nprint(len(x))")
OUTPUT = json.dumps({
    "bomb": [bomb["memory_error"], bomb["error"].splitlines()[-1]],
    "after": after["output"],
    "grow_restored": js.WebAssembly.Memory.prototype.grow == grow,
    "heap_mb": js.Number(__import__("pyodide_js")._module.HEAP8.length) // 2**20,
    "headroom_mb": MEMORY_HEADROOM // 2**20,
})
"""


@pytest.mark.node
def test_in_pyodide_a_memory_bomb_meets_the_cap_and_python_goes_on(tmp_path: Path) -> None:
    script = tmp_path / "memory.py"
    script.write_text(PYODIDE_SCRIPT, encoding="utf-8")
    empty = tmp_path / "input.json"
    empty.write_text("{}", encoding="utf-8")
    found = json.loads(run_in_pyodide(script, empty, [build_engine_wheel(ROOT)]))
    assert found["bomb"] == [True, "MemoryError"]
    assert found["after"] == "50\n" and found["grow_restored"]
    assert found["heap_mb"] < found["headroom_mb"] + 256  # never near the 4 GB of wasm32
