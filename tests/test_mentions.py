"""Document-level agency mentions: Nơi nhận blocks, short forms of names given in full."""

from __future__ import annotations

from parsers.agencies.mentions import document_mentions, recipient_spans
from parsers.text.structure import split_paragraphs


def names(text: str, province: str | None = "Nghệ An") -> list[tuple[str, str, str]]:
    return [
        (m.surface, m.agency.name, m.method)
        for m in document_mentions(text, split_paragraphs(text), province=province, detector=False)
    ]


def test_a_short_form_refers_to_the_name_given_in_full():
    text = (
        "Hằng năm báo cáo kết quả về Văn phòng Ban Chỉ huy Phòng thủ dân sự tỉnh để tổng hợp.\n"
        "1\tTổ chức lại Ban Chỉ huy\tBộ CHQS tỉnh\tVăn phòng Ban Chỉ huy; các sở, ban, ngành\t2025"
    )
    assert ("Văn phòng Ban Chỉ huy", "Văn phòng Ban Chỉ huy Phòng thủ dân sự tỉnh") in [
        (s, n) for s, n, _ in names(text)
    ]


def test_a_generic_head_or_a_place_dropped_is_no_short_form():
    text = (
        "Căn cứ Nghị quyết của Ban Thường vụ Tỉnh ủy Hậu Giang và Ủy ban nhân dân thành phố Hà Nội;\n"
        "Ban Thường vụ Tỉnh ủy chỉ đạo; Ủy ban nhân dân chủ trì."
    )
    found = {(s, n) for s, n, _ in names(text, province="Cần Thơ")}
    assert ("Ban Thường vụ Tỉnh ủy", "Ban Thường vụ Tỉnh ủy Hậu Giang") not in found
    assert ("Ủy ban nhân dân", "Ủy ban nhân dân thành phố Hà Nội") not in found


def test_recipient_blocks_as_cell_or_list():
    text = "Nơi nhận: - Bộ NN&MT; - Lưu: VT.\tTM. ỦY BAN NHÂN DÂN\nNơi nhận:\n- Sở Y tế;\n- Lưu: VT.\nPHỤ LỤC"
    spans = recipient_spans(split_paragraphs(text))
    assert [text[s:e] for s, e in spans] == ["Nơi nhận: - Bộ NN&MT; - Lưu: VT.", "Nơi nhận:\n- Sở Y tế;\n- Lưu: VT."]
