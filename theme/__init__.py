"""The Babillard theme: Jinja2 templates, CSS, and the Python side they need (strings, filters)."""
