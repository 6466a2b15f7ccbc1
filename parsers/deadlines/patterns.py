"""Regular expressions of the Vietnamese deadline grammar, compiled once.

Every pattern is case-insensitive and verbose; gaps between words accept line breaks and the
bold/italic markers (``**``) that web captures leave inside sentences ("Hoàn\\nthành trong năm 2025").
The comment above each pattern holds a real string it must match.
"""

from __future__ import annotations

import re

from parsers.lexicon.document_types import alternation

FLAGS = re.IGNORECASE | re.VERBOSE

# A gap between two words: spaces, line breaks, markdown emphasis markers.
GAP = r"[\s*_]+"
# An optional gap.
OPT = r"[\s*_]*"
# The document itself, as a relative deadline names it: "kể từ ngày Quyết định này có hiệu lực", "... ký Kế hoạch."
SELF = alternation("anchor", gap=GAP)
SELF_END = alternation("anchor_end", gap=GAP)

YEAR = r"(?<!\d)(?:19|20)\d{2}(?!\d)"
_ROMAN = r"(?:IV|III|II|I|[1-4])\b"
_UNIT = r"(?:năm|quý|tháng|tuần|ngày)\b"
_NUM = r"(?:\d{1,2}|một|hai|ba|bốn|sáu)"

# Cue words in running prose that make an absolute time a due date; named by what they allow.
# "trước ngày 30/6/2022", "chậm nhất ngày", "Hoàn thành trong năm 2025", "xong trước", "muộn nhất là"
CUE_BY = rf"""(?:
      (?:hoàn{GAP}thành|xong|kết{GAP}thúc)(?:{GAP}xong)?(?:{GAP}(?:trước|trong|vào|ngay{GAP}trong))?
    | chậm{GAP}nhất(?:{GAP}là)?(?:{GAP}(?:trước|trong|vào))?
    | muộn{GAP}nhất(?:{GAP}là)?(?:{GAP}(?:trước|trong|vào))?
    | hạn{GAP}chót(?:{GAP}là)?
    | trước
)"""
# "trong tháng 12/2022", "vào năm 2025", "vào cuối năm 2027", "đến hết năm 2025", "ngay trong quý I"
CUE_IN = rf"(?:(?:ngay{GAP})?trong(?:{GAP}cả)?|vào(?:{GAP}cuối)?|(?:đến|tới){GAP}(?:hết|cuối)|cuối|hết)"
# "đến năm 2025" is a target only when no plan is named just before it ("phấn đấu đến năm 2030")
CUE_TO = rf"(?:(?P<push>phấn{GAP}đấu|hoàn{GAP}thành){GAP})?(?:đến|tới)"

CUE_ALL = rf"(?:{CUE_BY}|{CUE_IN}|{CUE_TO})"

# --- absolute atoms -------------------------------------------------------------------------

# "ngày 30 tháng 6 năm 2022", "30/6/2022", "30-6-2022", "01.01.2026", "ngày 24 tháng11 năm 2025"
DATE = re.compile(
    rf"""(?:\b(?P<cue>{CUE_BY}|vào|đến{GAP}hết|trong){GAP})?
    (?:(?P<word>ngày){OPT})?
    (?:
        (?<!\d)(?P<d>\d{{1,2}})(?P<sep>[/.\-])(?P<m>\d{{1,2}})(?P=sep)(?P<y>{YEAR})
      | (?P<d2>\d{{1,2}}){OPT}tháng{OPT}(?P<m2>\d{{1,2}}){OPT}(?:năm{OPT}|/{OPT})(?P<y2>{YEAR})
    )""",
    FLAGS,
)

