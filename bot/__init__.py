"""Adapters and composition root (DESIGN.md): config, CLI, database, channels, rendering."""
