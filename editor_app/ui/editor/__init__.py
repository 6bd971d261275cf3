"""The article editor: fields, generated metadata form, rich-text body, attachments, preview,
findings, version history, and the controller that autosaves it all through the DB worker."""
