# A list of a million ints too large for str(): about 2 GB once encoded, more than the frame cap and the
# worker's memory. It must end as a limit of the submission, not as the judge's failure.
def sort(items):
    return [10 ** 5000] * 10 ** 6
