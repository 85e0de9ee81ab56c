"""English words for telling the language of a text (``timeline.lang.detect``).

Words common in any English prose and rare in other languages' text (no "a", "in", "is",
"on" or "no", which other languages write too): where they make up a large share of the
words, the text is English without asking the language model."""

STOP_WORDS = frozenset(
    """the and of to that with which said were would been have has from this they their
    its his was are for by""".split()
)
