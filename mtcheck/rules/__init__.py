"""Detectors, one module per family. The registry (mtcheck.registry) lists them explicitly."""
