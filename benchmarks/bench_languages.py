"""Speed of the tagger and of the per-article stages in other languages, as a ratio to English.

The same news, told in parallel sentences in English, Spanish, German, Russian and French
(written for this benchmark: a vote, a release, a meeting, a report, with dates in each
language's own forms: "15 February 2025", "el 15 de febrero de 2025", "am 15. Februar 2025",
"15 февраля 2025 года", "le 15 février 2025", "two weeks ago", "vor zwei Wochen", ...), is
made into ``--articles`` articles per language whose dates, numbers and names vary. In one
process, passes over the languages alternate (best of ``--repeat``), so load on the machine
weighs on all of them alike, and each language's seconds per character is divided by
English's:

- ``tag``: ``timeline.timex.tag(text, dct, language=...)``, the language given;
- ``analyse``: what ``extract`` does per article (``timeline.parallel.analyse``): language
  detection, tagging, events;
- ``detect``: the language detection alone (``timeline.lang.detect.detect_language``).

    python benchmarks/bench_languages.py [--articles N] [--repeat N] [--json]

``--json`` also writes benchmarks/results/bench_languages.json (gitignored).
"""

from __future__ import annotations

import argparse
import json
import random
import time
from datetime import date, timedelta
from pathlib import Path

from timeline.lang.detect import detect_language
from timeline.model import Article
from timeline.parallel import analyse
from timeline.timex import tag

RESULTS = Path(__file__).resolve().parent.parent / "benchmarks" / "results"
DCT = date(2025, 3, 6)

MONTHS = {
    "en": "January February March April May June July August September October November December",
    "es": "enero febrero marzo abril mayo junio julio agosto septiembre octubre noviembre "
    "diciembre",
    "de": "Januar Februar März April Mai Juni Juli August September Oktober November Dezember",
    "ru": "января февраля марта апреля мая июня июля августа сентября октября ноября декабря",
    "fr": "janvier février mars avril mai juin juillet août septembre octobre novembre décembre",
}
WEEKDAYS = {
    "en": "Monday Tuesday Wednesday Thursday Friday Saturday Sunday",
    "es": "lunes martes miércoles jueves viernes sábado domingo",
    "de": "Montag Dienstag Mittwoch Donnerstag Freitag Samstag Sonntag",
    "ru": "понедельник вторник среду четверг пятницу субботу воскресенье",
    "fr": "lundi mardi mercredi jeudi vendredi samedi dimanche",
}
NUMBERS = {
    "en": "two three four",
    "es": "dos tres cuatro",
    "de": "zwei drei vier",
    "ru": "две три четыре",
    "fr": "deux trois quatre",
}


def full_date(language: str, day: date) -> str:
    month = MONTHS[language].split()[day.month - 1]
    return {
        "en": f"{day.day} {month} {day.year}",
        "es": f"el {day.day} de {month} de {day.year}",
        "de": f"am {day.day}. {month} {day.year}",
        "ru": f"{day.day} {month} {day.year} года",
        "fr": f"le {day.day} {month} {day.year}",
    }[language]


def month_year(language: str, day: date) -> str:
    month = MONTHS[language].split()[day.month - 1]
    if language == "ru":
        month = "январе феврале марте апреле мае июне июле августе сентябре октябре ноябре декабре"
        month = month.split()[day.month - 1]
        return f"в {month} {day.year} года"
    return {"en": "in", "es": "en", "de": "im", "fr": "en"}[language] + f" {month} {day.year}"