# "trước ngày 15/12 hằng năm", "trước ngày 30 tháng 11", "ngày 20 hằng tháng"
DAY_MONTH = re.compile(
    rf"""(?:\b(?P<cue>{CUE_BY}|vào|đến{GAP}hết|trong){GAP})?
    (?P<word>ngày{OPT})?
    (?:
        (?<!\d)(?P<d>\d{{1,2}})(?:{OPT}tháng{OPT}|\s?/\s?)(?P<m>\d{{1,2}})(?!\d|{OPT}(?:năm|[/.\-]){OPT}\d)
        (?:{GAP}(?:của{GAP})?(?P<yearly>(?:hằng|hàng|mỗi){GAP}năm))?
      | (?<!\d)(?P<dom>\d{{1,2}}){GAP}(?P<monthly>(?:hằng|hàng|mỗi){GAP}tháng)
    )""",
    FLAGS,
)

# "tháng 12 hằng năm"
MONTH_YEARLY = re.compile(rf"tháng{OPT}(?P<m>\d{{1,2}}){GAP}(?:hằng|hàng|mỗi){GAP}năm\b", FLAGS)

# "trong tháng 12/2022", "tháng 12 năm 2022", "Tháng 06/2026", "tháng 6 và tháng 12 năm 2025",
# "Tháng 11 - 12/2025" (a range: due at its end)
MONTHS = re.compile(
    rf"""(?:\b(?P<cue>{CUE_ALL}){GAP})?
    tháng{OPT}(?P<m>\d{{1,2}})
    (?:{OPT}[-–]{OPT}(?:tháng{OPT})?(?P<to>\d{{1,2}}))?
    (?P<more>(?:{OPT}(?:,|và|hoặc){OPT}(?:tháng{OPT})?\d{{1,2}}(?!\d))*)
    {OPT}(?:/|năm|-){OPT}(?P<y>{YEAR})""",
    FLAGS,
)

# "quý I/2020", "quý IV năm 2022", "trong Quý I năm 2026", "Quý IV/2026", "quý I, II năm 2026"
QUARTERS = re.compile(
    rf"""(?:\b(?P<cue>{CUE_ALL}){GAP})?
    quý{OPT}(?P<q>{_ROMAN})
    (?P<more>(?:{OPT}(?:,|và|hoặc){OPT}(?:quý{OPT})?{_ROMAN})*)
    {OPT}(?:/|năm|-|,)?{OPT}(?P<y>{YEAR})""",
    FLAGS,
)

# "Hoàn thành trong tháng 12", "Tháng 12" (a time cell): a month without its year
MONTH_ONLY = re.compile(
    rf"""(?:\b(?P<cue>{CUE_BY}|{CUE_IN}){GAP})?
    \btháng{OPT}(?P<m>\d{{1,2}})(?!\d|{OPT}(?:năm|[/.\-]|đến|tới){OPT}\d|{OPT}[-–]|{GAP}(?:hằng|hàng|mỗi)\b|{GAP}tuổi)""",
    FLAGS,
)

# "trong quý IV", "Quý I" (a time cell): a quarter without its year
QUARTER_ONLY = re.compile(
    rf"""(?:\b(?P<cue>{CUE_BY}|{CUE_IN}){GAP})?
    \bquý{OPT}(?P<q>{_ROMAN})(?!{OPT}(?:/|năm|-|,)?{OPT}(?:19|20)\d\d|{OPT}(?:,|và|hoặc|-))""",
    FLAGS,
)

# "6 tháng đầu năm 2023", "06 tháng cuối năm 2025"
HALF = re.compile(
    rf"""(?:\b(?P<cue>{CUE_ALL}){GAP})?
    (?:0?6|sáu){GAP}tháng{GAP}(?P<h>đầu|cuối){GAP}năm{OPT}(?P<y>{YEAR})""",
    FLAGS,
)

# "Năm 2025 và các năm tiếp theo", "năm 2026 và những năm sau"
NEXT_YEARS = re.compile(
    rf"""(?:\b(?P<cue>{CUE_ALL}|từ){GAP})?
    năm{OPT}(?P<y>{YEAR}){OPT}(?:,|và)?{OPT}(?:các|những){GAP}năm{GAP}(?:tiếp{GAP}theo|sau(?:{GAP}đó)?|kế{GAP}tiếp)""",
    FLAGS,
)

