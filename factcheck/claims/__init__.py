"""Numeric claims: the registered spaCy component `numeric_claims` and the functions around it.

One module per field a reader can name: `sentences` (sentence splitting, datelines), `candidates`
(which numbers are claims), `change` (change and direction), `subject`, `period`, `place`,
`speaker`, all on the parse helpers of `syntax` and the word lists of `factcheck.lexicon`;
`component` holds the component itself, the story pass and the batch runner.
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
