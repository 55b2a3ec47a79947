"""objection-tracker: nobody who wanted out of "AI at Meta" training is left with a forgotten account."""

__version__ = "0.1.0"
