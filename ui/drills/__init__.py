"""The typing-drill window and its pages."""
