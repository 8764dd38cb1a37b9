"""The demo content that ``make demo`` loads: texts in devdata/data/, rows made by loader.py."""
