"""starcoach: rehearse spoken interview answers and get an honest coach's feedback, offline."""

__version__ = "0.1.0"
