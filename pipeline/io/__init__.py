"""Input and storage: reading releases, the output folder, the pipeline fingerprint."""
