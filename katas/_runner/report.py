"""Results for a teacher: exercism's ``results.json`` (version 3) and JUnit XML.

Both are written from the same :class:`~katas._runner.results.KataResult` list that ``katas check``
shows. In results.json every kata is a task (``task_id`` = its place in the curriculum, from 1)
and every test a test of it; tests skipped for an absent device are left out, since the format
has no "skipped". An untouched function counts as a failing test.
"""

from __future__ import annotations

import ast
import functools
import json
import xml.etree.ElementTree as ET
from pathlib import Path

from katas._runner.results import KataResult, TestResult
from katas._support import curriculum

_EXERCISM_STATUS = {"passed": "pass", "failed": "fail", "todo": "fail", "error": "error"}


@functools.cache
def _test_sources(path: Path) -> dict[str, str]:
    source = path.read_text()
    return {node.name: ast.get_source_segment(source, node) or "" for node in ast.parse(source).body
            if isinstance(node, ast.FunctionDef)}


def _test_code(kata: curriculum.Kata, test: TestResult) -> str:
    return _test_sources(kata.tests).get(test.name.split("[")[0], "")


def exercism(outcomes: list[KataResult]) -> dict:
    katas = curriculum.by_id()
    task_ids = {kata.id: index for index, kata in enumerate(curriculum.load(), start=1)}
    tests = []
    broken = []
    for result in outcomes:
        kata = katas[result.kata]
        if result.status in ("broken", "crash", "timeout"):
            broken.append(f"{result.kata}: {result.status}: {result.message}")
        for test in result.tests:
            if test.outcome == "skipped":
                continue
            tests.append({
                "name": f"{result.kata}: {test.name}",
                "status": _EXERCISM_STATUS[test.outcome],
                "message": test.message or None,
                "output": None,
                "test_code": _test_code(kata, test),
                "task_id": task_ids[result.kata],
            })
    if broken and not tests:
        status = "error"
    elif broken or any(t["status"] != "pass" for t in tests):
        status = "fail"
    else:
        status = "pass"
    return {"version": 3, "status": status, "message": "\n".join(broken) or None, "tests": tests}


def junit(outcomes: list[KataResult]) -> ET.ElementTree:
    root = ET.Element("testsuites", name="tensor katas")
    totals = dict.fromkeys(("tests", "failures", "errors", "skipped"), 0)
    for result in outcomes:
        kata = curriculum.by_id()[result.kata]
        suite = ET.SubElement(root, "testsuite", name=result.kata, time=f"{result.seconds:.3f}")
        counts = dict.fromkeys(totals, 0)
        for test in result.tests:
            case = ET.SubElement(suite, "testcase", classname=f"katas.{kata.topic}.test_{kata.name}",
                                 name=test.name, time=f"{test.duration:.3f}")
            counts["tests"] += 1
            first_line = (test.message.splitlines() or [""])[0]
            if test.outcome in ("failed", "todo"):
                ET.SubElement(case, "failure", message=first_line, type=test.outcome).text = test.message
                counts["failures"] += 1
            elif test.outcome == "error":
                ET.SubElement(case, "error", message=first_line).text = test.message
                counts["errors"] += 1
            elif test.outcome == "skipped":
                ET.SubElement(case, "skipped", message=test.message)
                counts["skipped"] += 1
        if result.status in ("broken", "crash", "timeout"):
            case = ET.SubElement(suite, "testcase", classname=kata.module("katas"), name=result.status)
            ET.SubElement(case, "error", message=result.message).text = result.output[-4000:]
            counts["tests"] += 1
            counts["errors"] += 1
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root)
    return ET.ElementTree(root)


def write(outcomes: list[KataResult], *, json_path: Path | None = None, junit_path: Path | None = None) -> None:
    if json_path is not None:
        json_path.write_text(json.dumps(exercism(outcomes), indent=2) + "\n")
    if junit_path is not None:
        junit(outcomes).write(junit_path, encoding="utf-8", xml_declaration=True)
