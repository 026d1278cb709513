"""From a new article to reviewed rows of the figures table."""
