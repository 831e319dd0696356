"""QuickReply's Qt user interface (filled by the tray, picker and manager work)."""
