"""English: the tables every stage reads (dates for the tagger; sentences, names and event
words for the events stage)."""
