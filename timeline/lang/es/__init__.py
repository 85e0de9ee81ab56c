"""Spanish: the tagger's date words (``dates``), read by the table-driven tagger."""
