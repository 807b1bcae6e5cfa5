"""What a number counts or measures (`Claim.subject`): the head noun's lemma, read from the parse.

Past measure words ("the number of homicides", "32 percent of residents", "$48,750 in
restitution"); for a percent or a measure, the clause's subject ("crime is down 29 percent",
"the fire burned 1,200 acres"); who pays or who acts is not what is measured.
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from factcheck import lexicon
from factcheck.claims.syntax import (
    _clause_verb,
    _has_modifier,
    _is_object,
    _lemma,
    _of_object,
    _subject_of,
    number_top,
)
from factcheck.claims.vocab import (
    _AGENTS,
    _AT_VERBS,
    _BARE_GENERIC,
    _CHANGE_NOUNS,
    _CLASSIFY_VERBS,
    _COPULAR,
    _DOWN_WORDS,
    _GENERIC,
    _MEASURE_UNITS,
    _MONEY_VERBS,
    _MONEY_WORDS,
    _PAYERS,
    _PRONOUNS,
    _TAXED_THINGS,
    _TIME_NOUNS,
    _TO_VERBS,
    _TRANSITIVE_CHANGE,
    _UNDERGO_VERBS,
    _UP_WORDS,
    ABSTRACT_NOUN_END,
    CAPITALISED_MEASURES,
    CHANGE_VERBS,
    DRIFT_VERBS,
    MONTHS,
    PLURAL_NOUN_END,
    REFERENCE_LEVELS,
)


def _noun_lemma(tok: Token) -> str | None:
    """What `tok` names, past generic measure words ("the number of homicides" -> homicide)."""
    for _ in range(4):
        lemma = _lemma(tok)
        if tok.pos_ == "PRON" or lemma in _PRONOUNS or tok.tag_ in ("PRP", "WP", "EX"):
            return None
        if lemma in _GENERIC or lemma in _MEASURE_UNITS or tok.like_num:
            nxt = None
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("of", "in", "among"):
                    # not "an increase of 22 dollars": the amount is no thing it is of
                    objs = [
                        g
                        for g in c.children
                        if g.dep_ == "pobj"
                        and g.lower_ not in _MONEY_WORDS
                        and not g.like_num
                        # the amount is no thing either: "an increase of 2.5%", "of 33 cents"
                        and g.lower_ not in ("%", "percent", "cents", "cent")
                    ]
                    if objs:
                        nxt = objs[0]
                        break
            if nxt is None:
                comp = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod")
                        and c.pos_ in ("NOUN",) and c.i < tok.i
                        and c.lower_ not in ("percent", "cent", "%")]  # fmt: skip
                if comp and lemma in _CHANGE_NOUNS:
                    # "the proposed tax increase is a $31 increase": the change, named with
                    # what changed (as "a 6 percent tax increase" is)
                    return f"{comp[-1].lemma_.lower()} {lemma}"
                if comp:
                    return comp[-1].lemma_.lower()
                # "a 2% increase" with nothing it is of: the change itself is what is measured
                return lemma if lemma in _CHANGE_NOUNS else None
            tok = nxt
            continue
        if tok.pos_ == "PROPN" and tok.text.islower():
            return lemma  # a common noun the tagger took for a name ("14 pounds of marijuana")
        if tok.pos_ == "PROPN" and tok.i == 0 and PLURAL_NOUN_END.search(tok.text):
            return lexicon.singular(tok.lower_)  # "Homicides rose to 40"
        if tok.pos_ == "PROPN" and tok.is_sent_start and ABSTRACT_NOUN_END.search(tok.text):
            return lemma  # "Occupancy averaged 68.5%": a common noun capitalised to open
        if tok.pos_ == "PROPN" and tok.lower_ in CAPITALISED_MEASURES and tok.dep_ != "compound":
            return tok.lower_  # "Turnout stood at 38 percent"
        if _plural_taken_for_verb(tok):
            return lexicon.singular(tok.lower_)  # "that homicides fell": a subject is a noun
        if tok.pos_ in ("NOUN", "PROPN") or tok.tag_.startswith("NN"):
            if tok.pos_ == "PROPN" and tok.ent_type_ in ("PERSON", "GPE"):
                return None
            if tok.pos_ == "PROPN" and tok.tag_ != "NNPS":
                # A named thing ("Lake Travis was 51 percent full"), with its compound words,
                # only as the subject of "be": a name doing something is not what is counted.
                if tok.dep_ not in ("nsubj",) or tok.head.lemma_ != "be":
                    return None
                words = [c for c in tok.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
                start = min([w.i for w in words] + [tok.i])
                return tok.doc[start : tok.i + 1].text.lower()
            return lemma
        return None
    return None


def _plural_taken_for_verb(tok: Token) -> bool:
    """A plural noun the tagger read as a verb ("homicides", "inmates"): its place in the parse
    (a subject, an object, or counted by a number) says it is a noun."""
    nominal = tok.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr")
    counted = any(c.dep_ == "nummod" for c in tok.children)
    return tok.tag_ == "VBZ" and tok.lower_.endswith("s") and (nominal or counted)


def _subject_token(span: Span, anchor: Token, unit: str, change_noun: Token | None) -> Token | None:
    """The token naming what the number counts or measures, read from the parse."""
    top = anchor
    while top.head != top and span.start <= top.head.i < span.end:
        top = top.head
    # A unit word just after the number ("20 years", "1,200 acres") stands in for the number.
    measured = unit not in ("count", "usd", "percent", "percentage_points", "times")
    if measured and top.head != top and top.head.lemma_.lower() in _MEASURE_UNITS:
        top = top.head
    if unit == "usd" and top.head != top and top.head.lower_ in _MONEY_WORDS:
        top = top.head  # "22 dollars for electric customers": the dollars are the unit
    head = top.head if top.head != top else None
    adjacent = _adjacent_noun(span, top, unit)
    if adjacent is not None:
        return adjacent
    headline = _headline_subject(top)
    if headline is not None:
        return headline
    verb0 = _clause_verb(anchor)
    if unit == "usd" and verb0 is not None and verb0.lemma_ == "be" and top.dep_ == "attr":
        subj0 = _subject_of(verb0)
        if subj0 is not None and subj0.pos_ == "NOUN":
            return subj0  # "Fines are $50 for drivers": the fines
    share = _share_of(span, top, unit)
    if share is not None:
        return share
    # "140 of the schools", "32 percent of residents", "$48,750 in restitution", "$x for repairs".
    preps = ("of",) if unit != "usd" else ("of", "in", "for", "per", "on")
    owners = [t for t in span if t.lower_ in ("percent", "%", "dollars", "dollar")]
    if (
        unit == "usd"
        and head is not None
        and head.lower_ == "of"
        and head.head.lemma_.lower() in _BARE_GENERIC
    ):
        owners.append(head.head)  # "an average of $4,100 in property taxes"
    for tok in (top, *owners):
        obj = _of_object(tok, preps if tok is top or tok in span else ("in", "on"))
        payer = obj is not None and obj.head.lower_ == "for" and _lemma(obj) in _PAYERS
        payer = payer or (obj is not None and _taxed_home(obj))
        # "$15 per hour", "$3 per gallon": the rate's denominator is not what is measured
        per = (
            obj is not None
            and obj.head.lower_ == "per"
            and (_lemma(obj) in _TIME_NOUNS or _lemma(obj) in _MEASURE_UNITS)
        )
        if obj is not None and obj.pos_ in ("NOUN", "PROPN") and not payer and not per:
            return obj  # not "$85 a year for the average homeowner": who pays is not measured
    nxt = span.doc[span.end] if span.end < len(span.doc) else None
    if nxt is not None and nxt.lower_ in ("more", "fewer", "less", "additional", "extra"):
        noun = nxt.head if nxt.dep_ == "amod" else None
        if noun is not None and noun.pos_ == "NOUN" and noun.i > nxt.i:
            return noun  # "12 percent fewer crashes"
    if head is not None and head.lower_ == "worth":
        obj = _of_object(head)
        if obj is not None:
            return obj
    if change_noun is not None:
        # "a 4 percent increase in burglaries"; "a budget, a 4 percent increase over last year"
        if change_noun.lower_ in ("raise", "raises"):
            return change_noun  # "a 4 percent raise": the raise is what is measured
        obj = _of_object(change_noun, ("in", "of"))
        amount = obj is not None and span.start <= obj.i < span.end  # "a drop of 14%"
        if obj is not None and not _is_when(obj) and not amount:
            return obj  # not "an increase in May": that says when
        if change_noun.dep_ == "appos" and change_noun.head.pos_ == "NOUN":
            return change_noun.head
        undergoes = _undergoer(change_noun)
        if undergoes is not None:
            return undergoes
        # "a 2.5 percent electric rate hike", "a 4.1% tax increase": what the change is of;
        # else the change itself ("a 2% increase" in a budget story).
        compounds = [c for c in change_noun.lefts if c.dep_ == "compound" and c.pos_ == "NOUN"
                     and not span.start <= c.i < span.end and c.lower_ not in ("percent", "cent")]  # fmt: skip
        if compounds:
            return compounds[-1]
        # "..., a 36 percent leap from the year before": a change hung on the clause's verb
        # restates the clause's claim and measures what it measures.
        said_again = amount or (change_noun.dep_ == "npadvmod" and change_noun.head.pos_ == "VERB")
        return None if said_again and _restates(change_noun) else change_noun
    dep = top.dep_
    if head is not None and dep == "nummod" and _coordinated_between(span, head):
        # "burglaries fell by 212 and thefts were cut in half": a parse that hangs
        # the number on the next clause's noun; the number is the verb's, not that noun's
        head, dep = None, ""
    if (
        head is not None
        and dep == "appos"
        and head.pos_ == "NOUN"
        and head.i < top.i
        and head.lemma_.lower() not in _CHANGE_NOUNS
        and _lemma(head) not in _PAYERS | _GENERIC | _BARE_GENERIC
    ):
        return head  # "The district's budget, $41.5 million, passed": the budget
    if head is not None and _plural_taken_for_verb(head) and dep == "nummod":
        return head  # "averaged 587 inmates a day", with "inmates" tagged as a verb
    if head is not None and dep == "nummod" and head.i < top.i and head.lower_ in REFERENCE_LEVELS:
        head, dep = None, ""  # "spent a record $2.1 billion": a record amount, not records
    if head is not None and head.pos_ in ("NOUN", "PROPN") and dep in (
        "nummod", "compound", "nmod", "amod", "quantmod", "npadvmod", "poss", "appos"
    ) and dep != "appos":  # fmt: skip
        noun = head
        if noun.lower_ in ("more", "fewer", "less", "additional") and noun.head.pos_ == "NOUN":
            noun = noun.head  # "six to eight more teachers"
        while noun.dep_ == "compound" and noun.head.pos_ == "NOUN" and noun.head.i > noun.i:
            noun = noun.head  # "212 car break-ins": the last noun of the compound
        if noun.lemma_.lower() in _CHANGE_NOUNS and noun.lemma_.lower() != "raise":
            return _of_object(noun, ("in", "of"))
        if noun.lemma_.lower() in _BARE_GENERIC and not _has_modifier(noun):
            obj = _of_object(noun)
            if obj is not None:
                return obj
        elif noun.lemma_.lower() not in ("more", "fewer", "less") and noun.pos_ == "NOUN":
            return noun
    if (
        head is not None
        and dep == "pobj"
        and head.lower_ == "in"
        and head.head.lemma_.lower() in _CHANGE_NOUNS
    ):
        found = _change_of_subject(head.head, span)  # "an overall increase in 2.8%"
        if found is not None:
            return found
    if (
        head is not None
        and dep == "pobj"
        and head.lower_ in ("from", "to")
        and head.head.lemma_.lower() in _CHANGE_NOUNS
        and head.head.dep_ == "appos"
        and head.head.head.pos_ == "NOUN"
    ):
        return head.head.head  # "20 overdose deaths, an increase from 13": deaths
    if (
        head is not None
        and dep == "pobj"
        and head.lower_ in ("of", "near", "around", "above", "below", "at")
        and head.head.pos_ == "NOUN"
    ):
        # "a turnout of 58 percent", "gusts of up to 74 mph"; a bare "a rate of" is generic.
        noun = head.head
        hedge = noun.lemma_.lower() in ("north", "south", "upwards", "excess", "neighborhood")
        generic = noun.lemma_.lower() in _BARE_GENERIC and not _has_modifier(noun)
        if noun.lemma_.lower() in _CHANGE_NOUNS and head.lower_ == "of":
            found = _change_of_subject(noun, span)
            if found is not None:
                return found
            # else a restatement ("298 shootings, a drop of 14%"): the clause's, or the
            # claim's before it
        elif not generic and not hedge:
            return noun
        elif generic and noun.head.lower_ == "in" and noun.head.head.pos_ == "NOUN":
            return noun.head.head  # "the final budget in the amount of $23,485,841"
    verb = _clause_verb(anchor)
    if verb is None:
        return None
    obj = _to_object(anchor, verb)
    if obj is not None:
        return obj
    if verb.lemma_.lower() in _TRANSITIVE_CHANGE:
        changed = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        if changed is not None and changed.pos_ == "NOUN" and not _is_when(changed):
            return changed  # "the library's allotment was trimmed by $85,000"
        objs = [c for c in verb.children if c.dep_ == "dobj" and not (span.start <= c.i < span.end)]
        objs = [o for o in objs if o.i not in range(top.i, top.i + 1)]
        if objs and not any(t.i == objs[0].i for t in top.subtree):
            return objs[0]
    if unit == "count" and _is_object(anchor) and verb.lemma_.lower() not in _COPULAR:
        return None  # "police arrested 12": what was counted is left implicit
    moved = _moved_subject(top, span, unit)
    if moved is not None:
        return moved
    if unit == "percent" and verb.lemma_.lower() in ("pay", "spend", "save", "charge"):
        # "paying about 9 percent more on their monthly electricity bills": the bills
        obj = _of_object(verb, ("on", "for"))
        if obj is not None and obj.pos_ == "NOUN" and _lemma(obj) not in _PAYERS:
            return obj
    if unit == "usd":
        # "spend $21 million on special education": what the money goes to
        # "receive $9.4 million from property taxes": where money comes from is what it is
        money_from = ("from",) if verb.lemma_.lower() in _RECEIVE_VERBS else ()
        obj = _of_object(verb, ("on", "for", "in", *money_from))
        if obj is not None and obj.head.lower_ == "from" and _lemma(obj) in _AGENTS:
            obj = None  # "from the state": who pays is not what the money is
        if obj is not None and obj.head.lower_ == "in" and _lemma(obj) in _TIME_NOUNS:
            obj = None  # "earned $5 million in the first quarter"
        if obj is not None and (_lemma(obj) in _PAYERS or _taxed_home(obj)):
            obj = None  # "rise by $85 for the average homeowner": the payer is not measured
        if obj is not None and obj.pos_ == "NOUN" and verb.lemma_.lower() != "be":
            return obj
        if verb.lemma_.lower() not in _COPULAR | _MONEY_VERBS:
            return None  # who spends or saves the money is not what it measures
    subj = _subject_of(verb)
    payer_verb = verb.lemma_.lower() in ("pay", "owe", "spend", "save")
    if unit == "usd" and payer_verb and subj is not None and _lemma(subj) in _PAYERS:
        return None  # "the typical homeowner will pay $120 more": who pays is not measured
    if subj is not None and _lemma(subj) in _AGENTS and verb.lemma_.lower() not in _COPULAR:
        # "crews paved 38 miles", "the board expects to receive $11.9 million", "troopers
        # reported five deaths": who acts is not what the number measures
        return None
    return subj


def _headline_subject(top: Token) -> Token | None:
    """A headline's verb tagged as a noun, with the number its object ("County budget totals
    $214.5 million", "Jobless rate tops 5%"): the noun it follows is what is measured."""
    verb = top.head
    if top.dep_ != "dobj" or verb.pos_ != "NOUN" or verb.dep_ != "ROOT":
        return None
    if verb.lower_ not in CHANGE_VERBS and lexicon.singular(verb.lower_) not in _COPULAR:
        return None
    named = [c for c in verb.lefts if c.dep_ in ("compound", "nsubj") and c.pos_ == "NOUN"]
    return named[-1] if named else None