# "giai đoạn 2021 - 2025", "Năm 2025-2030", "2026 - 2030", "từ năm 2021 đến năm 2025"
PERIOD = re.compile(
    rf"""(?:\b(?P<cue>{CUE_ALL}){GAP})?
    (?:
        (?:(?P<pw>giai{GAP}đoạn|thời{GAP}kỳ|nhiệm{GAP}kỳ|năm|các{GAP}năm){OPT})?
        (?P<y1>{YEAR}){OPT}[-–—]{OPT}(?P<y2>{YEAR})
      | từ{GAP}(?:năm{OPT})?(?P<f1>{YEAR}){GAP}(?:đến|tới){GAP}(?:hết{GAP})?(?:năm{OPT})?(?P<f2>{YEAR})
    )""",
    FLAGS,
)

# "vào năm 2025", "trong năm 2025", "đến năm 2025", "vào năm 2022 và năm 2024", "cuối năm 2027"
YEARS = re.compile(
    rf"""(?:\b(?P<cue>{CUE_ALL}){GAP})?
    năm{OPT}(?P<y>{YEAR})
    (?P<more>(?:{OPT}(?:,|và|hoặc){OPT}(?:năm{OPT})?{YEAR}(?!{OPT}[-–]))*)""",
    FLAGS,
)

# A year target: the work the task completes is a year's ("hoàn thành cao nhất các chỉ tiêu, nhiệm vụ phát
# triển kinh tế - xã hội năm 2025", "góp phần hoàn thành mục tiêu phát triển kinh tế - xã hội năm 2025"):
# due at the end of that year; "kế hoạch tài chính 03 năm 2026 - 2028" names a period, not a year. Disbursing a
# year's capital plan is the same ("quyết tâm giải ngân 100% kế hoạch vốn năm 2025", "phấn đấu giải ngân đạt 100% kế
# hoạch vốn đầu tư công năm 2025"); a sum of a year's capital is not ("giải ngân hết số vốn đầu tư công của tỉnh năm
# 2025 nêu trên": the unspent capital of 2025, moved on)
YEAR_TARGET = re.compile(
    rf"""(?:\bhoàn{GAP}thành\b[^.;:\n]{{0,60}}?\b(?:chỉ{GAP}tiêu|nhiệm{GAP}vụ|mục{GAP}tiêu|kế{GAP}hoạch)\b
    [^.;:\n]{{0,90}}?
    |\bgiải{GAP}ngân\b[^.;:()]{{0,40}}?\bkế{GAP}hoạch{GAP}vốn\b[^.;:()]{{0,30}}?)
    (?<!tháng\s\d\s)(?<!tháng\s\d\d\s)(?P<year>\bnăm{OPT}(?P<y>{YEAR}))(?!{OPT}[-–]|{GAP}(?:và|,){GAP}(?:các|những){GAP}năm)""",
    FLAGS,
)

CUE_RIGHT_BEFORE = re.compile(rf"\b(?:{CUE_ALL}){OPT}$", FLAGS)

# A year standing alone, accepted only in a time field: "| 2025 |"
# In a time cell: "3-4/2024", "12/2023", "T3/2024", "11/2023-02/2024" (month ranges, the due date at their end)
CELL_MONTHS = re.compile(
    rf"""(?<![\w/.\-–])(?:T\.?{OPT})?(?P<m1>\d{{1,2}})
    (?:{OPT}/{OPT}(?P<y1>{YEAR}))?
    (?:{OPT}[-–]{OPT}(?:T\.?{OPT})?(?P<m2>\d{{1,2}}))?
    {OPT}/{OPT}(?P<y>{YEAR})(?![\w/])""",
    FLAGS,
)
# A task's timing in parentheses closing its item: "tiến tới thí điểm (2025 - 2026).",
# "(2026 trở đi)", "(xuyên suốt 2025 - 2035)"
PAREN_YEARS = re.compile(
    rf"""\({OPT}(?:(?:xuyên{GAP}suốt|từ|trong|năm|giai{GAP}đoạn){GAP})?(?P<y1>{YEAR})
    (?:{OPT}[-–]{OPT}(?P<y2>{YEAR})|{GAP}(?P<on>trở{GAP}đi|về{GAP}sau))?{OPT}\)
    (?={OPT}[.;:]?{OPT}(?:$|\n))""",
    FLAGS,
)

