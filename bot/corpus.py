"""The labelled messages as a corpus file (issue 27, point 7): the format of
`tests/cases/corpus/*.yaml`, a YAML list of groups `{at, means, id, jv, en, mix}`, masked text
only. Written 0600 beside the target and renamed over it, like every export."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import yaml

from bot.files import private_file
from domain.learning import CorpusGroup

HEADER = """\
# Real messages Siaga did not understand, labelled by Disnaker KUKM on the console's Pelajari
# page (issue 27), exported {day}: {messages} messages in {groups} groups. Masked before they
# were kept: {{nik}}, {{phone}}, {{name}}, {{number}} and {{email}} stand for what was typed.
# Read them once more before they join tests/cases/corpus/, then retrain the reader.
"""


def write(path: Path, groups: list[CorpusGroup], day: date) -> None:
    messages = sum(len(texts) for g in groups for texts in g.texts.values())
    body = yaml.safe_dump(
        [g.as_dict() for g in groups], allow_unicode=True, sort_keys=False,
        default_flow_style=None, width=100,
    ) if groups else "[]\n"  # fmt: skip
    with private_file(path) as f:
        f.write(HEADER.format(day=day.isoformat(), messages=messages, groups=len(groups)))
        f.write(body)
