"""The X11 backends (python-xlib): hotkeys, keys, the active window, the window watcher."""
