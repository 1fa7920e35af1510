"""The newsroom store: TinyDB files behind a small domain API. Imports nothing else of ours."""
