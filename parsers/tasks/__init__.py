"""Tasks: one row per assignment of work, with its lead, coordinators, report-to and deadline."""

from parsers.tasks.driver import find_tasks

__all__ = ["find_tasks"]
