"""What a team shares: published books and subscriptions, an agent's statistics and
the team report made from many agents' exports."""