BARE_YEAR = re.compile(rf"(?<![\w\-–/])(?P<y>{YEAR})(?![\w\-–/]|{OPT}[-–]{OPT}\d)", FLAGS)

# "Triển khai từ năm 2026", "Từ tháng 10/2025 đến khi ...", "sau năm 2028": a start, not a due date
FROM = re.compile(
    rf"""(?P<kw>\btừ|\bsau|bắt{GAP}đầu(?:{GAP}triển{GAP}khai)?(?:{GAP}từ)?){GAP}(?:(?:cuối|đầu){GAP})?
    (?:
        (?:ngày{OPT})?(?<!\d)(?P<d>\d{{1,2}})(?P<sep>[/.\-])(?P<dm>\d{{1,2}})(?P=sep)(?P<dy>{YEAR})
      | ngày{OPT}(?P<d2>\d{{1,2}}){OPT}tháng{OPT}(?P<dm2>\d{{1,2}}){OPT}(?:năm{OPT}|/{OPT})(?P<dy2>{YEAR})
      | tháng{OPT}(?P<m>\d{{1,2}}){OPT}(?:/|năm|-){OPT}(?P<my>{YEAR})
      | quý{OPT}(?P<q>{_ROMAN}){OPT}(?:/|năm|-)?{OPT}(?P<qy>{YEAR})
      | (?:năm{OPT})?(?P<y>{YEAR})(?!{OPT}[-–])
    )""",
    FLAGS,
)

# --- names and citations (consumed, never deadlines) ----------------------------------------

# "tầm nhìn đến năm 2050", "định hướng tới năm 2045", "giai đoạn đến năm 2030"
VISION = re.compile(
    rf"""(?:(?:tầm{GAP}nhìn|định{GAP}hướng){OPT}(?:(?:đến|tới){GAP})?|(?:giai{GAP}đoạn|thời{GAP}kỳ){OPT}(?:đến|tới){GAP})
    (?:năm{OPT})?{YEAR}""",
    FLAGS,
)

# "Quyết định số 02/QĐ-HĐV ngày 09/9/2021", "57-NQ/TW ngày 22 tháng 12 năm 2024", "1349/QĐ-UBND năm 2025"
CITED = re.compile(
    rf"""\d+[\w.&\-]*/[\w.&/\-]*[A-ZĐ][\w.&\-]*
    {OPT},?{OPT}(?:(?:ngày|năm){OPT})?
    (?:\d{{1,2}}\s?[/.\-]\s?\d{{1,2}}\s?[/.\-]\s?{YEAR}|\d{{1,2}}{OPT}tháng{OPT}\d{{1,2}}{OPT}năm{OPT}{YEAR}|{YEAR})""",
    FLAGS,
)

# "năm học 2025-2026": a school year says whom a rule applies to, not when a task is due
SCHOOL_YEAR = re.compile(rf"\bnăm{GAP}học{OPT}{YEAR}(?:{OPT}[-–]{OPT}{YEAR})?", FLAGS)

