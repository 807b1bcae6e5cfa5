"""Who a claim is attributed to (`Claim.speaker`).

The person a quote is attributed to, by full name when the story gives it ("the chief", "Chief
Smith", "he" -> "Patrick Smith"); an unattributed quote carries the previous quote's speaker.
Reported speech outside quotes ("police say", "according to the FBI") gives the group as written;
documents ("according to department figures") and things that cannot speak are not speakers.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from factcheck.claims.place import _PLACE_SUFFIX
from factcheck.claims.syntax import _lemma_one
from factcheck.claims.vocab import (
    _ABBREV,
    _BARE_BODIES,
    _COMMON_SPEAKERS,
    _DATELINE,
    _NAME,
    _NOT_SPEAKERS,
    _ORG_WORDS,
    _SAY_VERBS,
    _SUFFIXES,
    _TITLES,
    MONTH_NAMES,
)

_TITLED_NAME = re.compile(rf"\b(?P<title>{_TITLES})\s+{_NAME}")


_NAME_APPOSITION = re.compile(
    rf"\b{_NAME},\s+(?:the\s+|a\s+|an\s+)?(?P<title>(?:[\w'’.-]+\s+){{0,4}}?(?:chief|sheriff|mayor|officer|spokesperson|spokesman|spokeswoman|director|commissioner|superintendent|president|detective|sergeant|captain|lieutenant|coroner|attorney|manager|professor|researcher|analyst|economist|leader|founder|resident|owner|pastor|principal|teacher|judge|councilor|councilman|councilwoman|chair|chairman|chairwoman|executive|trooper|deputy|agent|administrator|secretary|governor|senator|representative|lawmaker|clerk|coach|dean|investigator))\b"
)


def _mention_for(doc: Doc, anchor: Token) -> str | None:
    """Who the sentence says said the claim at `anchor`: the subject of a reporting verb whose
    clause holds the claim ("police say they seized 300"), or of a trailing attribution
    (", the chief said"), or the object of "according to"."""
    skip_before, words = _speech_words(doc)
    found: list[tuple[int, str]] = []  # (size of the reporting clause, who)
    for t in words:
        if t.lemma_.lower() == "put" and t.pos_ == "VERB":
            # "Fire Marshal Lee Whitt put the loss at roughly $850,000": an estimate is said
            at = [c for c in t.children if c.dep_ == "prep" and c.lower_ == "at"]
            subj = [c for c in t.children if c.dep_ == "nsubj"]
            has_obj = any(c.dep_ == "dobj" for c in t.children)
            if at and subj and has_obj and anchor in list(at[0].subtree):
                if _can_speak(subj[0], skip_before):
                    found.append((len(list(t.subtree)), _mention_text(subj[0])))
                continue
        if t.lemma_.lower() in _SAY_VERBS and t.pos_ == "VERB":
            deps = {c.dep_ for c in t.children}
            reports = deps & {"ccomp", "parataxis"} or (
                t.lemma_.lower() in ("say", "tell") and "dobj" not in deps
            )
            if not reports:
                continue
            subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subj:
                # "Presiding Judge Alicia Romero said", parsed as a gerund ("Presiding") with
                # the name as its object: the name is who speaks
                subj = [g for c in t.children if c.dep_ == "csubj" and c.tag_ == "VBG"
                        for g in c.children if g.dep_ == "dobj" and g.pos_ == "PROPN"]  # fmt: skip
            if not subj and t.dep_ == "conj":
                # "Lopez spoke to the council and said ...": the first verb's subject
                subj = [c for c in t.head.children if c.dep_ in ("nsubj", "nsubjpass")]
            if not subj or not _can_speak(subj[0], skip_before):
                continue
            inside = t.left_edge.i <= anchor.i <= t.right_edge.i and anchor in list(t.subtree)
            between = doc[anchor.i : subj[0].left_edge.i].text if subj[0].i > anchor.i else ""
            trailing = bool(re.search(r",\s*(?:[“”\"]\s*)?$", between)) or bool(
                re.search(r",[”\"]?\s*$", between)
            )
            parenthetical = not deps & {"ccomp", "parataxis", "xcomp"}  # "..., he said, but ..."
            if (
                inside
                or parenthetical
                or (trailing and not re.search(r",\s*(?:and|but)\s*$", between))
            ):
                found.append((len(list(t.subtree)) if inside else len(doc), _mention_text(subj[0])))
        if t.lower_ == "according" and t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "to":
            objs = [c for c in doc[t.i + 1].children if c.dep_ == "pobj"]
            if objs and _can_speak(objs[0], skip_before):
                found.append((len(doc) + 1, _mention_text(objs[0])))
    # "The Herald reported that Commissioner Linden estimated that ... 12 dollars": the
    # innermost reporting clause holding the claim is whose claim it is.
    return min(found, key=lambda f: f[0])[1] if found else None


@functools.lru_cache(maxsize=1)
def _speech_words(doc: Doc) -> tuple[int, list[Token]]:
    """Where the sentence's dateline ends, and the words `_mention_for` reads (reporting verbs,
    "according"): found once for all the claims of a sentence."""
    dateline = _DATELINE.match(doc.text)
    words = [
        t
        for t in doc
        if (t.lemma_.lower() in _SAY_VERBS and t.pos_ == "VERB") or t.lower_ == "according"
    ]
    return (dateline.end() if dateline else 0), words


def _can_speak(tok: Token, skip_before: int) -> bool:
    if tok.idx - tok.doc[0].idx < skip_before or tok.like_num:
        return False
    return _lemma_one(tok) not in _NOT_SPEAKERS and tok.tag_ not in ("WP", "WDT", "EX")


def _mention_text(tok: Token) -> str:
    """The words naming a speaker: its compounds and "of" names; a name in apposition wins."""
    for c in tok.children:
        if c.dep_ == "appos" and c.pos_ == "PROPN":
            tok = c  # "Her lawyer, Dana Whitfield, said"
            break
    start = tok.i
    doc = tok.doc
    while start >= 2 and doc[start - 1].text == "-" and not doc[start - 1].whitespace_:
        if doc[start - 2].whitespace_:
            break
        start -= 2  # "Dallas Fire-Rescue"
    for c in sorted((c for c in tok.lefts if c.i < start), key=lambda x: -x.i):
        sub = list(c.subtree)
        numeric = any(t.like_num or t.text in ("$", "%") for t in sub)
        if c.dep_ not in ("compound", "det", "amod", "poss", "nmod") or numeric:
            break
        if c.right_edge.i != start - 1:
            break
        start = c.left_edge.i
    end = tok.i + 1
    # "the Alabama Department of Public Health", "the Sewerage and Water Board"
    for c in tok.rights:
        if c.dep_ == "prep" and c.lower_ == "of" and c.i == end:
            objs = [g for g in c.children if g.dep_ == "pobj" and g.pos_ == "PROPN"]
            if objs:
                end = objs[0].right_edge.i + 1
        break
    span = tok.doc[start:end]
    first = span[0]
    common = tok.pos_ == "NOUN" and tok.tag_ == "NNS"
    if first.i == 0 and (first.lower_ in _COMMON_SPEAKERS or (common and first.pos_ == "NOUN")):
        return (first.lower_ + first.whitespace_ + span[1:].text).strip()
    return span.text


@dataclass
class _Quote:
    start: int
    end: int
    speaker: str | None = None


def _quotes(text: str) -> list[_Quote]:
    out = []
    for m in re.finditer(r"“[^”]*(?:”|$)", text):
        out.append(_Quote(m.start(), m.end()))
    if not out:
        for m in re.finditer(r'"[^"\n]*"?', text):
            out.append(_Quote(m.start(), m.end()))
    return out


@dataclass
class _People:
    """The people a story names, by full name, with their titles."""

    full: list[tuple[str, str, int]] = field(default_factory=list)  # (name, title, position)

    text: str = ""

    def nearest_before(self, position: int) -> str | None:
        """The person whose name (or surname) the text gives last before `position`."""
        best, best_pos = None, -1
        head = self.text[:position]
        for name, _title, _pos in self.full:
            for form in {name, _surname(name).capitalize()}:
                k = head.rfind(form)
                if k > best_pos:
                    best, best_pos = name, k
        return best

    def by_surname(self, word: str) -> str | None:
        word = word.lower().rstrip(".")
        for name, _title, _pos in reversed(self.full):
            if _surname(name) == word or name.lower() == word:
                return name
        return None

    def resolve(self, mention: str | None, position: int, last_person: str | None) -> str | None:
        """A speaker as the story names them: "the chief", "he", "Smith" -> "Patrick Smith"."""
        if not mention:
            return None
        m = re.sub(r"^(?:the|a|an)\s+", "", mention.strip(), flags=re.I)
        low = m.lower()
        if low in ("he", "she", "i"):
            return self.nearest_before(position) or last_person
        if low in ("we", "they", "you", "it"):
            return last_person if low == "we" else None
        run = re.findall(r"(?:[A-Z][\w'’.-]*)(?:\s+(?:[A-Z][\w'’.-]*|de|van|von))*\s*$", m)
        words = run[0].split() if run and run[0].strip() else []
        found = self.by_surname(_surname(low)) if low.split() else None
        if found:
            return found
        if words and len(words) >= 2 and not _ORG_WORDS.search(" ".join(words[-2:])):
            keep = 3 if words[-1].lower().rstrip(".") in _SUFFIXES else 2
            if len(words) > keep and not re.fullmatch(r"[A-Z]\.", words[-2]):
                words = words[-keep:]  # "County Executive Dawit Berhane" -> "Dawit Berhane"
            while len(words) > 1 and re.fullmatch(_TITLES, words[0]):
                words = words[1:]
            return " ".join(words)
        title = _person_by_title(self.full, low)
        if title and not words:
            return title  # "police chief says" in a headline, "Police Chief Paul Prine" below
        if _ORG_WORDS.search(m) or (
            re.search(r"\s[A-Z]", m) and re.search(r"(?i)\b(?:office|department|agency|board)\b", m)
        ):
            return re.sub(r"^\w+[’']s\s+", "", m)  # "Alabama Department of Public Health"
        if words and " " not in m:
            # a surname the story gave in full before ("director Leona Marsh" ... "Marsh said"),
            # else as written: "MnDOT", "AAA"
            return self.full_name(m) or m
        # A title: "the chief", "the sheriff", "the mayor".
        last = low.split()[-1] if low.split() else ""
        for name, title, _pos in reversed(self.full):
            if title and last == title.lower().split()[-1].rstrip("."):
                return name
        owned = re.sub(r"^[\w.-]+[’']s\s+", "", low)  # "the state's trial court" -> "trial court"
        if " " in owned or owned not in _BARE_BODIES:
            low = owned  # but "the sheriff's office" stays "sheriff's office", not "office"
        parts = low.split()
        roles = ("spokesperson", "spokesman", "spokeswoman", "official", "officer", "analyst",
                 "expert", "representative", "agent", "investigator", "worker", "employee")  # fmt: skip
        # "a city elections spokesperson" -> spokesperson; "the state labor office" stays
        return parts[-1] if len(parts) > 2 and parts[-1] in roles else low

    def full_name(self, surname: str) -> str | None:
        """The "First Surname" the story writes somewhere for a bare surname, if any."""
        full = re.search(rf"\b[A-Z][a-z’'-]+\s+(?:[A-Z]\.\s+)?{re.escape(surname)}\b", self.text)
        if (
            full is None
            or _ORG_WORDS.search(full.group(0))
            or full.group(0).split()[0] in MONTH_NAMES
        ):
            return None
        return full.group(0)

    def add(self, name: str, title: str, pos: int) -> None:
        if all(n != name for n, _t, _p in self.full):
            self.full.append((name, title, pos))
        else:
            self.full = [(n, t or title if n == name else t, p) for n, t, p in self.full]


def _person_by_title(people: list[tuple[str, str, int]], mention: str) -> str | None:
    """The person the story names with the title a mention ends with ("police chief" -> the
    "Police Chief Paul Prine" of the story), when the mention is only a title."""
    last = mention.split()[-1] if mention.split() else ""
    if not re.fullmatch(_TITLES, last.capitalize()):
        return None
    for name, title, _pos in reversed(people):
        if title and last == title.lower().split()[-1].rstrip("."):
            return name
    return None


def _surname(name: str) -> str:
    """The last word of a name that is not a suffix: "Frank Scott Jr." -> "scott"."""
    words = [w.lower().rstrip(".,") for w in name.split()]
    while len(words) > 1 and words[-1] in _SUFFIXES:
        words.pop()
    return words[-1] if words else ""


def _strip_title(text: str) -> str:
    return re.sub(rf"^(?:{_TITLES})\s+", "", text).strip()


def _people(text: str) -> _People:
    people = _People(text=text)
    for m in _TITLED_NAME.finditer(text):
        name = m.group("name").strip()
        name = re.sub(r"\s+(?:said|says|told|and|of|from)$", "", name)
        if len(name.split()) >= 2:
            people.add(name, m.group("title"), m.start())
    for m in _NAME_APPOSITION.finditer(text):
        people.add(m.group("name").strip(), m.group("title"), m.start())
    # Untitled "First Last" names after a lowercase word, kept for surname lookups ("Hollins").
    speaker_name = (
        r"(?:(?<=said )|(?<=says ))([A-Z][a-z’']+ (?:[A-Z]\. )?[A-Z][a-z’'-]+)\b|"
        r"\b([A-Z][a-z’']+ (?:[A-Z]\. )?[A-Z][a-z’'-]+)(?=,? (?:said|says|told|added|explained)\b)"
    )
    for m in re.finditer(speaker_name, text):
        name = m.group(1) or m.group(2)
        if (
            not _ORG_WORDS.search(name)
            and name.split()[0] not in MONTH_NAMES
            and not _PLACE_SUFFIX.search(name)  # "Shelby County added 5,000 residents"
        ):
            people.add(name, "", m.start())
    return people


# Words of a speaker's name or title: no sentence break inside ("Reed. She" is two sentences),
# but the full stop of an abbreviated title is none ("said Dr. Renee Whitfield", "Sgt. Kyle").
_TITLE_STOP = (
    r"\b(?:" + "|".join(re.escape(a) for a in sorted(_ABBREV, key=len, reverse=True)) + r")\.\s+"
)
_WHO = rf"(?:the\s+)?(?:{_TITLE_STOP}|(?!\.\s)[\w.’' -]){{1,60}}?"


_ATTR_AFTER = re.compile(
    r"^[\s,]*(?:(?:said|says|added|explained|noted|insisted|continued|stressed)\s+"
    rf"(?P<subj2>{_WHO})(?=[.,;]|$)|(?P<subj1>{_WHO})\s+(?:said|says|told|added|explained|"
    r"noted|insisted|stated|wrote|continued|stressed|warned|argued|claimed|recalled|asked|"
    r"estimated|reported)\b)",
    re.I,
)


_ATTR_BEFORE = re.compile(
    r"(?P<subj>(?:the\s+)?[\w.’' -]{1,60}?)\s+(?:said|says|told\s+\w+(?:\s+\d+)?|added|explained|noted|"
    r"insisted|continued|stated|stressed|wrote|put it|told us|spoke)(?:\s+(?:that|this|about[^:“\"]*))?\s*[:,]?\s*$",
    re.I,
)


def _attribute_quotes(text: str, quotes: list[_Quote], people: _People) -> None:
    """Each quote's speaker: the attribution after or before it, else the neighbouring quote's."""
    last_person: str | None = None
    for k, q in enumerate(quotes):
        after = text[q.end : q.end + 90].split("\n")[0]
        before = text[max(0, q.start - 120) : q.start].split("\n")[-1]
        mention = None
        m = _ATTR_AFTER.match(after)
        if m:
            mention = m.group("subj1") or m.group("subj2")
        else:
            b = _ATTR_BEFORE.search(before)
            if b:
                mention = b.group("subj")
        if mention:
            mention = _trim_mention(mention)
        if mention:
            q.speaker = people.resolve(mention, q.start, last_person)
        elif k > 0 and quotes[k - 1].speaker:
            q.speaker = quotes[k - 1].speaker  # a quote that carries on from the last speaker
        if q.speaker and q.speaker[0].isupper():
            last_person = q.speaker
            if all(q.speaker not in n for n, _t, _p in people.full):
                people.add(q.speaker, "", q.start)


def _trim_mention(mention: str) -> str | None:
    words = mention.strip().split()
    # keep the last clause-like chunk: "In an interview, the chief" -> "the chief"
    mention = re.split(r"[,;:]", " ".join(words))[-1].strip()
    mention = re.sub(
        r"^(?:and|but|so|then|as|when|while|which|who|also|he|she)\s+(?=\w)",
        lambda x: "" if x.group(0).strip().lower() not in ("he", "she") else x.group(0),
        mention,
        flags=re.I,
    )
    mention = re.sub(
        r"\s+(?:also|later|then|previously|again|once|recently)$", "", mention, flags=re.I
    )
    # "Sgt. Kyle Brandt of the Montana Highway Patrol": the person, not where they work
    mention = re.sub(r"^((?:[A-Z][\w.’'-]*\s+){1,4}?[A-Z][\w’'-]+)\s+(?:of|with|from|at)\s+.*$",
                     r"\1", mention)  # fmt: skip
    if not mention or len(mention.split()) > 8:
        return None
    if mention.lower() in ("it", "that", "this", "which", "there"):
        return None
    return mention


# A capitalised run of one to four words (a name, maybe with its title) and a reporting verb.
_CAPS_RUN = r"(?:[A-Z][\w.’'-]*\s+){0,4}[A-Z][\w’'-]+"
# Present tense only: broadcast copy leads with "Pruitt says ..." and goes on with what was said;
# print's "..., Dunning said." attributes its own sentence and the next one is the reporter's.
_NAME_SAYS = re.compile(
    rf"(?<![\w’'.-])(?P<who>{_CAPS_RUN})\s+(?:says|notes|adds|explains|estimates|reports|"
    r"predicts|believes|thinks)\b"
)
_REPORTED_SPEECH = (
    _NAME_SAYS,
    re.compile(rf"\baccording to\b[^.;]*?(?P<who>{_CAPS_RUN})\s*[.!]?$"),
    re.compile(rf",\s*says\s+(?P<who>{_CAPS_RUN})\s*[.!]?$"),
)
# A clause that names its own source: the attribution before it does not reach it.
_OWN_SOURCE = re.compile(
    r"\b(?:according to|says|said|say|shows?|showed|reports?|reported|indicates?|estimates?|"
    r"told)\b|[“”\"]"
)
_SUBORDINATE = re.compile(r"(?i)\b(?:as|when|while|if|because|after|before|since|until)\s+$")


def reported_speaker(sentence: str, people: _People) -> str | None:
    """The named person a sentence of reported speech (no quote marks) is attributed to:
    "Pruitt says the increases are modest this year", "..., according to public works
    director Leona Marsh". None when the sentence quotes, or its source is not a named person."""
    if re.search(r"[“”\"]", sentence):
        return None
    for pattern in _REPORTED_SPEECH:
        m = pattern.search(sentence)
        if not m or _SUBORDINATE.search(sentence[: m.start("who")]):
            continue  # "As Brandt noted last week, ...": that clause's own aside
        titled = re.search(
            rf"(?i)\b(?:{_TITLES})[\w-]*\W+(?:\w+\W+){{0,5}}$", sentence[: m.start("who")]
        )
        who = re.sub(r"^(?:As|When|While|If|But|And|So|Then|Now|Still|Also)\s+", "", m.group("who"))
        return _named_person(who, people, titled=bool(titled))
    return None


