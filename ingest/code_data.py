"""Data written as code: the object and array literals of a JavaScript or TypeScript module.

Sites built with Eleventy, Astro, Next.js or Gatsby keep their schedule and speakers in code (``_data/schedule.js``:
``module.exports = [{day: 'Thursday', slots: [...]}]``, ``export const speakers: Speaker[] = [...]``), written as
people write code: comments, single quotes, unquoted keys, trailing commas, a constant for a room, a helper for the
breaks. The module is parsed with tree-sitter (its TypeScript grammar, which reads JavaScript and JSX too) and
never run: its literals become data — strings, numbers, booleans, null, objects, arrays, a constant's name read as
its value, an enum member (``SponsorType.Gold``) as its name, a template string with its constants filled in —
and whatever else it computes (a call, a function) is ``None``. Its top-level names are the data's keys
(``exports`` for ``module.exports``, ``default`` for ``export default``).

>>> literal_data('const MAIN = "Main Hall";\\n'
...              "module.exports = [{day: 'Thu', slots: [{time: '09:00', speakers: ['ann-lee',], room: MAIN}]}];")
{'MAIN': 'Main Hall', 'exports': [{'day': 'Thu', 'slots': [{'time': '09:00', 'speakers': ['ann-lee'], 'room': 'Main Hall'}]}]}
>>> literal_data("export default function Page() { return <div/> }") is None
True
"""

from __future__ import annotations

import functools
import json
import re

SUFFIXES = ("js", "mjs", "cjs", "jsx", "ts", "mts", "cts", "tsx")
_UNSET = object()


@functools.lru_cache(maxsize=2)
def _parser(tsx: bool):
    import tree_sitter_typescript
    from tree_sitter import Language, Parser

    return Parser(Language(tree_sitter_typescript.language_tsx() if tsx else tree_sitter_typescript.language_typescript()))


def literal_data(text: str, suffix: str = "js") -> dict | None:
    """The module's top-level names and the literal data each holds, or ``None`` when it holds no object or array of data (a page component, a script)."""
    source = text.encode("utf-8")
    tree = _parser(suffix not in ("ts", "mts", "cts")).parse(source)  # ``<T>x`` casts are TypeScript's, not TSX's
    names: dict[str, object] = {}
    for node, name in _bindings(tree.root_node):
        value = _Values(names).of(node)
        if value is not None:
            names[name] = value
    return names if any(isinstance(v, (list, dict)) and v for v in names.values()) else None


def _bindings(root):
    """(value node, name) of each top-level declaration, export and ``module.exports``/``exports.x`` assignment."""
    for statement in root.named_children:
        node = statement
        if node.type == "export_statement":
            value = node.child_by_field_name("value")
            if value is not None:  # export default <expr>
                yield value, "default"
                continue
            node = node.child_by_field_name("declaration") or node
        if node.type in ("lexical_declaration", "variable_declaration"):
            for declarator in node.named_children:
                name, value = declarator.child_by_field_name("name"), declarator.child_by_field_name("value")
                if declarator.type == "variable_declarator" and name is not None and value is not None \
                        and name.type == "identifier":
                    yield value, name.text.decode()
        elif node.type == "expression_statement" and node.named_children:
            expression = node.named_children[0]
            if expression.type == "assignment_expression":
                left, right = expression.child_by_field_name("left"), expression.child_by_field_name("right")
                target = left.text.decode() if left is not None else ""
                if right is not None and (m := re.fullmatch(r"(?:module\.)?exports(?:\.(\w+))?", target)):
                    yield right, m.group(1) or "exports"  # a key without dots: glom specs read dots as steps


class _Values:
    """Literal values of expression nodes, constants read from the names bound before them."""

    def __init__(self, names: dict):
        self.names = names

    def of(self, node):  # noqa: C901 - one case per kind of literal
        kind = node.type
        if kind == "string":
            return _string(node)
        if kind == "template_string":
            parts = []
            for child in node.named_children:
                if child.type == "template_substitution":
                    value = self.of(child.named_children[0]) if child.named_children else None
                    parts.append("" if value is None or isinstance(value, (list, dict)) else str(value))
                else:
                    parts.append(_string_piece(child))
            return "".join(parts)
        if kind == "number":
            return _number(node.text.decode())
        if kind in ("true", "false"):
            return kind == "true"
        if kind in ("null", "undefined"):
            return None
        if kind == "array":
            out = []
            for child in node.named_children:
                if child.type == "spread_element":
                    spread = self.of(child.named_children[0]) if child.named_children else None
                    out += spread if isinstance(spread, list) else []
                elif child.type != "comment" and (value := self.of(child)) is not None:
                    out.append(value)  # a call (``brk('10:30')``) computes its item: none written down
            return out
        if kind == "object":
            return self._object(node)
        if kind == "identifier":
            return self.names.get(node.text.decode())
        if kind == "member_expression":  # SponsorType.Gold: an enum's member, by its name
            found = self.of(node.child_by_field_name("object"))
            prop = node.child_by_field_name("property")
            key = prop.text.decode() if prop is not None else None
            return found.get(key) if isinstance(found, dict) and key in found else key
        if kind in ("parenthesized_expression", "as_expression", "satisfies_expression", "non_null_expression",
                    "type_assertion"):
            inner = [c for c in node.named_children if not c.type.endswith(("type", "_identifier")) or c.type == "identifier"]
            return self.of(inner[0]) if inner else None
        if kind == "new_expression" and (node.child_by_field_name("constructor") or node).text == b"Date":
            arguments = node.child_by_field_name("arguments")
            return self.of(arguments.named_children[0]) if arguments is not None and arguments.named_children else None
        return None  # a call, a function, JSX: computed, not written down

    def _object(self, node) -> dict:
        out: dict = {}
        for child in node.named_children:
            if child.type == "pair":
                key, value = child.child_by_field_name("key"), child.child_by_field_name("value")
                name = _key(key)
                if name is not None and value is not None:
                    out[name] = self.of(value)
            elif child.type == "shorthand_property_identifier":
                out[child.text.decode()] = self.names.get(child.text.decode())
            elif child.type == "spread_element" and child.named_children:
                spread = self.of(child.named_children[0])
                out.update(spread if isinstance(spread, dict) else {})
        return out


def _key(node) -> str | None:
    if node is None:
        return None
    if node.type == "string":
        return _string(node)
    if node.type in ("property_identifier", "number"):
        return node.text.decode()
    return None  # a computed key: [ROOM]


def _string(node) -> str:
    return "".join(_string_piece(c) for c in node.named_children)


def _string_piece(node) -> str:
    raw = node.text.decode()
    if node.type != "escape_sequence":
        return raw
    try:
        return json.loads(f'"{raw}"') if raw[1:2] not in ("'", "`", "$") else raw[1:]
    except ValueError:
        return raw[1:]


def _number(printed: str):
    clean = printed.replace("_", "")
    try:
        return int(clean, 0) if re.fullmatch(r"0[xob][\da-f]+|\d+", clean, re.I) else float(clean)
    except ValueError:
        return None