# "Quyết định này có hiệu lực thi hành từ ... đến hết ngày ...", "Thời hạn ủy quyền: ... đến hết ngày ..."
VALIDITY = re.compile(rf"hiệu{GAP}lực|ủy{GAP}quyền|uỷ{GAP}quyền", FLAGS)
# "kể" right before "từ ngày": the day work is to be in place from; with one of these verbs in its clause:
#   "bảo đảm triển khai đồng bộ các quy định tại Quyết định này kể từ ngày 01 tháng 01 năm 2025"
KE_BEFORE = re.compile(rf"\bkể{OPT}$", FLAGS)
IN_PLACE_VERB = re.compile(rf"triển{GAP}khai|thực{GAP}hiện|vận{GAP}hành", FLAGS)
# Right before a date, these make it an effective date: "có hiệu lực thi hành [vào ngày 01/01/2026]"
EFFECTIVE_BEFORE = re.compile(rf"(?:hiệu{GAP}lực(?:{GAP}thi{GAP}hành)?|áp{GAP}dụng){OPT}$", FLAGS)

# --- rhythms ---------------------------------------------------------------------------------

# "hằng năm", "Định kỳ hằng năm", "định kỳ hàng quý, năm", "hằng quý, hằng năm"
EVERY = re.compile(
    rf"""(?P<pref>(?:theo{GAP})?định{GAP}kỳ{OPT}(?:\({OPT})?)?
    (?:hằng|hàng){GAP}(?P<u>{_UNIT})(?!{GAP}hiếm)
    (?P<more>(?:{OPT}(?:,|và|hoặc){OPT}(?:(?:hằng|hàng){GAP})?(?:\d{{1,2}}{GAP})?(?:năm|quý|tháng)\b(?!{OPT}\d))*)""",
    FLAGS,
)

# "định kỳ 06 tháng", "định kỳ 06 (sáu) tháng", "định kỳ 02 năm/lần", "định kỳ tối thiểu 01 tuần/lần"
EVERY_N = re.compile(
    rf"""định{GAP}kỳ{GAP}(?:(?:tối{GAP}thiểu|tối{GAP}đa|mỗi){GAP})?
    (?P<n>{_NUM}){OPT}(?:\([^)]{{0,12}}\){OPT})?(?P<u>{_UNIT})
    (?:{OPT}(?:/{OPT}lần|(?:một|0?1){GAP}lần))?""",
    FLAGS,
)

# "6 tháng một lần", "06 tháng/lần", "hai năm một lần", "01 lần/năm", "mỗi năm một lần"
PER_TIMES = re.compile(
    rf"""(?:
        (?P<n>{_NUM}){GAP}(?P<u>{_UNIT}){OPT}(?:/{OPT}lần|(?:một|0?1){GAP}lần)
      | (?:0?1|một){GAP}lần{OPT}/{OPT}(?P<u2>{_UNIT})
      | mỗi{GAP}(?P<u3>{_UNIT}){GAP}(?:một|0?1){GAP}lần
    )""",
    FLAGS,
)

# "6 tháng (trước ngày 16/6)": a report every N months, its day given in brackets
PER_BRACKET = re.compile(
    rf"\b(?P<n>{_NUM}){GAP}(?P<u>tháng|quý|năm)\b(?={OPT}\({OPT}(?:trước|chậm{GAP}nhất|vào){GAP}ngày)",
    FLAGS,
)

# --- relative and ongoing --------------------------------------------------------------------

# "trong thời hạn 30 ngày kể từ ngày ký", "Thời hạn chậm nhất 05 ngày làm việc kể từ ngày ban hành"
RELATIVE = re.compile(
    rf"""(?P<cue>(?:trong{GAP}(?:thời{GAP}hạn|vòng)|chậm{GAP}nhất|không{GAP}quá|tối{GAP}đa)
        (?:{GAP}(?:không{GAP}quá|chậm{GAP}nhất|tối{GAP}đa|là))?){GAP}
    (?P<n>\d{{1,3}}){OPT}(?:\([^)]{{0,24}}\){OPT})?(?P<u>ngày|tuần|tháng|năm)(?P<work>{GAP}làm{GAP}việc)?
    {OPT},?{OPT}(?:kể{GAP})?từ{GAP}(?:ngày|khi|thời{GAP}điểm){GAP}
    (?P<anchor>(?:(?:{SELF})(?:{GAP}này)?{GAP}(?:được{GAP})?)?
        (?:ký(?:{GAP}ban{GAP}hành)?|ban{GAP}hành|có{GAP}hiệu{GAP}lực(?:{GAP}thi{GAP}hành)?))""",
    FLAGS,
)

