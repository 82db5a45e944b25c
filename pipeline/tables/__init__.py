"""The tables: their schema (the one source of every table), the records the components
produce, and the rows built from them."""
