"""Pure parsing: text (or bytes) in, pydantic models out. No network, no database, no CLI."""
