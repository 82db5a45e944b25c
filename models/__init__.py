"""pressx rule data: patterns, lexicons and gazetteers as versioned files
(read by ``pressx.text.resources``)."""
