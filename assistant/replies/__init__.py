"""Putting a reply into a chat: which conversation it goes into, the trade's limit of
3 to 5 quick replies, and the steps that insert it."""
