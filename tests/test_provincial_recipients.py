"""Provincial bodies named with their level word in the recipients of Lào Cai's PDF decisions.

Lines quoted from the "Nơi nhận" of 16/2026/QĐ-UBND (layout-mode text of a PDF) and of the decision
delegating powers to the Department of Industry and Trade (QĐ-UBND, May 2026, its text layer).
"""

from __future__ import annotations

import pytest

from parsers.agencies.find import find_agencies


@pytest.mark.parametrize(
    ("line", "name"),
    [
        # the press body's own name holds its province (guide: "Báo và Phát thanh, Truyền hình Cần Thơ")
        ("- Báo và Phát thanh, Truyền hình tỉnh;", "Báo và Phát thanh, Truyền hình Lào Cai"),
        ("- Báo và PTTH tỉnh;", "Báo và Phát thanh, Truyền hình Lào Cai"),
        ("- Trung tâm TT và HN tỉnh;", "Trung tâm Thông tin và Hội nghị tỉnh"),
        ("- Trung tâm Thông tin và Hội nghị tỉnh;", "Trung tâm Thông tin và Hội nghị tỉnh"),
        # the place written stays the body's own name
        ("Báo và Phát thanh, Truyền hình Cần Thơ", "Báo và Phát thanh, Truyền hình Cần Thơ"),
    ],
)
def test_a_provincial_body_named_with_its_level_word(line, name):
    assert [m.agency.name for m in find_agencies(line, province="Lào Cai")] == [name]
