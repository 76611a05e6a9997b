"""The guided player: a pure state machine over a session plan, driven by an injected clock."""
