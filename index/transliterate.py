"""Match English words written in Bangla letters (রিফ্লেক্টিভ, প্রগতি, শামসুল) to the store's English terms by sound."""

from __future__ import annotations

import re

# Each Bangla consonant as the class of English sounds it writes; vowels, vowel signs, hasanta, য় and হ are dropped.
BANGLA_SOUNDS = {
    **dict.fromkeys("কখ", "K"),
    **dict.fromkeys("গঘ", "G"),
    **dict.fromkeys("চছ", "C"),
    **dict.fromkeys("জঝয", "J"),
    **dict.fromkeys("টঠতথৎ", "T"),
    **dict.fromkeys("ডঢদধ", "D"),
    **dict.fromkeys("\u09dc\u09dd", "R"),  # ড় ঢ়
    **dict.fromkeys("ণনঞঙং", "N"),
    "প": "P",
    "ফ": "F",
    **dict.fromkeys("বভ", "B"),
    "ম": "M",
    "র": "R",
    "ল": "L",
    **dict.fromkeys("শষস", "S"),
}
HASANTA = "\u09cd"
# English spellings, longest first, as the same classes; a tuple gives the sounds one spelling may have.
ENGLISH_SOUNDS: dict[str, tuple[str, ...]] = dict(
    [
        ("tion", ("SN",)),
        ("sion", ("SN",)),
        ("sch", ("SK",)),
        ("ch", ("C", "K")),
        ("sh", ("S",)),
        ("th", ("T",)),
        ("ph", ("F",)),
        ("ck", ("K",)),
        ("qu", ("K",)),
        ("gh", ("",)),
        ("x", ("KS",)),
    ]
)
LETTER_SOUNDS = dict(zip("bdfjklmnpqrstvz", "BDFJKLMNPKRSTBJ", strict=True))
SHORTEST = 3  # sounds a word needs before it is matched: two match too many words by chance
BANGLA_WORD = re.compile(r"[\u0980-\u09FF]+")
BANGLA_VOWELS = "অআইঈউঊঋএঐওঔ"
# The English vowel letters a Bangla vowel (letter or sign) writes; "" is the vowel a consonant carries unwritten.
VOWEL_LETTERS = {
    "": "ao",
    **dict.fromkeys("অ", "ao"),
    **dict.fromkeys("আা", "ai"),  # লাইন, চাইল্ড: "i" sounded as "ai"
    **dict.fromkeys("ইঈিী", "iey"),
    **dict.fromkeys("উঊুূ", "uo"),
    **dict.fromkeys("এঐেৈ", "ea"),  # বেসলাইন, ট্রেন: "a" sounded as "ei"
    **dict.fromkeys("ওঔোৌ", "ou"),
    **dict.fromkeys("ঋৃ", "ir"),
    "\u09cd\u09af": "ae",  # য-ফলা: ফ্যাক্ট, অ্যাকাউন্ট
}


def bangla_sounds(word: str) -> str:
    """Return the consonant classes a Bangla word is written with, repeats merged (ফ্যাক্টশিট is FKTST)."""
    out = []
    for i, ch in enumerate(word):
        after_hasanta = i > 0 and word[i - 1] == HASANTA
        if after_hasanta and ch in "যব":  # য-ফলা and ব-ফলা change a vowel or double a consonant, not a sound
            continue
        sound = BANGLA_SOUNDS.get(ch, "")
        if sound and (not out or out[-1] != sound):
            out.append(sound)
    return "".join(out)


def bangla_first_vowel(word: str) -> str:
    """Return the English vowel letters the first vowel of a Bangla word may be written with (প্রগতি: "ao")."""
    if word[:3] == "অ\u09cd\u09af":
        return VOWEL_LETTERS["\u09cd\u09af"]
    if word[0] in BANGLA_VOWELS:
        return VOWEL_LETTERS[word[0]]
    i = 1
    while word[i : i + 1] == HASANTA and word[i + 1 : i + 2] != "য" and i + 2 < len(word):
        i += 2  # a conjunct: প্র, স্ক
    if word[i : i + 2] == "\u09cd\u09af":
        return VOWEL_LETTERS["\u09cd\u09af"]
    return VOWEL_LETTERS.get(word[i : i + 1], VOWEL_LETTERS[""])


def english_sounds(word: str) -> set[str]:
    """Return the consonant classes an English word may sound as, repeats merged (child is CLD or KLD)."""
    word = word.lower()
    forms = [""]
    i = 0
    while i < len(word):
        spelling = next((s for s in ENGLISH_SOUNDS if word.startswith(s, i)), "")
        if spelling:
            sounds = ENGLISH_SOUNDS[spelling]
            i += len(spelling)
        else:
            ch = word[i]
            following = word[i + 1 : i + 2]
            i += 1
            if ch == "c":
                sounds = ("S",) if following in ("e", "i", "y") else ("K",)
            elif ch == "g":
                sounds = ("J", "G") if following in ("e", "i", "y") else ("G",)
            else:
                sounds = (LETTER_SOUNDS.get(ch, ""),)
        forms = [f + s for f in forms for s in sounds][:8]
    return {re.sub(r"(.)\1+", r"\1", f) for f in forms}


class SoundIndex:
    """The English terms of a store by their sounds, to find the term a Bangla spelling of an English word means."""

    def __init__(self, terms: list[str]):
        self.by_sound: dict[tuple[bool, str], list[str]] = {}
        for term in terms:
            if len(term) >= 4 and term.isascii() and term.isalpha():
                for sound in english_sounds(term):
                    if len(sound) >= SHORTEST:
                        self.by_sound.setdefault((term[0] in "aeiou", sound), []).append(term)

    def match(self, stem: str) -> list[str]:
        """Return the English terms a Bangla word (stemmed) may spell: the same sounds and first vowel, both starting
        with a vowel or both not; an English stem may lack the last sound of a long word (রিফ্লেক্টিভ is reflect)."""
        sounds = bangla_sounds(stem)
        if len(sounds) < SHORTEST:
            return []
        vowel = stem[0] in BANGLA_VOWELS
        found = self.by_sound.get((vowel, sounds))
        if not found and len(sounds) > SHORTEST + 1:
            found = self.by_sound.get((vowel, sounds[:-1]))
        # The first vowel must agree too: পর্যন্ত is not print, কিস্তি is not cost.
        letters = bangla_first_vowel(stem)
        found = [t for t in found or [] if next((c for c in t if c in "aeiouy"), "") in letters]
        return sorted(set(found))[:2]
