"""Runs the named, dated cases of tests/cases/eligibility.yaml through the real screening path."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from bot.screening import Row, answers_from
from domain.eligibility import evaluate
from domain.program import Program
from handlers.check.verdict_view import next_step

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "eligibility.yaml").read_text())


def test_there_are_at_least_sixty_cases() -> None:
    assert len(CASES) >= 60
    assert len({c["name"] for c in CASES}) == len(CASES), "case names must be unique"


@pytest.mark.parametrize("case", CASES, ids=[c["name"] for c in CASES])
def test_case(case: dict[str, Any], program: Program) -> None:
    on = case["date"]
    a = case["answers"]
    row = Row(
        nik=a["nik"], age=a.get("age"), occupation=a["occupation"], kelurahan=a["kelurahan"],
        dtks=a["dtks"], bpjs=a.get("bpjs"), heirs=a.get("heirs"),
    )  # fmt: skip
    answers = answers_from(row, program, on)
    verdict = evaluate(answers, program, on)
    codes = [r.code for r in verdict.reasons]
    if "verdict" in case:
        assert verdict.kind.value == case["verdict"], codes
    for code in case.get("reasons", []):
        assert code in codes
    for code in case.get("absent", []):
        assert code not in codes
    if "priority" in case:
        assert verdict.priority == case["priority"]
    if "nik" in case:
        assert answers.nik is not None
        assert answers.nik.sex.value == case["nik"]["sex"]
        assert answers.nik.birth_date == case["nik"]["birth_date"]
    if "occupation" in case:
        assert answers.occupation is not None and answers.occupation.code == case["occupation"]
    if "kelurahan" in case:
        assert answers.kelurahan is not None and answers.kelurahan.code == case["kelurahan"]
    if "next_step" in case:
        assert next_step(verdict).key == case["next_step"]
