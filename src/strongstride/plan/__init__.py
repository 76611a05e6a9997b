"""Routine -> the ordered steps of a session, with time estimates."""
