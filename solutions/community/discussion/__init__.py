"""Talking about solutions: comments, reports and their moderation, shared by help requests."""
