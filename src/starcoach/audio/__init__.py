"""Audio in and out: decode and encode, WAV writing and repair, levels, meter, recorder."""
