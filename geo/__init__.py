"""Sourced geodata of Xinjiang's ports, rail corridors and free-trade zones."""
