"""The follow-up desk: tagged items across articles, gathered for views and exports.

Pure domain code over the store (no textual), shared by the app and the CLI.
"""
