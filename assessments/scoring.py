"""The scoring rules of the four tools, as plain functions.

Nothing here knows about requests, responses or the database: callers pass
plain values (counts, ratings, minimums) and get plain values back, so every
rule can be tested at its edges on its own.
"""

from dataclasses import dataclass

STRENGTH = "strength"
IN_PROGRESS = "in_progress"
GAP = "gap"
RATINGS = (STRENGTH, IN_PROGRESS, GAP)


def percent_half_up(numerator, denominator):
    """``numerator / denominator`` as a whole percent, halves rounded up.

    Python's ``round`` rounds halves to the even neighbour (``round(32.5) == 32``),
    which would make two equal halves score differently; a readiness of exactly
    32.5% reads as 33% here. Integer arithmetic keeps the result exact: the
    inputs may be halves (in-progress counts half), so callers pass doubled
    counts when they need to. An empty denominator scores 0.
    """
    if denominator <= 0:
        return 0
    # floor((200·n + d) / (2·d)) == floor(100·n/d + ½) for non-negative n.
    return (200 * numerator + denominator) // (2 * denominator)


@dataclass(frozen=True)
class Readiness:
    """Where a candidate stands on the qualification checker."""

    total: int
    strengths: int
    in_progress: int
    gaps: int

    @property
    def assessed(self):
        return self.strengths + self.in_progress + self.gaps

    @property
    def is_complete(self):
        return self.total > 0 and self.assessed >= self.total

    @property
    def percent(self):
        """round_half_up((strengths + ½·in progress) / total × 100)."""
        return percent_half_up(2 * self.strengths + self.in_progress, 2 * self.total)


def readiness(ratings, total):
    """Count ratings (``"strength"``, ``"in_progress"``, ``"gap"``) against ``total``.

    ``ratings`` holds one rating per rated criterion; unknown values are refused
    so that a bad value stored somewhere cannot silently score as a gap.
    """
    counts = dict.fromkeys(RATINGS, 0)
    for rating in ratings:
        if rating not in counts:
            raise ValueError(f"unknown rating {rating!r}")
        counts[rating] += 1
    return Readiness(
        total=total,
        strengths=counts[STRENGTH],
        in_progress=counts[IN_PROGRESS],
        gaps=counts[GAP],
    )


def band_for(score, bands, *, minimum=lambda band: band.min_percent):
    """The band with the highest minimum that ``score`` reaches, or ``None``.

    ``bands`` may come in any order; ``minimum`` reads a band's threshold (the
    verdict bands' ``min_percent`` by default, pass another for quiz bands). With
    no band at or below the score (or no bands at all) there is no verdict.
    """
    best = None
    for band in bands:
        if minimum(band) <= score and (best is None or minimum(band) > minimum(best)):
            best = band
    return best


def quiz_band_for(score, bands):
    return band_for(score, bands, minimum=lambda band: band.min_score)


def skill_gap(rating, target):
    """How many levels a rating is below its target; 0 when at or above it."""
    return max(target - rating, 0)


def skills_below_target(skills):
    """The ``(key, rating, target)`` triples whose rating is below target, in order."""
    return [skill for skill in skills if skill_gap(skill[1], skill[2]) > 0]


def total_hours(hours):
    return sum(hours)


@dataclass(frozen=True)
class QuizProgress:
    """Where an attempt stands, from the ordered question ids and its answers."""

    question_ids: tuple
    answered: dict  # question id -> is_correct

    @property
    def total(self):
        return len(self.question_ids)

    @property
    def score(self):
        return sum(1 for qid in self.question_ids if self.answered.get(qid))

    @property
    def answered_count(self):
        return sum(1 for qid in self.question_ids if qid in self.answered)

    @property
    def is_finished(self):
        return self.total > 0 and self.next_question_id is None

    @property
    def next_question_id(self):
        """The first question without an answer: questions are answered in order."""
        for qid in self.question_ids:
            if qid not in self.answered:
                return qid
        return None

    @property
    def next_number(self):
        """1-based number of the next question, as in "Question 2 of 5"."""
        qid = self.next_question_id
        return None if qid is None else self.question_ids.index(qid) + 1


def quiz_progress(question_ids, answered):
    return QuizProgress(question_ids=tuple(question_ids), answered=dict(answered))
