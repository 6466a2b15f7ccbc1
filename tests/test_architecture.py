"""The shape of ``parsers/``: stages as layers, imports only downward, no cycles, no imports
hidden in functions, no reader importing another reader.

The layer order is the pipeline's: source -> text -> structure -> entities -> tasks. A module
may import its own package and the layers below it, never a layer above.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import ROOT

# Lowest first. A module belongs to the longest prefix it starts with.
LAYERS = (
    "parsers.models",
    "parsers.lexicon",
    "parsers.text",
    "parsers.sites",
    "parsers.metadata",
    "parsers.citations",
    "parsers.agencies",
    "parsers.ocr_repair",  # repairs OCR text with the agency names and document codes
    "parsers.deadlines",
    "parsers.tasks",
    "parsers",  # the public API (parse_document) runs every stage
)


@dataclass
class ImportGraph:
    """Own-module imports of a package tree: module-level edges, and the imports that hide
    inside functions or under ``if TYPE_CHECKING:``."""

    modules: dict[str, Path]
    edges: dict[str, set[str]] = field(default_factory=dict)
    hidden: list[str] = field(default_factory=list)  # "module:function -> target"

    @classmethod
    def of(cls, root: Path, package: str) -> ImportGraph:
        modules = {_module_name(root, p): p for p in sorted((root / package).rglob("*.py"))}
        graph = cls(modules, {m: set() for m in modules})
        for name, path in modules.items():
            graph._read(name, ast.parse(path.read_text(encoding="utf-8")))
        return graph

    def _read(self, name: str, tree: ast.Module) -> None:
        for node in tree.body:
            if isinstance(node, ast.Import | ast.ImportFrom):
                self.edges[name].update(self.targets(name, node))
            elif isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
                self._hidden(name, "TYPE_CHECKING", node)
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                self._hidden(name, node.name, node)

    def _hidden(self, name: str, where: str, node: ast.AST) -> None:
        for sub in ast.walk(node):
            if isinstance(sub, ast.Import | ast.ImportFrom):
                self.hidden += [f"{name}:{where} -> {t}" for t in self.targets(name, sub)]

    def targets(self, current: str, node: ast.Import | ast.ImportFrom) -> set[str]:
        """The own modules an import statement loads ("from parsers.x import y": x, and y if a module)."""
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        else:
            base = node.module or ""
            if node.level:
                package = current.split(".")
                if self.modules[current].name != "__init__.py":
                    package = package[:-1]
                package = package[: len(package) - node.level + 1]
                base = ".".join([*package, base] if base else package)
            names = [base] + [f"{base}.{a.name}" for a in node.names]
        out = set()
        for n in names:
            while n and n not in self.modules:
                n = n.rpartition(".")[0]
            if n and n != current:
                out.add(n)
        return out

    def cycles(self) -> list[list[str]]:
        """Every cycle found by a depth-first walk (each as the path that closes it)."""
        found, state = [], dict.fromkeys(self.edges, 0)  # 0 new, 1 on the path, 2 done

        def visit(node: str, path: list[str]) -> None:
            state[node] = 1
            for nxt in sorted(self.edges[node]):
                if state[nxt] == 1:
                    found.append(path[path.index(nxt) :] + [node, nxt] if nxt in path else [node, nxt])
                elif state[nxt] == 0:
                    visit(nxt, [*path, node])
            state[node] = 2

        for node in sorted(self.edges):
            if state[node] == 0:
                visit(node, [])
        return found


def _module_name(root: Path, path: Path) -> str:
    parts = list(path.relative_to(root).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def layer(module: str) -> int:
    return next(k for k, prefix in enumerate(LAYERS) if module == prefix or module.startswith(prefix + "."))


def upward_imports(graph: ImportGraph) -> list[str]:
    """Imports of a higher layer, and a package's modules importing their own ``__init__``
    (which imports them: a cycle in waiting)."""
    out = []
    for module, targets in graph.edges.items():
        for target in sorted(targets):
            if layer(target) > layer(module):
                out.append(f"{module} -> {target} (layer {LAYERS[layer(target)]} is above {LAYERS[layer(module)]})")
            elif module.startswith(target + ".") and target != "parsers":
                out.append(f"{module} -> {target} (a module importing its own package)")
    return out


def readers_importing_readers(graph: ImportGraph) -> list[str]:
    """Site readers that import another reader (shared code belongs in a private ``_`` module)."""

    def is_reader(m: str) -> bool:  # a module of parsers/sites/ itself, not a helper nor a subpackage's
        package, _, name = m.rpartition(".")
        return package == "parsers.sites" and not name.startswith("_") and graph.modules[m].name != "__init__.py"

    return [f"{m} -> {t}" for m, ts in graph.edges.items() if is_reader(m) for t in sorted(ts) if is_reader(t)]


@pytest.fixture(scope="module")
def graph() -> ImportGraph:
    return ImportGraph.of(ROOT, "parsers")


def test_every_module_has_a_layer(graph):
    assert all(layer(m) is not None for m in graph.modules)
    assert len(graph.modules) > 40  # the walk found the package


def test_no_import_cycles(graph):
    assert graph.cycles() == []


def test_no_upward_imports(graph):
    assert upward_imports(graph) == []


def test_no_function_level_or_type_checking_imports_of_own_modules(graph):
    assert graph.hidden == []


def test_no_reader_imports_another_reader(graph):
    assert readers_importing_readers(graph) == []


def test_the_checks_catch_what_they_forbid(tmp_path):
    """The checks above fail on a package that breaks each rule."""
    files = {
        "parsers/__init__.py": "",
        "parsers/models.py": "",
        "parsers/lexicon/__init__.py": "from parsers.tasks import x\n",  # upward
        "parsers/text/a.py": "from parsers.text import b\n",  # own package + cycle below
        "parsers/text/b.py": "import parsers.text.a\n",
        "parsers/text/__init__.py": "from parsers.text.a import f\n",
        "parsers/tasks/__init__.py": "def g():\n    from parsers.models import M\n",  # hidden
        "parsers/sites/vbpl.py": "from parsers.sites import generic_html\n",  # reader -> reader
        "parsers/sites/generic_html.py": "from parsers.sites._page import main_content\n",
        "parsers/sites/_page.py": "",
    }
    for name, text in files.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text)
    fake = ImportGraph.of(tmp_path, "parsers")
    assert fake.cycles()
    assert any("parsers.lexicon -> parsers.tasks" in u for u in upward_imports(fake))
    assert any("own package" in u for u in upward_imports(fake))
    assert fake.hidden == ["parsers.tasks:g -> parsers.models"]
    assert readers_importing_readers(fake) == ["parsers.sites.vbpl -> parsers.sites.generic_html"]
