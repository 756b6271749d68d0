"""Imported by the forkserver of ``plankg load --jobs N`` (``plankg.ingest.worker_pool``): parses
one tiny document, so that every worker forked from that server starts with jieba's dictionary,
the division table and the word lists already built, instead of building them itself."""
from plankg.ingest import warm

warm()
