"""Strings in, numbers out: sentence encoders, sacrebleu scores, MQM-style penalties."""
