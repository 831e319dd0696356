"""Team windows: subscriptions and the team report."""