# What may follow the anchor of a relative deadline: "kể từ ngày ban hành Quyết định.", "... ký./."
ANCHOR_END = re.compile(
    rf"^{OPT}(?:(?:{SELF_END})(?:{GAP}này)?{OPT})?(?:[.,;:)(]|$|\n)",
    FLAGS,
)

# "Thực hiện thường xuyên", "Thường xuyên, liên tục", "kịp thời", "theo đúng tiến độ"
ONGOING = re.compile(
    rf"""(?P<verb>(?:thực{GAP}hiện|triển{GAP}khai|tiến{GAP}hành|duy{GAP}trì){GAP})?
    (?P<w>thường{GAP}xuyên|liên{GAP}tục|kịp{GAP}thời|(?:theo{GAP})?đúng{GAP}tiến{GAP}độ)
    (?:{OPT},?{OPT}(?:và{GAP})?(?:liên{GAP}tục|thường{GAP}xuyên))?""",
    FLAGS,
)

# In prose "thực hiện thường xuyên" times the task only where a clause ends: "... thường xuyên."
ONGOING_END = re.compile(r"[\s*]*(?:[.;,)]|$|và\b)", re.IGNORECASE)

# A label inside prose whose value is a time field: "- Thời gian thực hiện: Năm 2025 và các năm tiếp theo."
TIME_LABEL = re.compile(
    rf"""(?:thời{GAP}gian{GAP}(?:thực{GAP}hiện|hoàn{GAP}thành|triển{GAP}khai)
      | thời{GAP}hạn(?:{GAP}(?:hoàn{GAP}thành|thực{GAP}hiện|ban{GAP}hành|báo{GAP}cáo))?
      | tiến{GAP}độ(?:{GAP}(?:thực{GAP}hiện|hoàn{GAP}thành))?){OPT}:{OPT}""",
    FLAGS,
)
# Where a labelled value ends: a new bullet line, a semicolon, a full stop before a space.
LABEL_END = re.compile(r"\n\s*(?:[-+•]|\d+[.)]|[a-zđ]\))\s|;|\.(?=\s|$)|\n\s*\n|\|", re.IGNORECASE)

# Joins two time atoms of a time field into a range: "Quý IV/2025 - Quý I/2026", "từ ... đến ..."
RANGE_JOIN = re.compile(rf"^{OPT}(?:[-–—]|đến|tới){OPT}$", FLAGS)

