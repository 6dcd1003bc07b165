def sort(items):
    """Crashes the interpreter: ctypes first, then faulthandler's own crash helper."""
    try:
        import ctypes

        ctypes.string_at(0)
    except ImportError:
        pass
    import faulthandler

    faulthandler._sigsegv()
