"""The code behind `invoke` tasks that is more than a few lines: tasks.py stays the manual."""
