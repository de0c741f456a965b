"""The disclosure review: the rules that XML cannot say, and what happens on transitions."""
