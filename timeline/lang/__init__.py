"""The words of each language, as data: ``lang/<code>/`` holds one language's tables.

Code never spells a language's words itself; it reads them from here, so adding a language
is adding a folder of tables (the tagger's dates, the events' event words and name cues).
"""
