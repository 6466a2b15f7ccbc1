"""The same task across provinces: tasks of one family linked by the similarity of their texts.

Texts are segmented into words by underthesea (``chuyển đổi số`` -> ``chuyển_đổi số``),
weighted by TF-IDF over the family's tasks (scikit-learn, sublinear tf) and compared by
cosine. Each task is linked to its best match in every other province when the score
reaches ``THRESHOLD``; linked tasks form clusters (connected components). Measured on the
hand-labelled pairs of ``tests/data/task_pairs.tsv`` (README, "Comparing provinces"):
segmented words beat syllable and character n-grams and rapidfuzz ratios there.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass, field

THRESHOLD = 0.43  # chosen on the labelled pairs (sweep 0.05-0.95), see README


@dataclass(frozen=True)
class TaskText:
    task_id: int
    province: str  # the province after the 2025 merger
    text: str


@dataclass
class Cluster:
    task_ids: list[int]
    provinces: list[str]
    score: float  # the weakest link that holds the cluster together (1.0 for a lone task)
    best: dict[int, float] = field(default_factory=dict)  # task id -> its best link score


@functools.cache
def _segmenter():
    from underthesea import word_tokenize

    return word_tokenize


@functools.lru_cache(maxsize=20000)
def segment(text: str) -> str:
    """Words of a Vietnamese text joined by spaces, syllables of a word by underscores.

    >>> segment("Chuyển đổi số trong doanh nghiệp")
    'chuyển_đổi số trong doanh_nghiệp'
    """
    return _segmenter()(" ".join(text.lower().split()), format="text")


def tfidf_vectors(texts: Sequence[str]):
    """Rows of L2-normalised TF-IDF weights (scipy sparse) of texts, over segmented words."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    segmented = [segment(t) for t in texts]
    return TfidfVectorizer(analyzer="word", token_pattern=r"[^\s]+", sublinear_tf=True).fit_transform(segmented)


def similarities(texts: Sequence[str]):
    """Cosine similarity matrix (numpy) of texts under TF-IDF over segmented words."""
    vectors = tfidf_vectors(texts)
    return (vectors @ vectors.T).toarray()


# Similarity entries held at once: a family of n tasks is compared CELLS // n rows at a time, so
# that memory stays bounded (a dense n x n matrix of 75,000 tasks would need 45 GB).
CELLS = 4_000_000


def links(tasks: Sequence[TaskText], threshold: float = THRESHOLD) -> list[tuple[int, int, float]]:
    """(task id, task id, score): each task's best match in each other province, when it reaches the threshold."""
    if len(tasks) < 2:
        return []
    import numpy as np

    vectors = tfidf_vectors([t.text for t in tasks])
    transposed = vectors.T.tocsr()
    provinces = np.array([t.province for t in tasks])
    columns_of = {p: np.flatnonzero(provinces == p) for p in sorted(set(provinces))}
    step = max(1, CELLS // len(tasks))
    found: dict[tuple[int, int], float] = {}
    for start in range(0, len(tasks), step):
        # the same sums, term by term, as the whole matrix gives: the scores do not depend on the step
        scores = (vectors[start : start + step] @ transposed).toarray()
        rows = np.arange(start, min(start + step, len(tasks)))
        for province, columns in columns_of.items():
            block = scores[:, columns]
            best = block.argmax(axis=1)
            for r in np.flatnonzero((provinces[rows] != province) & (block.max(axis=1) >= threshold)):
                i, j = int(rows[r]), int(columns[best[r]])
                a, b = sorted((tasks[i].task_id, tasks[j].task_id))
                found[(a, b)] = round(float(scores[r, j]), 4)
    return [(a, b, s) for (a, b), s in sorted(found.items())]


def clusters(
    tasks: Sequence[TaskText], threshold: float = THRESHOLD, edges: list[tuple[int, int, float]] | None = None
) -> list[Cluster]:
    """Every task in exactly one cluster: linked tasks together, unlinked tasks alone (``edges`` from ``links``)."""
    parent = {t.task_id: t.task_id for t in tasks}

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    edges = links(tasks, threshold) if edges is None else edges
    for a, b, _ in edges:
        parent[root(a)] = root(b)
    province = {t.task_id: t.province for t in tasks}
    groups: dict[int, list[int]] = {}
    for t in tasks:
        groups.setdefault(root(t.task_id), []).append(t.task_id)
    best: dict[int, float] = {}
    weakest: dict[int, float] = {}
    for a, b, s in edges:
        best[a], best[b] = max(best.get(a, 0.0), s), max(best.get(b, 0.0), s)
        weakest[root(a)] = min(weakest.get(root(a), 1.0), s)
    out = []
    for r, ids in groups.items():
        provinces = sorted({province[i] for i in ids})
        out.append(Cluster(ids, provinces, weakest.get(r, 1.0), {i: best.get(i, 1.0) for i in ids}))
    return sorted(out, key=lambda c: (-len(c.provinces), -len(c.task_ids), min(c.task_ids)))
