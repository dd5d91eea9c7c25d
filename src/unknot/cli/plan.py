"""Placeholder: commands are added by their module owner."""
