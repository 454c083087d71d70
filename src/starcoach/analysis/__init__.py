"""Pure analysis of one answer: STAR sections, fillers, red flags, pace, question checks.

``analyze`` (in ``analyzer.py``) runs every rule; each rule is a pure function in its own module.
"""

from starcoach.analysis.analyzer import analyze
from starcoach.analysis.model import Analysis, AnalysisOptions

__all__ = ["analyze", "Analysis", "AnalysisOptions"]
