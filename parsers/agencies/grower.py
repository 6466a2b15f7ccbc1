"""Growing a head word into the agency name it begins: "Chi cục" -> "Chi cục Hải quan khu vực XI".

A name grows over what can belong to it (capitalised words, numbers, codes, lower-case words
while no stop word comes) and ends on a level word, a province, central words or a known
agency it belongs to. Each head of ``data/agency_heads.json`` says how its names are written
(``first``: a title-cased word must follow; ``end``: the name must end on its level or place).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from parsers.agencies.words import (
    CENTRAL_WORDS,
    CODE,
    GENERIC_BODIES,
    GENERIC_WORDS,
    LINKS,
    NESTING_HEADS,
    NOT_FINAL,
    ROLE_AFTER_HEAD,
    capitalised_run,
    comma_in_name,
    garbled,
    head_specs,
    level_at,
    place_at,
    stops_name,
    strong,
)

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

MAX_NAME_TOKENS = 30
# What a step of the growth says: the name stops growing, or there is no name at all.
STOP, REFUSE = "stop", "refuse"


def grow(doc: Doc, head: Span, known: dict, found: dict, heads: dict) -> int | None:
    """The token where the name beginning with ``head`` ends, or None when it is no name.

    ``known``: spans the reference data read (by start token), ``found``: names already grown
    to the right, ``heads``: every head by start token.
    """
    spec = head_specs()[head.label_]
    for phrase in spec.get("not_before", ()):
        words = phrase.split()
        if [t.lower_ for t in doc[head.end : head.end + len(words)]] == words:
            return None  # "Hội đồng nhân dân ...": the reference data's to read
    growth = _Growth(doc, head, spec, known, found, heads, central=bool(doc.user_data.get("central")))
    j = head.end
    limit = min(len(doc), head.end + MAX_NAME_TOKENS)
    while j < limit:
        step = growth.step(j)
        if step == REFUSE:
            return None
        if step == STOP:
            break
        j = step
    return growth.end()


@dataclass
class _Growth:
    """The state of one name's growth, token by token."""

    doc: Doc
    head: Span
    spec: dict
    known: dict
    found: dict
    heads: dict
    ends: list[int] = field(default_factory=list)  # where the name may end
    terminal: list[int] = field(default_factory=list)  # ... on a level word, a province, a parent
    placed: list[int] = field(default_factory=list)  # ends on a level word or a province
    weak_run: int = 0
    parent: bool = False
    named: bool = False
    linked: bool = False
    comma: tuple[int, int] | None = None  # the first comma's token and how many ends came before it
    central: bool = False  # a central document: its own units are named without level or parent

    @property
    def title_first(self) -> bool:
        return self.spec["first"] == "title"

    @property
    def alone_in_centre(self) -> bool:
        """ "Ban Sổ - Thẻ", "Vụ Bảo hiểm y tế", "Ban Chỉ đạo Đổi mới và Phát triển doanh nghiệp": in a
        central document a unit of the issuer or a national body needs no level word and no parent."""
        return self.central and self.spec.get("central") == "word"

    @property
    def level_end(self) -> bool:
        return self.spec["end"] == "level" and not self.alone_in_centre

    def step(self, j: int) -> int | str:
        """Read token ``j``: the next token to read, ``STOP`` or ``REFUSE``."""
        t = self.doc[j]
        first = j == self.head.end
        if t.is_space or (first and t.lower_ in ROLE_AFTER_HEAD):
            return STOP  # "Cục trưởng", "Chi cục Trưởng": a person
        closing = self._closing(j, first)
        if closing is not None:
            return closing
        if t.text == "," and not first and comma_in_name(self.doc, j):
            return j + 1  # "Cục Quản lý Khám, chữa bệnh": one name, not a list
        if t.text in (",", "-", "–") or t.lower_ in LINKS:
            return self._link(j, t)
        return self._word(j, t, first)

    def _end_at(self, k: int, placed: bool = False) -> None:
        self.ends.append(k)
        self.terminal.append(k)
        if placed:
            self.placed.append(k)

    def _closing(self, j: int, first: bool) -> str | None:
        """Where the name ends on what it belongs to: a known agency, a level word, a province."""
        doc = self.doc
        inner = self.known.get(j) or self.found.get(j)
        if inner is not None:
            if inner.label_ in ("collective", "stop") or (first and self.title_first and not strong(inner[0])):
                return STOP
            self._end_at(inner.end)
            self.parent = True
            return STOP
        if j in self.heads and (len(self.heads[j]) > 1 or self.heads[j].label_ in NESTING_HEADS):
            return STOP  # another name starts here and was not one: "Văn phòng Ban Chỉ huy" stops
        n = level_at(doc, j)
        if n:
            if first:
                return STOP  # "Ban Chỉ đạo tỉnh", "Trung tâm phường ...": no name of its own
            local = doc[j + n - 1].lower_ not in ("tỉnh", "phố", "tp")
            place = place_at(doc, j + n) or (capitalised_run(doc, j + n) if local else 0)
            if local and not place:
                return REFUSE  # "... cấp xã", "Ban chấp hành quận": any commune's or district's, a group
            self._end_at(j + n + place, placed=True)
            return STOP
        n = place_at(doc, j)
        if n and not first:
            self._end_at(j + n, placed=True)
            return STOP
        if tuple(w.lower_ for w in doc[j : j + 2]) in CENTRAL_WORDS:
            if not first:  # "Ban Chỉ đạo Trung ương", "Ban Chỉ đạo quốc gia" alone: which one?
                self._end_at(j + 2)
            return STOP
        return None

    def _link(self, j: int, t: Token) -> int | str:
        """A comma, a dash or a linking word ("và", "thuộc"): the name goes on only if what
        follows still belongs to it."""
        nxt = self.doc[j + 1] if j + 1 < len(self.doc) else None
        after = self.known.get(j + 1) or self.found.get(j + 1)
        if nxt is None:
            return STOP
        if t.lower_ == "thuộc" and not self.spec.get("needs_parent"):
            return STOP  # "Trung tâm Chuyển đổi số và Truyền thông thuộc Sở KH&CN": the centre, located
        if t.lower_ == "thuộc" or (t.text in ("-", "–") and self.spec.get("needs_parent") and after is not None):
            if after is None or after.label_ in ("collective", "stop"):
                return STOP  # "Phòng Nội chính thuộc Văn phòng UBND tỉnh", "Vụ Pháp chế - Bộ Tư pháp"
        elif after is not None or j + 1 in self.heads:
            return STOP  # "Sở Tài chính và Sở Xây dựng": two names, not one
        elif t.text == "," and not self.spec.get("needs_parent"):
            if j == self.head.end:
                return STOP  # "Văn phòng, lãnh đạo ...", "Ban, ngành": a list of nouns
            if self.comma is None:  # past a comma the name must reach its level or province
                self.comma = (j, len(self.ends))  # "Trung tâm Xúc tiến Đầu tư, Thương mại và Du lịch tỉnh"
        elif not (strong(nxt) or not self.title_first and nxt.is_lower):
            return STOP
        self.linked = True  # what follows a link ends the name only once a capitalised word comes
        return j + 1

    def _word(self, j: int, t: Token, first: bool) -> int | str:
        """A word of the name: capitalised (or a number, a code), or lower case while no stop word comes."""
        if garbled(t.text):
            return REFUSE if first else STOP  # "Cục Cảnhvề TTXH": a PDF text layer's scrambled line
        if strong(t) and not (first and len(t) > 1 and t.is_upper and not CODE.match(t.text)):
            self.named = self.named or t.text not in GENERIC_WORDS
            self.weak_run, self.linked = 0, False
            self.ends.append(j + 1)
            return j + 1
        if t.is_alpha and t.is_lower and not stops_name(self.doc, j):
            if first and self.title_first:
                return STOP
            self.named = True
            self.weak_run += 1
            if (
                not self.level_end
                and self.ends
                and self.weak_run <= 3
                and t.lower_ not in NOT_FINAL
                and not self.linked
            ):
                self.ends.append(j + 1)  # a compound after a capital: "Thủy lợi", "Dịch vụ việc làm"
            return j + 1
        return STOP

    def end(self) -> int | None:
        """Where the grown name ends, or None when it has no name of its own."""
        ends, terminal = self.ends, self.terminal
        if self.comma is not None and not any(k > self.comma[0] + 2 for k in self.placed):
            ends, terminal = ends[: self.comma[1]], [k for k in terminal if k < self.comma[0]]
        usable = terminal if self.level_end else ends
        if usable and self.doc[self.head.end : usable[-1]].text.lower() in GENERIC_BODIES:
            return None
        if not usable or not (self.named or self.parent):
            return None  # "Văn phòng Sở", "Tổng công ty Nhà nước": no name of its own
        if self.spec.get("needs_parent") and not self.parent and not self.alone_in_centre:
            return None
        if usable[-1] - self.head.end < self.spec.get("min_words", 1):
            return None
        return usable[-1]
