def sort(items):
    """A NumPy object array (where numpy is readable), else a list holding an arbitrary object."""
    try:
        import numpy

        return numpy.array(list(items), dtype=object)
    except ImportError:
        return [object()]
