"""What an exercise forbids the reader's code to use, checked on its syntax tree.

An exercise can forbid names and modules, each with the reason, e.g. `sorted` in a heap
exercise ("sorting all n pairs costs n log n and keeps all of them in memory"). The rule
is a teaching aid, not a sandbox: it finds the ways a reader reaches for a tool by
accident, not every way a determined one could hide it. A rule is one of

    {"name": "sorted", "why": "..."}          # a builtin or any other name
    {"name": "heapq.nlargest", "why": "..."}  # a function of a module (aliases followed)
    {"name": "list.sort", "why": "..."}       # a method of a builtin type: any `.sort`
    {"module": "statistics", "why": "..."}    # a module and its submodules

and is broken by using the name (`sorted(x)`, `f = sorted`, `builtins.sorted`,
`getattr(x, "sorted")`), importing it (`from heapq import nlargest`), or importing the
module (`import statistics`, `from statistics import median`, `__import__("statistics")`,
`importlib.import_module("statistics")`). Standard library only.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from typing import Any

from .errors import EngineError
from .tracebacks import USER_FILE

BUILTIN_TYPES = frozenset({"list", "dict", "set", "frozenset", "str", "tuple", "bytes", "int"})
MAX_RULES = 20
MAX_WHY = 400

__all__ = ["Rule", "require_rules", "violations"]


@dataclass(frozen=True)
class Rule:
    """One forbidden name or module and why it is forbidden."""

    target: str  # "sorted", "heapq.nlargest", "list.sort" or a module name
    module: bool
    why: str

    @property
    def label(self) -> str:
        return f"the module `{self.target}`" if self.module else f"`{self.target}`"


def shown(value: Any) -> str:
    """A value in a message, cut short (validate.shown, without importing fsrs)."""
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _dotted_ok(text: Any) -> bool:
    return isinstance(text, str) and bool(text) and all(p.isidentifier() for p in text.split("."))


def rule_problem(rule: Any, where: str) -> str | None:
    """None for a valid rule, else what is wrong with it."""
    if not isinstance(rule, dict):
        return f"{where} must be an object with 'name' or 'module', and 'why'"
    keys = set(rule)
    if keys not in ({"name", "why"}, {"module", "why"}):
        got = shown(sorted(keys, key=str))
        return f"{where} must have 'why' and exactly one of 'name' and 'module', got {got}"
    target = rule.get("name", rule.get("module"))
    if not isinstance(target, str) or not _dotted_ok(target):
        return f"{where} names {shown(target)}, which is not a Python name or dotted path"
    if "name" in rule and target.count(".") > 1:
        return f"{where}.name may hold at most one dot (module.function or type.method)"
    why = rule["why"]
    if not isinstance(why, str) or not why.strip() or len(why) > MAX_WHY:
        return f"{where}.why must be a sentence of 1 to {MAX_WHY} characters"
    return None


def require_rules(rules: Any) -> list[Rule]:
    """The rules of an exercise (a list, possibly empty), or an EngineError naming the
    first bad one."""
    if rules is None:
        return []
    if not isinstance(rules, list) or len(rules) > MAX_RULES:
        raise EngineError(f"forbid must be a list of at most {MAX_RULES} rules")
    out = []
    for n, rule in enumerate(rules):
        problem = rule_problem(rule, f"forbid[{n}]")
        if problem:
            raise EngineError(problem)
        module = "module" in rule
        out.append(Rule(rule["module"] if module else rule["name"], module, rule["why"].strip()))
    return out


def _dotted(node: ast.AST) -> str | None:
    """`a.b.c` for a chain of attributes on a name, else None."""
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if not isinstance(node, ast.Name):
        return None
    return ".".join([node.id, *reversed(parts)])


def _in_module(name: str, module: str) -> bool:
    return name == module or name.startswith(module + ".")


class _Finder(ast.NodeVisitor):
    """Walks the tree once, noting (line, rule) for every use of a forbidden thing."""

    def __init__(self, rules: list[Rule]) -> None:
        self.rules = rules
        self.aliases: dict[str, str] = {}  # local name -> the module it stands for
        self.found: list[tuple[int, Rule]] = []

    def hit(self, node: ast.AST, rule: Rule) -> None:
        self.found.append((getattr(node, "lineno", 0), rule))

    def module_imported(self, node: ast.AST, module: str) -> None:
        for rule in self.rules:
            if rule.module and _in_module(module, rule.target):
                self.hit(node, rule)

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self.module_imported(node, alias.name)
            local = alias.asname or alias.name.split(".")[0]
            self.aliases[local] = alias.name if alias.asname else local
        self.generic_visit(node)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        module = node.module or ""
        self.module_imported(node, module)
        for alias in node.names:
            self.module_imported(node, f"{module}.{alias.name}")
            self.aliases[alias.asname or alias.name] = f"{module}.{alias.name}"
            for rule in self.rules:
                if not rule.module and rule.target in (alias.name, f"{module}.{alias.name}"):
                    self.hit(node, rule)
        self.generic_visit(node)

    def visit_Name(self, node: ast.Name) -> None:
        for rule in self.rules:
            if not rule.module and "." not in rule.target and node.id == rule.target:
                self.hit(node, rule)

    def visit_Attribute(self, node: ast.Attribute) -> None:
        dotted = _dotted(node)
        if dotted is not None:
            head, _, rest = dotted.partition(".")
            dotted = ".".join(filter(None, [self.aliases.get(head, head), rest]))
        for rule in self.rules:
            owner, _, member = rule.target.rpartition(".")
            if rule.module:
                continue
            bare = not owner and node.attr == rule.target  # builtins.sorted
            method = owner in BUILTIN_TYPES and node.attr == member  # any `.sort`
            if bare or method or (owner and dotted == rule.target):
                self.hit(node, rule)
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        """`__import__("m")`, `importlib.import_module("m")`, `getattr(x, "name")`."""
        callee = _dotted(node.func) or ""
        first = node.args[1:2] if callee == "getattr" else node.args[:1]
        text = first[0].value if first and isinstance(first[0], ast.Constant) else None
        if isinstance(text, str):
            if callee in ("__import__", "importlib.import_module", "import_module"):
                self.module_imported(node, text)
            if callee == "getattr":
                for rule in self.rules:
                    if not rule.module and text == rule.target.rpartition(".")[2]:
                        self.hit(node, rule)
        self.generic_visit(node)


def violations(code: str, rules: list[Rule]) -> list[dict[str, Any]]:
    """Each use of a forbidden name or module, once per line and rule, in line order:
    {"line", "target", "why", "message"}. Code that does not parse has none here (the
    check reports the syntax error itself)."""
    if not rules:
        return []
    try:
        tree = ast.parse(code, USER_FILE)
    except (SyntaxError, ValueError):
        return []
    finder = _Finder(rules)
    finder.visit(tree)
    seen: set[tuple[int, str]] = set()
    out = []
    for line, rule in sorted(finder.found, key=lambda f: f[0]):
        if (line, rule.target) in seen:
            continue
        seen.add((line, rule.target))
        message = f"Line {line}: {rule.label} is not allowed in this exercise: {rule.why}"
        out.append({"line": line, "target": rule.target, "why": rule.why, "message": message})
    return out
