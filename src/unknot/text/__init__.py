"""The text layer: a person's words as normalised tokens, the pattern language that
rules and the lexicon are written in, negation, and the scope of a finding (whose
body, and whether it is still going on).

It sits below both the safety rules and the intake: text → safety → intake → planner.
"""
