"""What a viewer sees: text, tables, charts, downloads and the map."""
