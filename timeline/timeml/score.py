"""TempEval-3 Task A scoring: relaxed and strict span match, value and type accuracy,
micro-averaged over documents, with every error listed.

Pure: it reads TimeML and compares; importing it does not load the tagger.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from timeline.errors import InputError
from timeline.model import Timex
from timeline.timeml.read import TimeMLDocument, iter_timeml, read_timeml

_CONTEXT = 40  # characters of context on each side of an error


@dataclass(slots=True)
class _Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed: int = 0
    value: int = 0
    type: int = 0

    def add(self, other: _Counts) -> None:
        for name in self.__slots__:
            setattr(self, name, getattr(self, name) + getattr(other, name))


def evaluate(gold_dir: str | Path, system_dir: str | Path) -> dict:
    """Score the system's TimeML against the gold TimeML, TempEval-3 Task A.

    Files are paired by their path relative to each directory. A gold file without a system
    file counts all its timexes as missed (and adds a warning). Returns ``documents``,
    ``gold``, ``system``, ``strict``/``relaxed`` (match, precision, recall, f1),
    ``value``/``type`` (correct, accuracy, f1), ``per_document``, ``errors``, ``warnings``.
    """
    system_root = Path(system_dir)
    if not system_root.is_dir():
        raise InputError(str(system_root), "not a directory")
    pairs: list[tuple[TimeMLDocument, TimeMLDocument | None]] = []
    warnings: list[str] = []
    for rel, path in iter_timeml(gold_dir):
        gold = read_timeml(path)
        gold.name = rel
        sys_path = system_root / rel
        if not sys_path.is_file():
            warnings.append(f"{rel}: no system file; its timexes count as missed")
            pairs.append((gold, None))
            continue
        pairs.append((gold, read_timeml(sys_path)))
    if not pairs:
        raise InputError(str(gold_dir), "no .tml files found")
    result = score_documents(pairs)
    result["warnings"] = warnings + result["warnings"]
    return result


def score_documents(pairs: Iterable[tuple[TimeMLDocument, TimeMLDocument | None]]) -> dict:
    """Micro-averaged Task A scores of ``(gold, system)`` document pairs (system may be None)."""
    total = _Counts()
    per_document, errors, warnings = [], [], []
    for gold, system in pairs:
        if system is not None and system.text != gold.text:
            warnings.append(f"{gold.name}: system text differs from gold; offsets may not agree")
        counts, doc_errors = score_document(gold, system.timexes if system else [])
        total.add(counts)
        errors.extend(doc_errors)
        per_document.append({"document": gold.name, **_scores(counts)})
    return {
        "documents": len(per_document),
        **_scores(total),
        "per_document": per_document,
        "errors": errors,
        "warnings": warnings,
    }


def score_document(gold: TimeMLDocument, system: list[Timex]) -> tuple[_Counts, list[dict]]:
    """Counts for one document and its errors (missed, spurious, value, type, boundary)."""
    matches = _match(gold.timexes, system)
    counts = _Counts(gold=len(gold.timexes), system=len(system), relaxed=len(matches))
    errors = []
    for g, s in matches:
        counts.strict += (g.start, g.end) == (s.start, s.end)
        counts.value += g.value == s.value
        counts.type += g.type == s.type
        for kind, wrong in (
            ("wrong_value", g.value != s.value),
            ("wrong_type", g.type != s.type),
            ("boundary", (g.start, g.end) != (s.start, s.end)),
        ):
            if wrong:
                errors.append(_error(kind, gold, g, s))
    matched_gold = {id(g) for g, _ in matches}
    matched_sys = {id(s) for _, s in matches}
    errors += [_error("missed", gold, g, None) for g in gold.timexes if id(g) not in matched_gold]
    errors += [_error("spurious", gold, None, s) for s in system if id(s) not in matched_sys]
    errors.sort(key=lambda e: e["start"])
    return counts, errors


def _match(gold: list[Timex], system: list[Timex]) -> list[tuple[Timex, Timex]]:
    """One-to-one pairs of overlapping spans: identical spans first, then largest overlap."""
    candidates = []
    for g in gold:
        for s in system:
            overlap = min(g.end, s.end) - max(g.start, s.start)
            if overlap > 0:
                exact = (g.start, g.end) == (s.start, s.end)
                candidates.append((not exact, -overlap, g.start, s.start, g, s))
    candidates.sort(key=lambda c: c[:4])
    used_gold, used_sys, pairs = set(), set(), []
    for *_, g, s in candidates:
        if id(g) not in used_gold and id(s) not in used_sys:
            used_gold.add(id(g))
            used_sys.add(id(s))
            pairs.append((g, s))
    return sorted(pairs, key=lambda p: p[0].start)


def _error(kind: str, doc: TimeMLDocument, g: Timex | None, s: Timex | None) -> dict:
    where = g or s
    assert where is not None
    return {
        "document": doc.name,
        "error": kind,
        "start": where.start,
        "end": where.end,
        "gold_text": g.text if g else "",
        "gold_type": g.type if g else "",
        "gold_value": g.value if g else "",
        "system_text": s.text if s else "",
        "system_type": s.type if s else "",
        "system_value": s.value if s else "",
        "dct": doc.dct or "",
        "context": _context(doc.text, where.start, where.end),
    }


def _context(text: str, start: int, end: int) -> str:
    before = text[max(0, start - _CONTEXT) : start]
    after = text[end : end + _CONTEXT]
    return " ".join(f"{before}[{text[start:end]}]{after}".split())


def _scores(c: _Counts) -> dict:
    relaxed_f1 = _f1(c.relaxed, c.gold, c.system)
    value_acc = c.value / c.relaxed if c.relaxed else 0.0
    type_acc = c.type / c.relaxed if c.relaxed else 0.0
    return {
        "gold": c.gold,
        "system": c.system,
        "strict": _prf(c.strict, c.gold, c.system),
        "relaxed": _prf(c.relaxed, c.gold, c.system),
        "value": {"correct": c.value, "accuracy": value_acc, "f1": value_acc * relaxed_f1},
        "type": {"correct": c.type, "accuracy": type_acc, "f1": type_acc * relaxed_f1},
    }


def _prf(match: int, gold: int, system: int) -> dict:
    precision = match / system if system else 0.0
    recall = match / gold if gold else 0.0
    return {
        "match": match,
        "precision": precision,
        "recall": recall,
        "f1": _f1(match, gold, system),
    }


def _f1(match: int, gold: int, system: int) -> float:
    return 2 * match / (gold + system) if gold + system else 0.0