# Clause boundaries used by the context checks (names, qualifiers).
CLAUSE_BREAK = re.compile(r"[;:!?()“”\"\[\]|]|\.(?=\s)|\n\s*(?:[-+•]|\d+(?:\.\d+)*[.)]|[a-zđ]\))\s", re.I)
# Sentence boundaries: a year-less date only borrows a rhythm from its own sentence.
SENTENCE_BREAK = re.compile(r"[;]|\.(?=\s|$)|\n\s*\n|\n\s*(?:[-+•]|\d+[.)]|[a-zđ]\))\s", re.I)
# "trước ngày 30 tháng 01 của năm tiếp theo", "Trong quý I của năm liền kề": of a year to come
NEXT_YEAR_AFTER = re.compile(rf"^{OPT}(?:của{GAP})?năm{GAP}(?:tiếp{GAP}theo|sau|liền{GAP}kề)\b", FLAGS)
# A bare "định kỳ" in the sentence of a year-less date: "báo cáo định kỳ (trước ngày 15 tháng 12)"
PERIODIC = re.compile(rf"\bđịnh{GAP}kỳ\b", FLAGS)
# A clause that says the event already happened: "trong năm 2025 đã được hoàn thành"
PAST_AFTER = re.compile(rf"^(?:{OPT},?{OPT}đã\b|[^.;:\n]{{0,25}}?\bvừa{GAP}qua\b)", FLAGS)
# What follows "hằng năm" when it names a kind of thing: "của ...", "và từng giai đoạn", "và nhiệm kỳ"
QUALIFIER_AFTER = re.compile(
    rf"^{OPT}(?:của\b|và{GAP}(?:từng{GAP}|cả{GAP})?(?:giai{GAP}đoạn|trung{GAP}hạn|nhiệm{GAP}kỳ|dài{GAP}hạn|0?5{GAP}năm)\b)",
    FLAGS,
)
# The same pairing written the other way round, before "hằng năm": "phương án ngân sách ... 05 năm và [hàng năm]",
#   "kế hoạch dài hạn và [hằng năm]"
QUALIFIER_BEFORE = re.compile(
    rf"(?:\b\d{{1,2}}{GAP}năm|trung{GAP}hạn|dài{GAP}hạn|nhiệm{GAP}kỳ){OPT}(?:,|và|hoặc){OPT}$",
    FLAGS,
)
# A named kind of plan or programme: "Kế hoạch thanh tra [hằng năm]" (the yearly inspection plan), "xây dựng
# Kế hoạch quan trắc, cảnh báo môi trường [hàng năm]", where "thực hiện Kế hoạch [hằng năm]" (this Plan, each
# year) times the task
KIND_OF_PLAN = re.compile(r"\b(?:Kế\s+hoạch|Chương\s+trình)((?:,?\s+[^\W\d]+){1,6})\s*$")
# A report right before a rhythm: the rhythm is the reporting's, even inside a regime's name ("Thiết lập chế
# độ báo cáo nhanh [hàng ngày]", "giám sát tuyến xã và báo cáo [hằng ngày]")
REPORT_BEFORE = re.compile(rf"\bbáo{GAP}cáo(?:{GAP}(?:nhanh|tổng{GAP}hợp))?{OPT}$", FLAGS)
# Words that mean the day-month right before a rhythm: "trước ngày 15/11 hằng năm", "tháng 12 hằng năm"
DATE_BEFORE = re.compile(r"(?:\d{1,2}\s?/\s?\d{1,2}|tháng\s*\d{1,2}|ngày\s*\d{1,2})[\s*]*$", re.I)
WORD = re.compile(r"\w+")
# Pieces of a list after its first item: "năm 2022 [và năm 2024]", "quý I[, II]", "hằng quý[, năm]"
NUMBER = re.compile(r"\d+")
QUARTER_NUMERAL = re.compile(r"IV|III|II|I|[1-4]", re.IGNORECASE)
UNIT_WORD = re.compile(r"năm|quý|tháng", re.IGNORECASE)
# The periods listed after "hằng tháng": "quý", "6 tháng", "năm"
COUNTED_UNIT = re.compile(r"(?:(\d{1,2})[\s*_]+)?(năm|quý|tháng)", re.IGNORECASE)
# A cited document number: "17-CT/TU", "14/2023/NQ- HĐND", "1229/QĐ-UBND"
DOC_NUMBER = re.compile(r"\b\d+[\w.&\-]*/[\w.&/\-]*[A-ZĐ]")
# How far back a cited document's title may reach: to a semicolon, a bullet or a blank line.
TITLE_BREAK = re.compile(r";|\n\s*\n|\n\s*(?:[-+•]|\d+[.)]|[a-zđ]\))\s|\|")


def last_end(pattern: re.Pattern[str], text: str) -> int:
    """Where the last match of ``pattern`` in ``text`` ends (0 when there is none)."""
    end = 0
    for m in pattern.finditer(text):
        end = m.end()
    return end
