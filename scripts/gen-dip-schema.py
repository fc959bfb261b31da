#!/usr/bin/env python3
"""Generate the compact DIP schema bundle the Swift validator reads.

Usage (from the repository root):
  scripts/gen-dip-schema.py [SPEC_DIR]

SPEC_DIR is Elexon's DIP API specification (OpenAPI 3.0, unresolved YAML files that refer to
each other by raw.githubusercontent.com URLs); it defaults to ../shared/reference/dip-api beside
the repository. Writes Sources/MHHSMessages/Schema/DIPSchemaBundle+Generated.swift and its parts
(DIPSchemaBundle+GeneratedPart<n>.swift, at most 550 lines each).

The validators are chosen exactly as ../shared/tools/dip-validate chooses them:
- paths./validate/IF-xxx/{Event} in SubmitEvents-unresolved.yaml: the request body's `items`;
- otherwise the interface's payload schema (Interfaces-EventCodes: IF-nnn-Payload, REP-nnn-Payload),
  wrapped as {"type": "object", "required": ["payload"], "properties": {"payload": ...}};
- the content of an ECS report (ECS-Reports: REP-nnn-CustomBlock), carried compressed in P03.

Every `$ref` target becomes one named definition, shared by everything that refers to it. Only
the keywords that change validity under openapi-schema-validator's OAS30Validator are kept; the
rest (description, example, misplaced property names...) are dropped, and listed on stderr.
Needs Python 3 with PyYAML.
"""
import json
import os
import sys
import urllib.parse

import yaml

REMOTE = "https://raw.githubusercontent.com/elexon-data/dip-api-documentation/main/"
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUTPUT_DIR = os.path.join(ROOT, "Sources", "MHHSMessages", "Schema")
OUTPUT_NAME = "DIPSchemaBundle+Generated.swift"

# Keywords OAS30Validator enforces (format is kept for the record; dip-validate passes no
# format checker, so it is not enforced).
SCHEMA_VALUED = {"items", "not", "additionalProperties"}
SCHEMA_LISTS = {"oneOf", "anyOf", "allOf"}
SCALARS = {
    "type", "nullable", "required", "enum", "pattern", "format", "minLength", "maxLength",
    "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "multipleOf", "minItems",
    "maxItems", "uniqueItems", "minProperties", "maxProperties",
}
# Keywords that would change how the kept ones behave; the Swift validator does not model them.
UNSUPPORTED = {"discriminator", "readOnly", "writeOnly", "patternProperties"}


class Bundler:
    def __init__(self, spec_dir):
        self.documents = {}
        for root, _, files in os.walk(spec_dir):
            for name in sorted(files):
                if name.endswith(".yaml"):
                    path = os.path.join(root, name)
                    with open(path) as f:
                        self.documents[os.path.relpath(path, spec_dir)] = yaml.safe_load(f)
        self.targets = {}  # (file, pointer) -> converted schema
        self.pending = []
        self.dropped = {}  # keyword -> count

    def resolve(self, ref, base):
        """The (file, JSON pointer) a `$ref` names, relative to the file it appears in."""
        url = urllib.parse.urljoin(REMOTE + base, ref)
        if not url.startswith(REMOTE):
            sys.exit(f"gen-dip-schema: $ref outside the specification: {ref}")
        location, _, pointer = url[len(REMOTE):].partition("#")
        return location, urllib.parse.unquote(pointer)

    def lookup(self, target):
        node = self.documents[target[0]]
        for part in target[1].split("/")[1:]:
            node = node[part.replace("~1", "/").replace("~0", "~")]
        return node

    def ref(self, target):
        if target not in self.targets:
            self.targets[target] = None
            self.pending.append(target)
        return {"$ref": target}

    def convert(self, schema, base):
        if not isinstance(schema, dict):
            sys.exit(f"gen-dip-schema: a schema that is not an object in {base}: {schema!r}")
        out = {}
        for key, value in schema.items():
            if key == "$ref":
                out["$ref"] = self.ref(self.resolve(value, base))["$ref"]
            elif key in UNSUPPORTED:
                sys.exit(f"gen-dip-schema: {key} in {base} is not supported by the Swift validator")
            elif key == "properties":
                out[key] = {name: self.convert(sub, base) for name, sub in (value or {}).items()}
            elif key in SCHEMA_LISTS:
                out[key] = [self.convert(sub, base) for sub in value]
            elif key == "additionalProperties":
                if value is False:
                    out[key] = False
                elif isinstance(value, dict):
                    out[key] = self.convert(value, base)
            elif key in SCHEMA_VALUED:
                out[key] = self.convert(value, base)
            elif key in SCALARS:
                out[key] = value
            else:
                self.dropped[key] = self.dropped.get(key, 0) + 1
        # Keywords that only matter when true, or only beside another keyword.
        if out.get("nullable") is not True:
            out.pop("nullable", None)
        for flag, partner in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
            if not out.get(flag) or partner not in out:
                out.pop(flag, None)
            else:
                out[flag] = True
        if not out.get("uniqueItems"):
            out.pop("uniqueItems", None)
        if not out.get("required"):
            out.pop("required", None)
        self.check(out, base)
        return out

    @staticmethod
    def check(node, base):
        for key in ("minLength", "maxLength", "minItems", "maxItems", "minProperties", "maxProperties"):
            if key in node and (not isinstance(node[key], int) or isinstance(node[key], bool)):
                sys.exit(f"gen-dip-schema: {key} is not an integer in {base}")
        for key in ("minimum", "maximum", "multipleOf"):
            if key in node and (not isinstance(node[key], (int, float)) or isinstance(node[key], bool)):
                sys.exit(f"gen-dip-schema: {key} is not a number in {base}")
        if "type" in node and node["type"] not in ("string", "integer", "number", "boolean", "array", "object"):
            sys.exit(f"gen-dip-schema: unsupported type {node['type']!r} in {base}")

    def drain(self):
        while self.pending:
            target = self.pending.pop()
            self.targets[target] = self.convert(self.lookup(target), target[0])

    def names(self):
        """Short, stable names: the component's own name, prefixed by its file when it clashes."""
        by_leaf = {}
        for target in self.targets:
            by_leaf.setdefault(target[1].rsplit("/", 1)[-1], []).append(target)
        names = {}
        for leaf, targets in by_leaf.items():
            for target in targets:
                prefix = target[0].replace("-unresolved.yaml", "").replace("/", ".")
                names[target] = leaf if len(targets) == 1 else f"{prefix}:{leaf}"
        return names


