"""Sample articles bundled with newsroom, imported into an empty store on first run."""
