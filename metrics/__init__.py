"""Strings in, numbers out: sentence encoders, sacrebleu scores, MQM-style penalties."""

import os

# OpenBLAS threads spin for about 2**28 cycles after each product before they sleep; at 2**10 they
# sleep at once, as fast alone (measured), and the core an encoder leaves idle while it tokenizes
# is free for the checks (qa.parallel). Read when numpy loads, so set here, before any import of it.
os.environ.setdefault("OPENBLAS_THREAD_TIMEOUT", "10")
