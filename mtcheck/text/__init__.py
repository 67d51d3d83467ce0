"""Text analyses shared by every rule: segmentation, alignment, language identification."""
