"""One reader per source site or file format: bytes of a saved input -> SourceText."""
