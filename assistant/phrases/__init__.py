"""Phrases and books: the records, the store and use counts, merging, search, pinyin,
placeholders, lint and the checks on a phrase being edited."""
