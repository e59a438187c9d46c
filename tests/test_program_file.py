from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
import yaml

from bot.program_loader import ProgramFileError, default_program_path, load_program
from domain.program import Program


def test_the_city_has_3_kecamatan_and_27_kelurahan(program: Program) -> None:
    assert [k.name for k in program.regions.kecamatan] == ["Kartoharjo", "Manguharjo", "Taman"]
    assert len(program.regions.all_kelurahan) == 27
    kelun = program.regions.kelurahan_by_code("35.77.01.1009")
    assert kelun is not None and kelun.name == "Kelun" and kelun.postcode == "63112"


def test_dated_values_hold_from_their_date(program: Program) -> None:
    assert program.premium_monthly.at(date(2026, 1, 1)) == 16800
    assert program.registry.at(date(2024, 12, 1)) == "DTKS"
    assert program.registry.at(date(2026, 1, 1)) == "DTKS/DTSEN"
    quota = program.quota_at(date(2026, 1, 1))
    assert quota is not None and quota.participants == 16524 and quota.remaining == 628


def test_every_value_has_a_reference(program: Program) -> None:
    for dated in (program.age_min, program.age_max, program.registry, program.premium_monthly):
        assert all(e.ref for e in dated.entries)


def _broken(tmp_path: Path, mutate) -> Path:  # type: ignore[no-untyped-def]
    data = yaml.safe_load(default_program_path().read_text())
    mutate(data)
    path = tmp_path / "broken.yaml"
    path.write_text(yaml.safe_dump(data))
    return path


def test_a_bad_kelurahan_code_names_file_and_field(tmp_path: Path) -> None:
    def mutate(d):  # type: ignore[no-untyped-def]
        d["region"]["kecamatan"][0]["kelurahan"][2]["code"] = "35.77.01.X"

    path = _broken(tmp_path, mutate)
    with pytest.raises(ProgramFileError) as err:
        load_program(path)
    text = str(err.value)
    assert str(path) in text
    assert "region.kecamatan[0].kelurahan[2].code" in text


def test_a_missing_reference_is_refused(tmp_path: Path) -> None:
    def mutate(d):  # type: ignore[no-untyped-def]
        del d["rules"]["age_min"][0]["ref"]

    with pytest.raises(ProgramFileError, match=r"rules\.age_min\[0\]\.ref"):
        load_program(_broken(tmp_path, mutate))


def test_a_kelurahan_outside_its_kecamatan_is_refused(tmp_path: Path) -> None:
    def mutate(d):  # type: ignore[no-untyped-def]
        d["region"]["kecamatan"][0]["kelurahan"][0]["code"] = "35.77.02.1001"

    with pytest.raises(ProgramFileError, match="not inside"):
        load_program(_broken(tmp_path, mutate))


def test_a_missing_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ProgramFileError, match="file not found"):
        load_program(tmp_path / "nope.yaml")


def test_every_claim_figure_carries_a_source_and_a_date(program: Program, tmp_path: Path) -> None:
    """Issue 20: the claim facts are data with their sources, and the loader refuses one
    without (or a figure the code needs that the file lacks)."""
    rules = program.claims
    assert rules is not None and rules.office.ref and rules.documents_ref and rules.heirs_ref
    for name, dated in rules.figures.items():
        assert all(e.ref and e.since for e in dated.entries), name
    assert all(d.ref and d.start <= d.until for d in rules.discounts)

    def unsourced(d):  # type: ignore[no-untyped-def]
        del d["claims"]["figures"]["service_working_days"][0]["ref"]

    with pytest.raises(ProgramFileError, match=r"claims\.figures\.service_working_days\[0\]\.ref"):
        load_program(_broken(tmp_path, unsourced))

    def missing(d):  # type: ignore[no-untyped-def]
        del d["claims"]["figures"]["jkm_early_amount"]

    with pytest.raises(ProgramFileError, match="jkm_early_amount"):
        load_program(_broken(tmp_path, missing))