def rename(node, names):
    if isinstance(node, dict):
        return {k: (names.get(v, v) if k == "$ref" else rename(v, names)) for k, v in node.items()}
    if isinstance(node, list):
        return [rename(v, names) for v in node]
    return node


def share(definitions):
    """Collapse pure aliases ({"$ref": X} only) and merge identical definitions, until stable.

    Both keep validity unchanged: an alias validates exactly as its target, and two identical
    definitions are interchangeable. Returns the remaining definitions and old name -> kept name.
    """
    canonical = {name: name for name in definitions}
    while True:
        changed = {}
        for name, node in definitions.items():
            if list(node) == ["$ref"] and node["$ref"] != name:
                changed[name] = node["$ref"]
        by_text = {}
        for name in sorted(definitions):
            if name in changed:
                continue
            text = json.dumps(definitions[name], sort_keys=True)
            if text in by_text:
                changed[name] = by_text[text]
            else:
                by_text[text] = name
        if not changed:
            return definitions, canonical
        for name, target in list(changed.items()):
            while target in changed and changed[target] != name:
                target = changed[target]
            changed[name] = target
        definitions = {n: rename(d, changed) for n, d in definitions.items() if n not in changed}
        canonical = {old: changed.get(new, new) for old, new in canonical.items()}


def event_codes(bundler, schema, base, depth=0):
    """The event codes a payload schema admits: S0.eventCode's enum in each oneOf branch."""
    if depth > 8 or not isinstance(schema, dict):
        return set()
    if "$ref" in schema:
        target = bundler.resolve(schema["$ref"], base)
        return event_codes(bundler, bundler.lookup(target), target[0], depth + 1)
    found = set()
    for branch in schema.get("oneOf", []) + schema.get("anyOf", []):
        found |= event_codes(bundler, branch, base, depth + 1)
    try:
        s0 = schema["properties"]["CommonBlock"]["properties"]["S0"]
        if "$ref" in s0:
            target = bundler.resolve(s0["$ref"], base)
            s0, base = bundler.lookup(target), target[0]
        found |= {code.strip("[]") for code in s0["properties"]["eventCode"]["enum"] if isinstance(code, str)}
    except (KeyError, TypeError):
        pass
    return found


