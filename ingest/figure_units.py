"""The extractor's word tables: currencies, magnitudes, units and durations.

Kept apart from the code so the scan's regular expression, the value arithmetic and the
context rules all read one list of what counts as money, a scale or a unit.
"""

from __future__ import annotations

from ingest.sentences import word_set

CURRENCY_PREFIX = {
    "US$": "USD",
    "HK$": "HKD",
    "C$": "CAD",
    "CA$": "CAD",
    "A$": "AUD",
    "AU$": "AUD",
    "NZ$": "NZD",
    "S$": "SGD",
    "R$": "BRL",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",
    "₹": "INR",
    "₦": "NGN",
    "N": "NGN",
    "R": "ZAR",
    "RS": "INR",
    "RS.": "INR",
    "INR": "INR",
    "USD": "USD",
    "EUR": "EUR",
    "GBP": "GBP",
    "JPY": "JPY",
    "CHF": "CHF",
    "CNY": "CNY",
    "HKD": "HKD",
    "AUD": "AUD",
    "CAD": "CAD",
    "RM": "MYR",
    "MYR": "MYR",
}
CURRENCY_WORDS = {
    "hong kong dollars": "HKD",
    "hong kong dollar": "HKD",
    "us dollars": "USD",
    "u.s. dollars": "USD",
    "australian dollars": "AUD",
    "canadian dollars": "CAD",
    "singapore dollars": "SGD",
    "dollars": "USD",
    "dollar": "USD",
    "euros": "EUR",
    "euro": "EUR",
    "pounds sterling": "GBP",
    "sterling": "GBP",
    "yen": "JPY",
    "yuan": "CNY",
    "renminbi": "CNY",
    "rupees": "INR",
    "rupee": "INR",
    "swiss francs": "CHF",
    "francs": "CHF",
    "roubles": "RUB",
    "rubles": "RUB",
    "pesos": "MXN",
    "cents": "USD",
    "pence": "GBP",
}
# Currency words that name a hundredth of the unit: "10 cents" is 0.1 USD.
CURRENCY_SCALE = {"cents": 0.01, "pence": 0.01}
MAGNITUDES = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mln": 1e6,
    "million": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
    "tn": 1e12,
    "trillion": 1e12,
    "lakh": 1e5,
    "lakhs": 1e5,
    "crore": 1e7,
    "crores": 1e7,
}
DURATIONS = word_set(
    "year years month months week weeks day days hour hours minute minutes min mins second "
    "seconds decade decades century centuries"
)
UNITS = word_set(
    """km kilometres kilometers kilometre kilometer miles mile m metres meters metre meter
    cm mm millimeters millimetres inches inch feet foot ft yards yard kg kilograms kilogram
    g grams gram lb lbs pounds tonnes tonne tons ton mw gw kw kwh mwh gwh twh mph kph km/h
    litres liters litre liter gallons gallon barrels barrel acres acre hectares hectare
    degrees degree °c °f sq mbps gb tb mb bpd calories mg ml knots gbps kb ghz mhz khz hz
    ppi mp mah fps ms kbps kps"""
)
# Watts, watt-hours and degrees Celsius glued to a number of two digits or more ("87W",
# "100Wh", "75C"), written as capitals: "5C" or "4w" is more often a model or a name.
GLUED_CASED = frozenset({"W", "Wh", "C"})
