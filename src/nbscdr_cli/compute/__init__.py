"""Plain functions over the model's types: portfolio sums and scopes, the course
over a period, the uncertainty of totals (distributions, Monte Carlo,
convolution), and the checks that every result is finite. Nothing here reads a
file or writes text."""
