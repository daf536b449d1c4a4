"""Polarity analysis for the negation checks: cue lexicons, cue and scope finders for English and
Arabic, antonym words, and the contrastive probes and decision that test a suspected inversion.

lexicon    - the shipped TSVs (reference/negation/) loaded into lookup tables
morphology - the Arabic inflections of an antonym lexeme, slot by slot
english    - English tokens, negation cues with their scope and head, sources with a cue flipped
arabic     - the same for Arabic (particles, copula forms, غير/عدم, restrictive إلا, the NPI أي, glued particles)
matching   - which English cue renders which Arabic cue (class compatibility and position)
antonyms   - antonym words of both sides, their polarity, and the reversals between them
contrast   - per pair: the candidate inversions, their lexical features and their probes
decision   - the fitted logistic model per kind (reference/negation/model.json) and the severities
"""