def _taxed_home(obj: Token) -> bool:
    """ "$40 a year on a home valued at $200,000", "$21 on a $250,000 home": the home is what is
    taxed, as a payer is who pays; neither is what the money measures."""
    if obj.head.lower_ != "on" or _lemma(obj) not in _TAXED_THINGS:
        return False
    valued = any(
        c.dep_ == "acl" and c.lemma_.lower() in _AT_VERBS | {"value"} for c in obj.children
    )
    priced = any(c.like_num or c.text == "$" for c in obj.subtree if c.i < obj.i)
    return valued or priced


def _share_of(span: Span, top: Token, unit: str) -> Token | None:
    """What a share measures when it completes a verb of being ("Turnout reached 31.6 percent
    of registered voters", "Mail ballots made up 41% of the votes", "stood at 38 percent of"):
    the verb's subject, not the whole it is a share of ("32 percent of residents said" keeps it)."""
    if unit != "percent" or top.lower_ not in ("percent", "%") or _of_object(top) is None:
        return None
    verb = top.head
    if top.dep_ == "pobj" and verb.lower_ in ("at", "for"):
        verb = verb.head  # "stood at", "accounted for"
    elif top.dep_ not in ("dobj", "attr"):
        return None
    if verb.pos_ not in ("VERB", "AUX") or verb.lemma_.lower() not in _COPULAR | {"account"}:
        return None
    subj = _subject_of(verb)
    if subj is None or span.start <= subj.i < span.end or _noun_lemma(subj) is None:
        return None
    if _lemma(subj) in _AGENTS or _lemma(subj) in _PAYERS:
        return None
    return subj


