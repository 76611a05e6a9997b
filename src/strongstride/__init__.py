"""strongstride: a strength-training companion for runners."""

__version__ = "0.1.0"
