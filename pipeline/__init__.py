"""Orchestration: reading inputs, running the parsers, writing the database, the CLI."""
