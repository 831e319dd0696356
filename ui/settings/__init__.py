"""The settings window and its tabs."""
