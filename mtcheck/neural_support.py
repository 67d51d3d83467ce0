"""The bridge from the torch-free core to `mtcheck.neural`: whether the extra is installed, and one encoder
per process and settings, loaded on first use. Importing this module imports no torch."""

from __future__ import annotations

import importlib.util
from typing import Any

from mtcheck.config import NeuralSettings
from mtcheck.errors import InputError

INSTALL_HINT = ("the neural rules need the neural extra: pip install torch==2.13.0 && "
                "pip install 'mtcheck[neural]' (install torch first: a bare torch pulls a CUDA build)")
_ENCODERS: dict[NeuralSettings, Any] = {}


def neural_available() -> bool:
    return all(importlib.util.find_spec(m) is not None for m in ("torch", "transformers", "safetensors"))


def require_neural() -> None:
    if not neural_available():
        raise InputError(f"--neural: {INSTALL_HINT}")


def get_encoder(settings: NeuralSettings) -> Any:
    """The encoder for these settings, loaded (and on first use converted) once per process."""
    if settings not in _ENCODERS:
        require_neural()
        from mtcheck.neural.encoder import load_encoder

        try:
            _ENCODERS[settings] = load_encoder(settings.model, settings.device, settings.batch_size,
                                               settings.threads)
        except (OSError, ValueError, RuntimeError, ImportError) as e:
            raise InputError(f"neural model '{settings.model}': cannot load it: {e}") from None
    return _ENCODERS[settings]
