"""Inserting a reply: the picker, the placeholder dialog, the conversation guard and the
inserter that pastes and gives the clipboard back."""
