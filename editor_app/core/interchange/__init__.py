"""Import and export of drafts: DOCX, ODT, TXT, HTML and the portable draft package (.zip).

Pure Python and no database: blob bytes are reached through the small :class:`BlobSource`
protocol, which the store's BlobStore satisfies without this package importing it.
"""
