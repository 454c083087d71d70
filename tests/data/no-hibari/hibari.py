"""Put this folder first on PYTHONPATH to run starcoach as if hibari-tts were not installed."""

raise ImportError("No module named 'hibari'", name="hibari")
