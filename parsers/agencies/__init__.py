"""Recognising agencies: the bodies a document names, its recipients, its issuer.

- ``find_agencies(text)``: every agency named in the text, longest match, non-overlapping;
- ``find_recipients(text)``: the bodies a "Nơi nhận:" block sends the document to;
- ``resolve_agency(surface)``: the agency one written name refers to;
- ``read_issuer(cell)``: the issuing body (and province) a document's header names;
- ``document_mentions(text, paragraphs)``: every mention of a whole document.
"""

from parsers.agencies.find import find_agencies, resolve_agency
from parsers.agencies.issuer import read_issuer
from parsers.agencies.mentions import document_mentions
from parsers.agencies.recipients import find_recipients

__all__ = ["document_mentions", "find_agencies", "find_recipients", "read_issuer", "resolve_agency"]