# One article: the same eight sentences in each language ({name}, {city}, dates, numbers).
SENTENCES = {
    "en": [
        "The city council of {city} approved the new budget on {date1} after a long debate.",
        "Mayor {name} said on {weekday} that the plan would cost {n} million euros.",
        "The opposition had rejected a first draft {month1}.",
        "{weeks} weeks ago thousands of residents protested in front of the town hall.",
        "The old bridge, opened in {year}, will be closed from {date2} for repairs.",
        "According to the report, traffic grew by {n} percent last year.",
        "The works are expected to end in {year2}, the council said.",
        "A second vote is planned for {date3}.",
    ],
    "es": [
        "El ayuntamiento de {city} aprobó el nuevo presupuesto {date1} tras un largo debate.",
        "La alcaldesa {name} dijo el {weekday} que el plan costará {n} millones de euros.",
        "La oposición había rechazado un primer borrador {month1}.",
        "Hace {weeks} semanas miles de vecinos protestaron frente al ayuntamiento.",
        "El viejo puente, inaugurado en {year}, se cerrará desde {date2} por obras.",
        "Según el informe, el tráfico creció un {n} por ciento el año pasado.",
        "Las obras terminarán en {year2}, informó el ayuntamiento.",
        "Una segunda votación está prevista para {date3}.",
    ],
    "de": [
        "Der Stadtrat von {city} hat den neuen Haushalt {date1} nach langer Debatte beschlossen.",
        "Bürgermeisterin {name} sagte am {weekday}, der Plan koste {n} Millionen Euro.",
        "Die Opposition hatte einen ersten Entwurf {month1} abgelehnt.",
        "Vor {weeks} Wochen protestierten Tausende Anwohner vor dem Rathaus.",
        "Die alte Brücke, eröffnet {year}, wird {date2} für Reparaturen gesperrt.",
        "Laut dem Bericht wuchs der Verkehr im vergangenen Jahr um {n} Prozent.",
        "Die Arbeiten sollen {year2} enden, teilte die Stadt mit.",
        "Eine zweite Abstimmung ist {date3} geplant.",
    ],
    "ru": [
        "Городской совет {city} утвердил новый бюджет {date1} после долгих дебатов.",
        "Мэр {name} заявила в {weekday}, что план обойдётся в {n} миллионов евро.",
        "Оппозиция отклонила первый проект {month1}.",
        "{weeks} недели назад тысячи жителей протестовали у здания мэрии.",
        "Старый мост, открытый в {year} году, закроют на ремонт {date2}.",
        "Согласно докладу, движение в прошлом году выросло на {n} процентов.",
        "Работы должны завершиться в {year2} году, сообщили в совете.",
        "Второе голосование запланировано на {date3}.",
    ],
    "fr": [
        "Le conseil municipal de {city} a adopté le nouveau budget {date1} après un long débat.",
        "La maire {name} a déclaré {weekday} que le plan coûterait {n} millions d'euros.",
        "L'opposition avait rejeté un premier projet {month1}.",
        "Il y a {weeks} semaines, des milliers d'habitants ont manifesté devant la mairie.",
        "Le vieux pont, inauguré en {year}, sera fermé à partir du {date2} pour travaux.",
        "Selon le rapport, le trafic a augmenté de {n} pour cent l'an dernier.",
        "Les travaux devraient s'achever en {year2}, a indiqué le conseil.",
        "Un second vote est prévu {date3}.",
    ],
}
NAMES = "Anna Keller|Maria Lopez|Olga Smirnova|Claire Martin|Eva Novak|Lena Berg".split("|")
CITIES = "Auenfeld|Villanueva|Brennsk|Montclair|Lindau|Ostrava|Valmont".split("|")
# the same names in Cyrillic, for the Russian articles
NAMES_RU = "Анна Келлер|Мария Лопес|Ольга Смирнова|Клэр Мартен|Ева Новак|Лена Берг".split("|")
CITIES_RU = "Ауэнфельда|Вильянуэвы|Бреннска|Монклера|Линдау|Остравы|Вальмона".split("|")


def article(language: str, rng: random.Random) -> str:
    def day() -> date:
        return date(2018, 1, 1) + timedelta(days=rng.randrange(2900))

    weeks = rng.randrange(3)
    names, cities = (NAMES_RU, CITIES_RU) if language == "ru" else (NAMES, CITIES)
    fields = {
        "city": rng.choice(cities),
        "name": rng.choice(names),
        "date1": full_date(language, day()),
        "date2": full_date(language, day()),
        "date3": full_date(language, day()),
        "month1": month_year(language, day()),
        "weekday": WEEKDAYS[language].split()[rng.randrange(7)],
        "weeks": NUMBERS[language].split()[weeks],
        "n": str(rng.randrange(2, 90)),
        "year": str(rng.randrange(1950, 2000)),
        "year2": str(rng.randrange(2026, 2032)),
    }
    if language == "fr":
        fields["date2"] = fields["date2"].removeprefix("le ")
    sentences = (s.format(**fields) for s in SENTENCES[language])
    return " ".join(s[0].upper() + s[1:] for s in sentences)


def corpus(language: str, n: int, seed: int = 0) -> list[str]:
    rng = random.Random(seed)  # the same draws for every language
    return [article(language, rng) for _ in range(n)]


def timed(run, texts: list[str]) -> float:
    began = time.perf_counter()
    for text in texts:
        run(text)
    return time.perf_counter() - began


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()
    texts = {code: corpus(code, args.articles) for code in SENTENCES}
    stages = {
        "tag": lambda code: lambda text: tag(text, DCT, language=code),
        "analyse": lambda code: lambda text: analyse(Article(text=text, published=DCT)),
        "detect": lambda code: detect_language,
    }
    for code, items in texts.items():  # warm up: tables built, detector loaded
        for stage in stages.values():
            timed(stage(code), items[:5])
        detected = {detect_language(text) for text in items}
        assert detected == {code}, (code, detected)
    best = {(s, c): float("inf") for s in stages for c in texts}
    for _ in range(args.repeat):
        for stage, make in stages.items():
            for code, items in texts.items():
                best[stage, code] = min(best[stage, code], timed(make(code), items))
    chars = {code: sum(map(len, items)) for code, items in texts.items()}
    results = {}
    print(f"{args.articles} articles per language, best of {args.repeat} alternating passes")
    print(f"{'':8}" + "".join(f"{code:>18}" for code in texts))
    for stage in stages:
        per_char = {c: best[stage, c] / chars[c] for c in texts}
        ratio = {c: per_char[c] / per_char["en"] for c in texts}
        speed = {c: chars[c] / best[stage, c] / 1000 for c in texts}
        print(f"{stage:8}" + "".join(f"{speed[c]:>9.0f} kch/s {ratio[c]:4.2f}x" for c in texts))
        results[stage] = {"kchars_per_s": speed, "ratio_to_en": ratio}
    if args.json:
        RESULTS.mkdir(parents=True, exist_ok=True)
        (RESULTS / "bench_languages.json").write_text(json.dumps(results, indent=2) + "\n")


if __name__ == "__main__":
    main()
