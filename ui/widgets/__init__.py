"""Widgets several windows share."""
