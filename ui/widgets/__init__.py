"""Widgets several windows share: the hotkey field, and the figures, bar charts, tables
and colours of the statistics, team report and drill windows."""
