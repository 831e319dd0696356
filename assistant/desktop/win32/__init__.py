"""The Windows backends (ctypes): hotkeys by RegisterHotKey, keys by SendInput, the
foreground window."""
