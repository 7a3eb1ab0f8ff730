"""Who acts and what they may do: actors, users, the authorization matrix, the login guard."""
