"""Errors that reach the user as a message and exit status 2, never as a stack trace."""


class InputError(Exception):
    """Bad input or usage: the message names the file (or row) and the problem."""
