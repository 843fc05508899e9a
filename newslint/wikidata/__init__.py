"""Seeding the rulebook from Wikidata: queries, their JSON results, and rule facts built from them."""
