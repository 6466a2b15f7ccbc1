"""Vietnamese part-of-speech tagging (underthesea), used where a lookup table falls short.

The task finder asks whether a list item opens with an action ("Hình thành bản đồ số ...")
or names a thing ("Hệ thống giám sát ...", "Số lượng: 5.000 cuốn"). The verb table answers
for the usual task verbs; underthesea's tagger answers for the rest. The tagger loads on
first use, once per process.
"""

from __future__ import annotations

from functools import lru_cache

# Tags of underthesea's tagset that may come before an item's verb: adverbs ("tiếp tục",
# "thường xuyên"), and punctuation.
SKIPPED_TAGS = {"R", "CH"}
WINDOW_WORDS = 4  # enough for the opening verb or noun; tagging cost grows with length


@lru_cache(maxsize=4096)
def first_content_tag(text: str) -> str | None:
    """The tag of the first word of ``text`` that is not an adverb or punctuation.

    >>> first_content_tag("Hình thành bản đồ số phục vụ quản lý")
    'V'
    >>> first_content_tag("Hệ thống giám sát, điều hành giao thông")
    'N'
    """
    from underthesea import pos_tag

    words = " ".join(text.split()[:WINDOW_WORDS])
    for _, tag in pos_tag(words):
        if tag not in SKIPPED_TAGS:
            return tag
    return None


def opens_with_verb(text: str) -> bool:
    """Whether ``text`` opens with a verb, per underthesea's tagger."""
    return first_content_tag(text) == "V"
