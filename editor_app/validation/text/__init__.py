"""The TCVN 6909 text engine: legacy Vietnamese encodings, detection, conversion and text checks.

Public entry points (import the module you need; nothing is imported here so the CLI starts fast):
``codecs`` (decode_bytes, decode_chars, encode_text), ``detect`` (detect_bytes, detect_text),
``convert`` (to_unicode, to_unicode_bytes, convert_stream), ``tones``, ``syllables``, ``checks``.
"""
