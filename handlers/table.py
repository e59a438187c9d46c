"""The one table of capabilities. Each line is a capability's whole declaration (its
`CAPABILITY` in handlers/<name>/__init__.py: flows, commands, menu entries, notice buttons,
jobs, and what it adds to the shared views); the composition root builds the registry the
kernel reads from this table. Adding a capability is its folder plus one line here.

The order is the order things are done in where several capabilities take part: the typed
text a person sends is offered to the officer answering them (handover) before it is read as
a button (understanding); /status, /dataku and /statistik show each capability's lines in
this order; the scheduler runs the jobs in this order.

```mermaid
flowchart TB
    table[handlers/table.py] --> check & nominations & handover & claims
    table --> broadcasts & officers & privacy & understanding
    check -->|files, answers a question| nominations
    handover -->|the draft's kelurahan| check
    handover -->|the resident's nomination| nominations
    claims -->|the participant, their cover| nominations
    broadcasts -->|the quota period| nominations
    understanding -->|the draft's name, masked| check
    check & nominations & handover & claims --> core[core: the kernel]
    broadcasts & officers & privacy & understanding --> core
```
"""

from __future__ import annotations

from handlers import (
    broadcasts,
    check,
    claims,
    handover,
    nominations,
    officers,
    privacy,
    understanding,
)
from handlers.core.capability import Capability
from handlers.core.menu import KERNEL

CAPABILITIES: tuple[Capability, ...] = (
    KERNEL,
    check.CAPABILITY,
    handover.CAPABILITY,
    nominations.CAPABILITY,
    claims.CAPABILITY,
    broadcasts.CAPABILITY,
    officers.CAPABILITY,
    privacy.CAPABILITY,
    understanding.CAPABILITY,
)
