"""Channel-agnostic conversations and use cases (DESIGN.md). Speaks Incoming/Reply and ports."""