def build(spec_dir):
    bundler = Bundler(spec_dir)
    submit = bundler.documents.get("SubmitEvents-unresolved.yaml", {})
    interfaces = {}
    for path, item in submit.get("paths", {}).items():
        parts = path.split("/")
        if not path.startswith("/validate/") or len(parts) < 4:
            continue
        try:
            schema = item["post"]["requestBody"]["content"]["application/json"]["schema"]
        except KeyError:
            continue
        entry = interfaces.setdefault(parts[2], {"events": {}})
        entry["events"][parts[3]] = bundler.convert(schema["items"], "SubmitEvents-unresolved.yaml")
    catalogue = bundler.documents.get("Interfaces-EventCodes-unresolved.yaml", {})
    for name in catalogue.get("components", {}).get("schemas", {}):
        if name.endswith("-Payload"):
            pointer = "/components/schemas/" + name
            entry = interfaces.setdefault(name[: -len("-Payload")], {"events": {}})
            entry["payload"] = {
                "type": "object",
                "required": ["payload"],
                "properties": {"payload": bundler.ref(("Interfaces-EventCodes-unresolved.yaml", pointer))},
            }
            codes = event_codes(bundler, {"$ref": "#" + pointer}, "Interfaces-EventCodes-unresolved.yaml")
            entry["payloadEvents"] = sorted(codes)
    reports = {}
    ecs = bundler.documents.get("ECS-Reports-unresolved.yaml", {})
    for name in ecs.get("components", {}).get("schemas", {}):
        if name.endswith("-CustomBlock"):
            reports[name[: -len("-CustomBlock")]] = bundler.ref(
                ("ECS-Reports-unresolved.yaml", "/components/schemas/" + name))
    bundler.drain()
    names = bundler.names()
    definitions = {names[t]: rename(node, names) for t, node in bundler.targets.items()}
    definitions, canonical = share(definitions)
    interfaces, reports = rename(interfaces, names), rename(reports, names)
    bundle = {
        "definitions": definitions,
        "interfaces": rename(interfaces, canonical),
        "reports": rename(reports, canonical),
    }
    return bundle, bundler.dropped


LINES_PER_PART = 550  # STYLE.md: no source file past 600 lines, generated ones included


def swift_sources(bundle, version, spec_dir):
    """File name -> Swift source: the version and the JSON's assembly, then the JSON in parts."""
    text = json.dumps(bundle, sort_keys=True, separators=(",", ":"), ensure_ascii=True)
    hashes = "#"
    while ('"' + hashes) in text or ("\\" + hashes) in text:
        hashes += "#"
    width = 120
    chunks = [text[i: i + width] for i in range(0, len(text), width)]
    parts = [chunks[i: i + LINES_PER_PART] for i in range(0, len(chunks), LINES_PER_PART)]
    shown = os.path.relpath(spec_dir, ROOT)
    header = (
        "// GENERATED FILE: do not edit. Regenerate from the repository root with\n"
        f"//   scripts/gen-dip-schema.py {shown}\n"
        f"// Source: Elexon DIP API specification, VERSION {version}\n"
        "\n"
    )
    names = [f"part{n + 1}" for n in range(len(parts))]
    sources = {
        OUTPUT_NAME: header
        + "extension DIPSchemaBundle {\n"
        "    /// The specification's VERSION file (commit and date) the bundle was generated from.\n"
        f"    static let specificationVersion = \"{version}\"\n"
        "\n"
        "    /// Minified JSON: `definitions` (one per `$ref` target), `interfaces` (per-event validators,\n"
        "    /// payload fallback, payload event codes) and `reports` (ECS report content formats), held\n"
        f"    /// in {len(parts)} parts to keep every file short.\n"
        f"    static let json = [{', '.join(names)}].joined()\n"
        "}\n"
    }
    for number, (name, lines) in enumerate(zip(names, parts), start=1):
        body = ("\\" + hashes + "\n").join("        " + line for line in lines)
        sources[OUTPUT_NAME.replace(".swift", f"Part{number}.swift")] = (
            header
            + "extension DIPSchemaBundle {\n"
            f"    static let {name} = {hashes}\"\"\"\n"
            f"{body}\n"
            f"        \"\"\"{hashes}\n"
            "}\n"
        )
    return sources


def main(argv):
    spec_dir = argv[1] if len(argv) > 1 else os.path.join(ROOT, "..", "shared", "reference", "dip-api")
    spec_dir = os.path.normpath(spec_dir)
    if not os.path.isdir(spec_dir):
        print(f"gen-dip-schema: no specification folder at {spec_dir}", file=sys.stderr)
        return 2
    with open(os.path.join(spec_dir, "VERSION")) as f:
        version = f.read().strip().replace("\\", "").replace('"', "")
    bundle, dropped = build(spec_dir)
    sources = swift_sources(bundle, version, spec_dir)
    os.makedirs(OUTPUT_DIR, exist_ok=True)
    for name in os.listdir(OUTPUT_DIR):  # parts of an earlier, longer bundle
        if name.startswith("DIPSchemaBundle+Generated"):
            os.remove(os.path.join(OUTPUT_DIR, name))
    for name, source in sources.items():
        with open(os.path.join(OUTPUT_DIR, name), "w") as f:
            f.write(source)
    interfaces = bundle["interfaces"]
    size = sum(len(source) for source in sources.values())
    print(f"wrote {len(sources)} files {OUTPUT_NAME} (+Part n): {size} bytes, {len(bundle['definitions'])} definitions, "
          f"{len(interfaces)} interfaces, {sum(len(i['events']) for i in interfaces.values())} event validators, "
          f"{len(bundle['reports'])} report formats")
    print("dropped (not enforced by OAS30Validator): " + ", ".join(f"{k} x{n}" for k, n in sorted(dropped.items())),
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
