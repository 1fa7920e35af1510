"""Getting articles in: cleaning, fetching, feeds, and finding quotes and figures in text."""
