"""Reading the output: SQL views, `pressx show`, the HTML report and its charts, `pressx check`."""
