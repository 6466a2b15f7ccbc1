"""Recognising agencies: the bodies a document names, its recipients, its issuer.

- ``find_agencies(text)``: every agency named in the text, longest match, non-overlapping;
- ``find_recipients(text)``: the bodies a "Nơi nhận:" block sends the document to;
- ``resolve_agency(surface)``: the agency one written name refers to;
- ``document_mentions(text, paragraphs)``: every mention of a whole document.
"""

from parsers.agencies.find import find_agencies, find_recipients, resolve_agency
from parsers.agencies.mentions import document_mentions

__all__ = ["document_mentions", "find_agencies", "find_recipients", "resolve_agency"]
