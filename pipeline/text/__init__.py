"""Text helpers shared by the components and the readers: names, patterns, numbers, dates,
ids, language and the rule data."""
