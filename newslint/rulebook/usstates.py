"""The US states and territories: postal code, name and AP abbreviation ("D-Wash.").

Read by the Congress import (to name jurisdictions) and by the party check (to read a
party tag's state), so the lint path does not import the importer.
"""

from __future__ import annotations

# Postal code -> name, AP abbreviation (as in "Sen. Maria Cantwell, D-Wash."). Territories and
# the District of Columbia send delegates to the House.
STATES: dict[str, tuple[str, str]] = {
    "AL": ("Alabama", "Ala."), "AK": ("Alaska", "Alaska"), "AZ": ("Arizona", "Ariz."),
    "AR": ("Arkansas", "Ark."), "CA": ("California", "Calif."), "CO": ("Colorado", "Colo."),
    "CT": ("Connecticut", "Conn."), "DE": ("Delaware", "Del."), "FL": ("Florida", "Fla."),
    "GA": ("Georgia", "Ga."), "HI": ("Hawaii", "Hawaii"), "ID": ("Idaho", "Idaho"),
    "IL": ("Illinois", "Ill."), "IN": ("Indiana", "Ind."), "IA": ("Iowa", "Iowa"),
    "KS": ("Kansas", "Kan."), "KY": ("Kentucky", "Ky."), "LA": ("Louisiana", "La."),
    "ME": ("Maine", "Maine"), "MD": ("Maryland", "Md."), "MA": ("Massachusetts", "Mass."),
    "MI": ("Michigan", "Mich."), "MN": ("Minnesota", "Minn."), "MS": ("Mississippi", "Miss."),
    "MO": ("Missouri", "Mo."), "MT": ("Montana", "Mont."), "NE": ("Nebraska", "Neb."),
    "NV": ("Nevada", "Nev."), "NH": ("New Hampshire", "N.H."), "NJ": ("New Jersey", "N.J."),
    "NM": ("New Mexico", "N.M."), "NY": ("New York", "N.Y."), "NC": ("North Carolina", "N.C."),
    "ND": ("North Dakota", "N.D."), "OH": ("Ohio", "Ohio"), "OK": ("Oklahoma", "Okla."),
    "OR": ("Oregon", "Ore."), "PA": ("Pennsylvania", "Pa."), "RI": ("Rhode Island", "R.I."),
    "SC": ("South Carolina", "S.C."), "SD": ("South Dakota", "S.D."), "TN": ("Tennessee", "Tenn."),
    "TX": ("Texas", "Texas"), "UT": ("Utah", "Utah"), "VT": ("Vermont", "Vt."),
    "VA": ("Virginia", "Va."), "WA": ("Washington", "Wash."), "WV": ("West Virginia", "W.Va."),
    "WI": ("Wisconsin", "Wis."), "WY": ("Wyoming", "Wyo."), "DC": ("District of Columbia", "D.C."),
    "PR": ("Puerto Rico", "P.R."), "GU": ("Guam", "Guam"), "VI": ("U.S. Virgin Islands", "V.I."),
    "AS": ("American Samoa", "American Samoa"), "MP": ("Northern Mariana Islands", "N. Mariana Islands"),
}  # fmt: skip
