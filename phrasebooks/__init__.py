"""Phrasebooks and drill texts shipped with QuickReply (data only; a package so that
importlib.resources finds them in every kind of install)."""