def _moved_subject(top: Token, span: Span, unit: str) -> Token | None:
    """What a number a verb moves a thing to, by or from, or sets it at, measures: the subject
    of a change verb ("fees will drop to $25 for adult dogs": the fees, not the dogs; "the
    share would go up $96"), the change the verb takes ("recommended the increase in the volume
    charge from $3.50"), what "add $11 to the bill" adds to, what is "estimated at $180,000"."""
    t = top
    if t.dep_ == "pobj" and t.head.dep_ == "prep" and t.head.head.dep_ == "prep":
        t = t.head  # "from $3.50 ... to $3.65": the "to" hangs on the "from"
    if t.dep_ == "pobj" or (t.dep_ == "prep" and t is not top):
        prep = t.head if t.dep_ == "pobj" else t
        verb = prep.head
        while verb.dep_ == "prep" and verb.head != verb:
            verb = verb.head
        if verb.pos_ == "ADV" and verb.lower_ in ("up", "down") and verb.head.pos_ == "VERB":
            verb = verb.head  # "down from $95"
        if verb.pos_ == "NOUN" and verb.dep_ == "ROOT" and verb.lower_ in CHANGE_VERBS:
            # a headline's verb tagged as a noun: "County jobless rate slides to 3.2 percent"
            named = [c for c in verb.lefts if c.dep_ in ("compound", "nsubj") and c.pos_ == "NOUN"]
            return named[-1] if named and prep.lower_ in ("to", "by", "from") else None
        if verb.pos_ != "VERB":
            return None
        if prep.lower_ in ("to", "by", "from"):
            dobj = next((c for c in verb.children if c.dep_ == "dobj"), None)
            if dobj is not None and dobj.lemma_.lower() in _CHANGE_NOUNS:
                return _change_of_subject(dobj, span)
            if dobj is None and _is_change_verb(verb):
                # "The rate ticked up ... to 57.4%", parsed with the verb hung on the noun
                hung = verb.head if verb.dep_ == "acl" and verb.head.pos_ == "NOUN" else None
                return _patient(_subject_of(verb) or hung)
        if prep.lower_ == "at" and verb.lemma_.lower() in _AT_VERBS:
            if verb.dep_ == "acl" and verb.head.pos_ == "NOUN":
                return verb.head  # "damage estimated at $180,000"
            return _patient(next((c for c in verb.children if c.dep_ == "nsubjpass"), None))
        return None
    if t.dep_ == "dobj" and t.head.pos_ == "VERB" and unit == "usd":
        verb = t.head
        if verb.lemma_.lower() == "add":
            return _patient(_of_object(verb, ("to",)))  # "add $11 a month to the bill"
        if _is_change_verb(verb) and verb.lemma_.lower() not in _TRANSITIVE_CHANGE | {"raise"}:
            # "would go up about $96"; not "raise $1.9 million", which is money collected
            return _patient(_subject_of(verb))
    return None


