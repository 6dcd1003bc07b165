"""The report writers, one module per format: text (for a person), junit, exercism, gradescope, markdown.

What every format shares (escaping unprintable characters, truncation, verdict labels, a failure's text) is in
`judge.reports.common`, so a hostile submission's output is shown the same way in each of them.
"""
