"""The package's imports form no cycle, and none hides inside a function to dodge one."""
import ast
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "hackathon"
# The app factory imports its parts when it builds the app (so that Flask-Migrate sees every model),
# and CLI commands import what they run; neither is a module other code imports.
ALLOWED_INNER = {"hackathon", "hackathon.cli"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(path): path for path in PACKAGE.rglob("*.py")}


def imported(module: str, node: ast.AST) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names if alias.name in MODULES]
    if not isinstance(node, ast.ImportFrom):
        return []
    package = module.split(".") if MODULES[module].name == "__init__.py" else module.split(".")[:-1]
    base = ".".join(package[: len(package) - node.level + 1] + ([node.module] if node.module else [])) \
        if node.level else node.module
    names = [f"{base}.{alias.name}" for alias in node.names]
    return [name if name in MODULES else base for name in names if name in MODULES or base in MODULES]


def with_packages(module: str, targets: list[str]) -> set[str]:
    """The targets and the packages around them, whose `__init__` runs first (but not the importer's own
    packages, which are already running)."""
    own = {".".join(module.split(".")[:n]) for n in range(1, module.count(".") + 2)}
    around = {".".join(target.split(".")[:n]) for target in targets for n in range(2, target.count(".") + 1)}
    return set(targets) | {package for package in around if package in MODULES and package not in own}


def graph() -> tuple[dict, list]:
    edges, inner = {}, []
    for module, path in MODULES.items():
        tree = ast.parse(path.read_text())
        top_level = set(map(id, tree.body))
        edges[module] = set()
        for node in ast.walk(tree):
            targets = imported(module, node)
            edges[module].update(with_packages(module, targets))
            if targets and id(node) not in top_level and module not in ALLOWED_INNER:
                inner.append(f"{module}:{node.lineno} imports {targets}")
    return edges, inner


def find_cycle(edges: dict) -> list[str] | None:
    state, stack = {}, []

    def visit(module):
        state[module] = "open"
        stack.append(module)
        for target in sorted(edges.get(module, ())):
            if state.get(target) == "open":
                return stack[stack.index(target):] + [target]
            if target not in state and (cycle := visit(target)):
                return cycle
        state[module] = "done"
        stack.pop()
        return None

    for module in sorted(edges):
        if module not in state and (cycle := visit(module)):
            return cycle
    return None


def test_no_module_imports_itself_through_others():
    edges, _ = graph()
    assert find_cycle(edges) is None


def test_no_import_hides_inside_a_function():
    assert graph()[1] == []


@pytest.mark.parametrize("module", ["hackathon.leaderboard", "hackathon.judging.scoring", "hackathon.judging.scores",
                                    "hackathon.challenges.services", "hackathon.submissions.services",
                                    "hackathon.events.services", "hackathon.realtime.handlers"])
def test_a_module_imports_on_its_own(module):
    result = subprocess.run([sys.executable, "-c", f"import {module}"], capture_output=True, text=True,
                            cwd=PACKAGE.parent)
    assert result.returncode == 0, result.stderr
