# Plan documents read by `referat themes import` (see src/link/plan_import.cpp).

# The sub-heading of a theme's section whose paragraph becomes the theme's description:
# "Formål", "Formål:", "Formålet"
plan.purpose ^(?i:formål(?:et)?)\s*:?$
# Where the last theme's section ends: "Bilag", "Bilag: Resultater vedr. lovmedholdelighed"
plan.appendix ^(?i:bilag)(?:\s*\d*\s*:.*)?$
