"""pressx rule data: patterns, lexicons and gazetteers as versioned files (pressx.resources)."""
