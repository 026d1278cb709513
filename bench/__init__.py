"""The project's benchmark: how fast the map loads and answers a filter, from 16 ports to 100,000."""
