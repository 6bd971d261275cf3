"""Vietnamese syllable grammar: onset, glide, nucleus, coda and tone under the spelling rules.

Used three ways: to score candidate decodings (a right guess yields real syllables), to find OCR
and conversion damage ("suru", "LUU", "Tieêếng"), and to place tone marks. The rhyme list is
closed and small, so a set lookup is both the grammar and the fast path.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from editor_app.validation.text.letters import (
    ACUTE,
    DOT,
    TONE_MARKS,
    VIETNAMESE_NON_ASCII,
    split_letter,
)

ONSETS = (
    "ngh", "ng", "nh", "gh", "gi", "kh", "ph", "th", "tr", "ch", "qu",
    "b", "c", "d", "đ", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x",
)
_RHYMES_TEXT = """
a ac ach ai am an ang anh ao ap at au ay
ăc ăm ăn ăng ăp ăt
âc âm ân âng âp ât âu ây
e ec em en eng eo ep et
ê êch êm ên ênh êp êt êu
i ia ich im in inh ip it iu iêc iêm iên iêng iêp iêt iêu
o oc oi om on ong op ot oong ooc
ô ôc ôi ôm ôn ông ôp ôt
ơ ơi ơm ơn ơp ơt
u ua uc ui um un ung up ut uôc uôi uôm uôn uông uôt
ư ưa ưc ưi ưm ưn ưng ưt ưu ươc ươi ươm ươn ương ươp ươt ươu
y ya yêm yên yêng yêt yêu
oa oac oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oe oen oeo oet
uân uâng uât uây uê uêch uênh uy uya uych uyên uyêt uyn uynh uyp uyt uyu uơ
"""
RHYMES = frozenset(_RHYMES_TEXT.split())
STOP_CODAS = ("ch", "c", "p", "t")
_FRONT = ("e", "ê", "i", "y")  # c/g/ng become k/gh/ngh before these


# Each precomposed lowercase Vietnamese letter without its tone, and its tone: one table lookup
# instead of two normalisations, for the detector scores thousands of new words per file.
_SPLIT = {ch: split_letter(ch) for ch in VIETNAMESE_NON_ASCII if ch.islower()}
_BARE = str.maketrans({ch: bare for ch, (bare, _) in _SPLIT.items()})
_TONE = {ch: tone for ch, (_, tone) in _SPLIT.items() if tone}
_KNOWN = frozenset(_SPLIT).union(map(chr, range(128)))


def strip_tone(word: str) -> tuple[str, list[str]]:
    """``(word without tone marks, the tone marks found)`` for a lowercase word."""
    if word.isascii():
        return word, []
    if _KNOWN.issuperset(word):  # precomposed Vietnamese letters only: the table says it all
        return word.translate(_BARE), [_TONE[ch] for ch in word if ch in _TONE]
    decomposed = unicodedata.normalize("NFD", word)  # other letters, combining marks
    tones = [ch for ch in decomposed if ch in TONE_MARKS]
    bare = "".join(ch for ch in decomposed if ch not in TONE_MARKS)
    return unicodedata.normalize("NFC", bare), tones


@lru_cache(maxsize=1 << 16)
def is_vietnamese_syllable(word: str) -> bool:
    """Whether ``word`` (any case, NFC or not) spells one Vietnamese syllable."""
    if not word or len(word) > 8:
        return False
    bare, tones = strip_tone(word.lower())
    if len(tones) > 1 or not bare.isalpha():
        return False
    return any(_rhyme_ok(onset, bare[len(onset):], tones) for onset in _onsets_of(bare))


_ONSET_SET = frozenset(ONSETS)


def _onsets_of(bare: str) -> list[str]:
    """The onsets ``bare`` may start with (all at most 3 letters: set lookups, not a scan)."""
    return [*(bare[:n] for n in (3, 2, 1) if bare[:n] in _ONSET_SET and len(bare) >= n), ""]


def _rhyme_ok(onset: str, rhyme: str, tones: list[str]) -> bool:
    if not _spelling_ok(onset, rhyme):
        return False
    candidates = [rhyme]
    if onset == "qu":
        candidates.append("u" + rhyme)
    elif onset == "gi":
        candidates.append("i" + rhyme)
    return any(c in RHYMES and _tone_ok(c, tones) for c in candidates)


def _spelling_ok(onset: str, rhyme: str) -> bool:
    """The k/c, gh/g, ngh/ng rules and the q-only-before-u rule."""
    if not rhyme:
        return onset == "gi"  # "gì" is g + ì, written gi + tone
    front = rhyme.startswith(_FRONT)
    if onset in ("c", "g", "ng"):
        return not front
    if onset in ("k", "gh", "ngh"):
        return front
    return onset != "gi" or not rhyme.startswith("i")


def _tone_ok(rhyme: str, tones: list[str]) -> bool:
    """Syllables closed by p, t, c, ch take only the sắc or nặng tone."""
    if rhyme.endswith(STOP_CODAS):
        return bool(tones) and tones[0] in (ACUTE, DOT)
    return True


_SKELETON = str.maketrans("ăâêôơưđ", "aaeooud")


def skeleton(word: str) -> str:
    """A word without tones and letter marks, lower case: "Lưu" -> "luu"."""
    return strip_tone(word.lower())[0].translate(_SKELETON)


@lru_cache(maxsize=1)
def _skeletons() -> frozenset[str]:
    found = set()
    for onset in (*ONSETS, ""):
        for rhyme in RHYMES:
            if _spelling_ok(onset, rhyme):
                found.add(skeleton(onset + rhyme))
                if onset in ("qu", "gi") and rhyme[0] in "ui":
                    found.add(skeleton(onset + rhyme[1:]))
    return frozenset(found)


def could_be_syllable(word: str) -> bool:
    """Whether adding marks to ``word`` could make a syllable ("LUU" -> "LƯU"), which tells an
    ASCII typo or OCR error apart from a foreign word ("Internet")."""
    return skeleton(word) in _skeletons()