def _is_change_verb(verb: Token) -> bool:
    """A verb that says its subject rose or fell ("drop", "climb", "go up")."""
    lemma = verb.lemma_.lower()
    if lemma in _UP_WORDS or lemma in _DOWN_WORDS or verb.lower_ in CHANGE_VERBS:
        return True
    drifts = lemma == "go" or verb.lower_ in DRIFT_VERBS  # "went up", "ticked up"
    return drifts and any(c.lower_ in ("up", "down") for c in verb.children)


def _patient(tok: Token | None) -> Token | None:
    """`tok` when it names a thing, not who pays, who acts or when."""
    if tok is None or tok.pos_ != "NOUN":
        return None
    lemma = _lemma(tok)
    if lemma in _PAYERS or lemma in _AGENTS or lemma in _PRONOUNS or _is_when(tok):
        return None
    return tok


def classed_as(noun: Token) -> Token:
    """What a counted noun is classed as, when a participle says it ("407 violent deaths
    categorized as murder", "12 deaths ruled homicides"): the class, else the noun."""
    for c in noun.children:
        if c.dep_ != "acl" or c.tag_ != "VBN" or c.lemma_.lower() not in _CLASSIFY_VERBS:
            continue
        for g in c.children:
            if g.dep_ == "prep" and g.lower_ == "as":
                obj = next((o for o in g.children if o.dep_ == "pobj" and o.pos_ == "NOUN"), None)
                if obj is not None:
                    return obj
            if g.dep_ in ("oprd", "dobj", "attr") and g.pos_ == "NOUN":
                return g
    return noun


