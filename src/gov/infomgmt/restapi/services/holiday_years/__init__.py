"""@holiday-years: the years of the State Council arrangement; POST reads a notice, saves on confirm."""
