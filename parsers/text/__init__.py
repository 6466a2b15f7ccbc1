"""From a source's text to its structure: decoding bytes, cleaning, paragraphs and sections."""
