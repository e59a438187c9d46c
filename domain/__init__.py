"""Pure rules of Siaga: no I/O, no clock, no framework (DESIGN.md, rule 1)."""
