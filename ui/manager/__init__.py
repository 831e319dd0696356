"""The phrasebook manager window, its actions and dialogs."""
