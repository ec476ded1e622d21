"""Loading: source files into plain data that remembers where each value stood."""
