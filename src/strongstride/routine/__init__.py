"""The plain-text routine format: model, prescriptions, parsing, printing and import."""
