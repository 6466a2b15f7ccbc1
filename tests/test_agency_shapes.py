"""Agency recognition on the shapes of issue 8: named local bodies and specific lists, lists
sharing a head noun, units inside a ministry, names as written after the 2025 reorganisation,
noise in PDF and OCR text. Texts are quoted from the shared corpus (file named in each row)."""

from __future__ import annotations

import pytest

from parsers.agencies import find_agencies


def _found(text: str, province: str | None) -> list[tuple[str, str, bool]]:
    return [(m.surface, m.agency.name, m.agency.collective) for m in find_agencies(text, province=province)]


# Class 8: a named commune's body is that body, never the collective; a specific list names each body.
LOCAL = [
    (  # lao-cai__6795-SNNMT-KS: "Văn" begins "Văn phòng", not "Văn Bàn"
        "- Phối hợp với UBND xã Văn Bàn khẩn trương thực hiện công tác bồi thường",
        "Lào Cai",
        [("UBND xã Văn Bàn", "Ủy ban nhân dân xã Văn Bàn", False)],
    ),
    (  # trung-uong__634-TB-VPCP
        "Thủ tướng Chính phủ Phạm Minh Chính đã đến thăm Trạm Y tế và Công an xã Yên Khương; thăm",
        None,
        [("Thủ tướng Chính phủ", "Thủ tướng Chính phủ", False), ("Công an xã Yên Khương", "Công an xã Yên Khương", False)],
    ),
    (  # the commune names of hue__34-2025-NQ-HDND ("các xã Quảng Thọ, Quảng An"), in the shape of a task
        "Ủy ban nhân dân các xã Quảng Thọ, Quảng An và Quảng Vinh chủ trì thực hiện",
        "Huế",
        [("Ủy ban nhân dân các xã Quảng Thọ", "Ủy ban nhân dân xã Quảng Thọ", False),
         ("Quảng An", "Ủy ban nhân dân xã Quảng An", False), ("Quảng Vinh", "Ủy ban nhân dân xã Quảng Vinh", False)],
    ),
    (  # without "các" a list repeats the unit word; a department after it is no commune
        "UBND xã Văn Bàn, xã Võ Lao và Sở Tài chính",
        "Lào Cai",
        [("UBND xã Văn Bàn", "Ủy ban nhân dân xã Văn Bàn", False), ("Võ Lao", "Ủy ban nhân dân xã Võ Lao", False),
         ("Sở Tài chính", "Sở Tài chính", False)],
    ),
    (  # quang-ngai__1627-QD-UBND: an unnamed group stays the group
        "Chủ tịch Ủy ban nhân dân các xã, phường chịu trách nhiệm thi hành",
        "Quảng Ngãi",
        [("Ủy ban nhân dân các xã, phường", "Ủy ban nhân dân cấp xã", True)],
    ),
]  # fmt: skip


@pytest.mark.parametrize(("text", "province", "expected"), LOCAL)
def test_named_local_bodies_and_specific_lists(text, province, expected):
    assert _found(text, province) == expected
