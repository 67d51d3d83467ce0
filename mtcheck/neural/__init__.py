"""The neural family (mtcheck[neural]): imported only when it is turned on; see mtcheck/neural_support.py."""
