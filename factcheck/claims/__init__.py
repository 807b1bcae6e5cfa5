"""Numeric claims: the registered spaCy component `numeric_claims` and the functions around it.

One module per field a reader can name: `sentences` (sentence splitting, datelines), `candidates`
(which numbers are claims), `change` (change and direction), `subject`, `period`, `place`,
`speaker`, all on the parse helpers of `syntax` and the word lists of `factcheck.lexicon`;
`component` holds the component itself, the story pass and the batch runner, with two helpers
for its speed: `attributes` (the attribute ruler read as a table) and `forked` (a batch's second
process).
"""

from factcheck.claims.component import (
    PIP_PACKAGE,
    SPANS_KEY,
    NumericClaims,
    PipelineMissing,
    extract_batch,
    extract_claims,
    load_pipeline,
)
from factcheck.claims.sentences import split_sentences

__all__ = [
    "PIP_PACKAGE",
    "SPANS_KEY",
    "NumericClaims",
    "PipelineMissing",
    "extract_batch",
    "extract_claims",
    "load_pipeline",
    "split_sentences",
]
