"""Spanish date words for the table-driven tagger (``timeline/timex/generic.py``).

Written from the conventions of the Spanish TimeBank: a determiner or contraction before a
date is part of the timex ("el 19 de mayo", "del Sábado", "al 11 de septiembre", "la semana
pasada"), weeks are ISO weeks (2000-W21), "hace diez años" is the year ten years back and
"hace unos días" a vague duration (PXD).
"""

MONTHS = {
    "enero": 1,
    "febrero": 2,
    "marzo": 3,
    "abril": 4,
    "mayo": 5,
    "junio": 6,
    "julio": 7,
    "agosto": 8,
    "septiembre": 9,
    "setiembre": 9,
    "octubre": 10,
    "noviembre": 11,
    "diciembre": 12,
}
WEEKDAYS = {
    "lunes": 1,
    "martes": 2,
    "miércoles": 3,
    "miercoles": 3,
    "jueves": 4,
    "viernes": 5,
    "sábado": 6,
    "sabado": 6,
    "domingo": 7,
}
NUMBERS = {
    "un par de": 2,  # "un par de horas": PT2H
    "un": 1,
    "una": 1,
    "uno": 1,
    "dos": 2,
    "tres": 3,
    "cuatro": 4,
    "cinco": 5,
    "seis": 6,
    "siete": 7,
    "ocho": 8,
    "nueve": 9,
    "diez": 10,
    "once": 11,
    "doce": 12,
    "trece": 13,
    "catorce": 14,
    "quince": 15,
    "dieciséis": 16,
    "diecisiete": 17,
    "dieciocho": 18,
    "diecinueve": 19,
    "veinte": 20,
    "veinticinco": 25,
    "treinta": 30,
    "cuarenta": 40,
    "cincuenta": 50,
    "sesenta": 60,
    "setenta": 70,
    "ochenta": 80,
    "noventa": 90,
    "cien": 100,
    "ciento": 100,
    "mil": 1000,
}
# a count the text does not give: "unos días" is PXD
VAGUE_NUMBERS = (
    "unos",
    "unas",
    "varios",
    "varias",
    "algunos",
    "algunas",
    "muchos",
    "muchas",
    "pocos",
    "pocas",
    "tantos",
    "tantas",
)
# unit word -> (TIMEX3 duration letter, calendar unit name)
UNITS = {
    "segundo": ("S", "second"),
    "segundos": ("S", "second"),
    "minuto": ("M", "minute"),
    "minutos": ("M", "minute"),
    "hora": ("H", "hour"),
    "horas": ("H", "hour"),
    "día": ("D", "day"),
    "días": ("D", "day"),
    "semana": ("W", "week"),
    "semanas": ("W", "week"),
    "mes": ("M", "month"),
    "meses": ("M", "month"),
    "trimestre": ("Q", "quarter"),
    "trimestres": ("Q", "quarter"),
    "año": ("Y", "year"),
    "años": ("Y", "year"),
    "década": ("DE", "decade"),
    "decenio": ("DE", "decade"),
    "decenios": ("DE", "decade"),
    "décadas": ("DE", "decade"),
    "siglo": ("CE", "century"),
    "siglos": ("CE", "century"),
}
# words before a date that TimeML-es puts inside the span
DETERMINERS = ("el", "la", "los", "las", "del", "al", "este", "esta", "estos", "estas")
# "este año" is the DCT's year, "ese día" the day last mentioned
THIS = ("este", "esta", "estos", "estas")
THAT = ("ese", "esa", "aquel", "aquella", "mismo", "misma")
# before or after the unit: "el pasado lunes", "el lunes pasado", "la próxima semana"
PREVIOUS = ("pasado", "pasada", "último", "última", "anterior", "previo", "previa")
NEXT = ("próximo", "próxima", "que viene", "siguiente", "venidero", "venidera", "entrante")
# "anterior", "siguiente" count from the date last mentioned, not from the DCT
ANAPHORIC = ("anterior", "siguiente", "previo", "previa")
AGO = ("hace",)  # before the count: "hace dos años"
AGO_AFTER = ()  # after the count ("два года назад")
LATER = ("dentro de",)  # "dentro de tres días"
DURING = ("durante",)  # left out of the span: "durante tres meses" is "tres meses"
# deictic days: offset from the DCT ("mañana" the morning is a part of day: see PARTS_OF_DAY)
DEICTIC_DAYS = {"hoy": 0, "ayer": -1, "anteayer": -2, "antier": -2, "mañana": 1, "pasado mañana": 2}
TONIGHT = ("anoche",)  # the night before the DCT
PRESENT_REF = (
    "ahora",
    "actualmente",
    "la actualidad",
    "hoy por hoy",
    "hoy en día",
    "hoy día",
    "estos momentos",
    "este momento",
    "el momento",
    "estos días",
    "actual",
    "actuales",
)
PAST_REF = (
    "el pasado",
    "del pasado",
    "antaño",
    "recientemente",
    "últimamente",
    "ultimamente",
    "entonces",
    "recién",
    "reciente",
    "recientes",
)
# an adjective alone before an event noun: "la pasada Cumbre", "la próxima temporada"
ADJECTIVE_REFS = {
    "pasado": "PAST_REF",
    "pasada": "PAST_REF",
    "próximo": "FUTURE_REF",
    "próxima": "FUTURE_REF",
    "próximos": "FUTURE_REF",
    "próximas": "FUTURE_REF",
}
FUTURE_REF = (
    "el futuro",
    "futuro",
    "futura",
    "futuros",
    "futuras",
    "próximamente",
    "largo plazo",
    "medio plazo",
    "corto plazo",
    "algún día",
    "cualquier momento",
)
PARTS_OF_DAY = {
    "mañana": "MO",
    "madrugada": "MO",
    "mediodía": "MI",
    "tarde": "AF",
    "noche": "NI",
}
# "principios de mayo": the value is May; TimeML keeps the modifier apart
MODIFIERS = {
    "principios": "START",
    "comienzos": "START",
    "inicios": "START",
    "mediados": "MID",
    "finales": "END",
    "fines": "END",
}
EACH = ("cada", "todos los", "todas las")
SET_WORDS = {
    "anual": "P1Y",
    "anuales": "P1Y",
    "anualmente": "P1Y",
    "mensual": "P1M",
    "mensuales": "P1M",
    "mensualmente": "P1M",
    "semanal": "P1W",
    "semanales": "P1W",
    "semanalmente": "P1W",
    "a diario": "P1D",
    "diaria": "P1D",  # not "diario(s)": also the newspaper
    "diarias": "P1D",
    "diariamente": "P1D",
    "al año": "P1Y",
    "al mes": "P1M",
    "al día": "P1D",
    "a la semana": "P1W",
    "por año": "P1Y",
    "por mes": "P1M",
}
DECADES = {
    "veinte": 2,
    "treinta": 3,
    "cuarenta": 4,
    "cincuenta": 5,
    "sesenta": 6,
    "setenta": 7,
    "ochenta": 8,
    "noventa": 9,
}
# "la década de los noventa", "los años ochenta"
DECADE_WORDS = ("década de los", "década de", "años")
# joins a day, its month and year: "19 de mayo de 2000", "septiembre del 2001"
OF = ("de", "del")
CENTURY_WORD = ("siglo",)  # "el siglo XIX"
# the seasons, as TIMEX3's SP SU FA WI (0-3): "la primavera de 1983", "este verano"
SEASONS = {"primavera": 0, "verano": 1, "otoño": 2, "invierno": 3}
# a quarter or half by its ordinal: "el primer trimestre", "el último semestre" (-1: the last)
ORDINALS = {
    "primer": 1,
    "primero": 1,
    "segundo": 2,
    "tercer": 3,
    "tercero": 3,
    "cuarto": 4,
    "último": -1,
}
YEAR_PARTS = {"trimestre": ("Q", "quarter"), "semestre": ("H", "half")}  # "el siglo XIX"
YEAR_WORD = ("año",)  # "el año 2000"
MONTH_WORD = ("mes de",)  # "el mes de noviembre de 1999"
DAY_WORD = ("día",)  # "el día 8"
# inside the span before a count: "más de un año"
APPROX = ("más de", "menos de", "casi", "unos", "unas", "alrededor de", "cerca de")
# between a count and its unit, still one duration: "los 100 primeros días" (P100D)
COUNT_ADJECTIVES = ("primeros", "primeras", "últimos", "últimas", "pasados", "pasadas")
# a plural unit without a count, a vague duration when framed: "durante años", "días después"
PLURAL_UNITS = ("años", "meses", "semanas", "días", "horas", "minutos")
VAGUE_BEFORE = ("durante", "llevan", "lleva", "llevaba", "llevaban")
VAGUE_AFTER = ("después", "antes", "más tarde")
# unit words that are ordinals too: before a noun, "un segundo debate" is no duration
ORDINAL_UNITS = ("segundo", "segundos")
AND = ("y",)  # one duration of two units: "dos horas y 30 minutos"
CLOCK_WORDS = ("hora local", "horas locales", "horas", "hora", "h", "gmt", "utc")
# tense from verb morphology: a future or conditional ending, "va a"; else the clause is past
FUTURE_CUES = (
    r"\w+(?:rá|rán|remos|réis|rás|ré|ría|rían)\b|\b(?:va|van|vamos|iba|iban)\s+a\b"
    r"|\bprevist[oa]s?\b|\bproyect|\bpróxim"
)
# before a weekday, these look ahead unless the clause is in the past: "para el domingo"
FORWARD = ("para", "hasta", "a partir")
PAST_CUES = r"\w+(?:ó|aron|ieron|ió|aba|aban|ía|ían)\b|\b(?:ha|han|había|habían)\s+\w+[ai]do\b"
FIXED_HOLIDAYS = {
    "navidad": (12, 25),
    "nochebuena": (12, 24),
    "nochevieja": (12, 31),
    "año nuevo": (1, 1),
    "primero de mayo": (5, 1),
    "día del trabajo": (5, 1),
    "día de reyes": (1, 6),
}
