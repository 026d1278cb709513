"""The project's own exceptions."""


class DataError(ValueError):
    """A data file breaks the project's rules; the message names file, feature and field."""


class FilterError(ValueError):
    """A filter asks for a value the data cannot hold (for example from a hand-edited link)."""


class AssetError(FileNotFoundError):
    """The map's browser assets (Leaflet) are missing or asked for in an unknown way."""
