"""Speech to timed words: the Whisper call, model resolution, filler recovery, typed answers."""