def _coordinated_between(span: Span, noun: Token) -> bool:
    """An "and"/"or" between the number and a noun after it: what follows starts another phrase
    (the number's own "and" of "between 40 and 50", "four hundred and twelve" is inside it)."""
    return any(t.dep_ == "cc" for t in span.doc[span.end : noun.i])


def _undergoer(change: Token) -> Token | None:
    """The subject of a verb that undergoes the change it takes as object ("overdose deaths
    showed a 55% increase", "the monthly bill would see an increase"), unless it is who pays
    or who acts ("customers will see ...", "the city recorded ...")."""
    verb = change.head
    if change.dep_ != "dobj" or verb.lemma_.lower() not in _UNDERGO_VERBS:
        return None
    subj = _subject_of(verb)
    if subj is None or subj.pos_ != "NOUN" or subj.i > change.i:
        return None
    if _lemma(subj) in _PAYERS or _lemma(subj) in _AGENTS or _is_when(subj):
        return None
    return subj


def _change_of_subject(change: Token, span: Span) -> Token | None:
    """What "an increase of 2.5%" measures: what the change is in or to ("a boost of $1.50 to
    the monthly bill"), else what undergoes it ("crime saw a drop of 12 percent"), else the
    change itself, named with what it is of ("a rate increase of 33 cents": rate increase).
    None for a change restating the claim before ("..., a drop of 14%", "That's a drop of")."""
    for c in change.children:
        if c.dep_ == "prep" and c.lower_ in ("in", "to", "on"):
            for g in c.children:
                if (
                    g.dep_ == "pobj"
                    and g.pos_ == "NOUN"
                    and not span.start <= g.i < span.end
                    and not _is_when(g)
                    and g.lower_ not in ("%", "percent")
                ):
                    return g
    undergoes = _undergoer(change)
    if undergoes is not None:
        return undergoes
    return None if _restates(change) else change


