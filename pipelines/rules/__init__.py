"""Rule tables of the text stages: named patterns and thresholds, each with a one-line reason."""
