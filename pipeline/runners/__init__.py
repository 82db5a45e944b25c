"""Running the pipeline: building it from config, extracting batches, the engines, `pressx run`."""
