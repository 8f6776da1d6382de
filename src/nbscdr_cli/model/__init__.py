"""Value types and their rules: errors, fixed choices, the catalog's types,
units, portfolio specs, and the settings of a Monte Carlo and of a period. No
file is read and nothing is computed here beyond checking a value."""
