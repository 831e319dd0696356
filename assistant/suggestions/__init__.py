"""Replies suggested from the buyer's message: ranked from the phrasebooks (``ranking``)
and from what the agent chose after similar questions (``feedback``)."""
