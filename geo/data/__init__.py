"""The data stage: read the tables and layers, check them, join figures to places, build the layers."""
