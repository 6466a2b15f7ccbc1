"""Deadlines: the dates and rhythms a task's text sets (``find_deadlines``)."""

from parsers.deadlines.find import find_deadlines

__all__ = ["find_deadlines"]
