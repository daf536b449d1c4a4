"""Polarity analysis for the negation checks: cue lexicons, cue and scope finders for English and
Arabic, and the contrastive probes that test a suspected inversion with the sentence encoder.

lexicon  - the shipped TSVs (reference/negation/) loaded into lookup tables
english  - English tokens, negation cues with their scope and head, antonym words, flipped sources
arabic   - the same for Arabic (particles, copula forms, غير/عدم, restrictive إلا, the NPI أي)
contrast - per pair: match cues across languages, list the candidate inversions and their probes
"""