def _restates(change: Token) -> bool:
    """A change noun restating the claim before it: in apposition ("298 shootings, a drop of
    14%") or pointed back to ("That's a drop of 45 percent")."""
    before = change.doc[change.left_edge.i - 1] if change.left_edge.i > 0 else None
    if change.dep_ in ("appos", "attr", "npadvmod") or (before is not None and before.text == ","):
        return True
    subj = _subject_of(change.head) if change.dep_ == "dobj" else None
    return subj is not None and subj.lower_ in ("that", "this", "it", "which")


def _adjacent_noun(span: Span, top: Token, unit: str) -> Token | None:
    """ "responded to close to 100 traffic crashes", parsed with "close" as a verb: the nouns
    written right after a count are what it counts, even when the parse hangs it elsewhere."""
    doc = span.doc
    if unit != "count" or span.end >= len(doc):
        return None
    t = doc[span.end]
    if top.dep_ == "nummod":
        # "fewer than three motorcycle crashes" parsed as "three motorcycle" + "crashes": a
        # singular noun run ending in a plural is one noun phrase, counted by its last noun
        nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
        run = top.head == t and t.tag_ == "NN" and nxt is not None and nxt.tag_ == "NNS"
        return nxt if run else None
    if t.pos_ != "NOUN" or t.lemma_.lower() in _MEASURE_UNITS or t.like_num:
        return None
    while t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "NOUN" and t.dep_ == "compound":
        t = doc[t.i + 1]  # "traffic crashes": the last noun of the run
    return t


def _is_when(tok: Token) -> bool:
    return tok.like_num or tok.lower_ in MONTHS or _lemma(tok) in _TIME_NOUNS


_RECEIVE_VERBS = ("receive", "get", "collect", "generate", "raise", "bring", "draw")


def _to_object(anchor: Token, verb: Token | None) -> Token | None:
    """The object of "bring X to N", "raise X to N": what N measures."""
    t = number_top(anchor)
    if verb is None or t.dep_ != "pobj" or t.head.lower_ not in ("to", "at"):
        return None
    if verb.lemma_.lower() not in _TO_VERBS:
        return None  # "restored power to 18,000": the 18,000 are not power
    objs = [c for c in verb.children if c.dep_ == "dobj"]
    return objs[0] if objs else None
