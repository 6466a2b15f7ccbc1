"""The Vietnamese vocabulary every stage shares: letters and casing, folding, places, the calendar.

The lowest layer of ``parsers``: it imports nothing of the project but ``parsers.models``.
"""