def _named_person(who: str, people: _People, titled: bool = False) -> str | None:
    """`who` as a person's full name, or None when it is not a person the story names."""
    known = people.by_surname(_surname(who))
    if known:
        return known
    words = _strip_title(who).split()
    if len(words) == 1:  # a surname: a person when the story gave the full name before
        return people.full_name(words[0])
    if _ORG_WORDS.search(who) or words[0] in MONTH_NAMES:
        return None
    # Two capitalised words with no title may be a body ("Cal Fire"): only a name the story
    # uses for a person elsewhere counts.
    untitled = not titled and not re.search(_TITLES, who)
    if untitled and not any(_surname(n) == words[-1].lower() for n, _t, _p in people.full):
        return None
    return " ".join(words[-3:] if words[-1].lower().rstrip(".") in _SUFFIXES else words[-2:])


def carried_speaker(
    text: str, sentences: list[tuple[int, int]], k: int, people: _People
) -> str | None:
    """The speaker the sentence `k` inherits: news copy attributes once and goes on ("Pruitt
    says ... . A typical bill would go up 14 dollars"). From the sentence before, in the same
    paragraph; or from a paragraph that is one "<Name> says" sentence, for the whole paragraph
    after it, up to a sentence that names a source of its own."""
    if k == 0:
        return None
    s, e = sentences[k]
    if _OWN_SOURCE.search(text[s:e]):
        return None
    ps, pe = sentences[k - 1]
    if "\n" in text[pe:s]:
        return _lead_in(text, sentences, k, people)
    found = reported_speaker(text[ps:pe], people)
    if found or _OWN_SOURCE.search(text[ps:pe]):
        return found
    j = k - 1  # back to the first sentence of this paragraph, none naming a source
    while j > 0 and "\n" not in text[sentences[j - 1][1] : sentences[j][0]]:
        j -= 1
        if _OWN_SOURCE.search(text[slice(*sentences[j])]):
            return None
    return _lead_in(text, sentences, j, people) if j > 0 else None


def _lead_in(text: str, sentences: list[tuple[int, int]], k: int, people: _People) -> str | None:
    """The person of a paragraph that is one "<Name> says ..." sentence, when sentence `k` opens
    the paragraph after it ("County clerk Elaina Cano says turnout is low." / "As of yesterday,
    the office had received 30,000 ballots.")."""
    ps, pe = sentences[k - 1]
    before = text[ps:pe]
    says = _NAME_SAYS.search(before)
    opens = says and re.fullmatch(r"[\w\s’'-]*", before[: says.start()])
    own_paragraph = k < 2 or "\n" in text[sentences[k - 2][1] : ps]
    if not (opens and own_paragraph):
        return None
    return reported_speaker(before, people)
