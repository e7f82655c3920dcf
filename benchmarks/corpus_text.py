"""French-ish prose for the synthetic site: sentences an association's editors could write.

Everything takes a `random.Random`, so a seed gives the same text. The vocabulary is small on
purpose (it is a benchmark, not literature) but varied enough that pages differ in length,
words and structure the way real articles and listings do.
"""

from __future__ import annotations

import random


def word_list(words: str) -> tuple[str, ...]:
    """A tuple of words from one string: reads (and edits) better than thirty quoted words."""
    return tuple(words.split())


SUBJECTS = (
    "Les bénévoles de l’association",
    "Une vingtaine d’habitants du quartier",
    "Les jardiniers du jardin partagé",
    "Les enfants de l’école Jules-Ferry",
    "Les membres du bureau",
    "Nos voisins de la rue des Charmes",
    "Les adhérents les plus fidèles",
    "Quelques familles du quartier",
    "Les animateurs de l’atelier vélo",
    "Les lectrices du club de lecture",
    "Quelques retraités du quartier",
    "Les jeunes du collège voisin",
    "Les membres de la commission des fêtes",
    "Les habitants de la résidence des Lilas",
)
VERBS = (
    "ont préparé",
    "ont inauguré",
    "organisent chaque mois",
    "ont découvert avec plaisir",
    "proposent à tous",
    "ont remis en état",
    "ont présenté au public",
    "ont imaginé ensemble",
    "animent depuis le printemps",
    "ont financé en partie",
    "ont longuement préparé",
    "continuent de faire vivre",
)
OBJECTS = (
    "un atelier de réparation de vélos",
    "la fête de fin d’année",
    "des bacs de compost collectifs",
    "une boîte à livres devant l’école",
    "le repas partagé du dimanche",
    "une collecte de vêtements chauds",
    "les parcelles du jardin partagé",
    "une soirée de cinéma en plein air",
    "le nettoyage des berges de la Noue",
    "un service de covoiturage pour les aînés",
    "des cours de conversation en anglais",
    "une grainothèque à la médiathèque",
    "le marché des créateurs",
    "une permanence d’aide aux devoirs",
    "le prêt d’outils entre voisins",
    "une exposition de photos anciennes du quartier",
)
COMPLEMENTS = (
    "le samedi matin",
    "à la Maison des Tilleuls",
    "malgré une pluie tenace",
    "avec l’aide de la mairie",
    "sous le préau de l’école",
    "dans la cour de la résidence",
    "pendant les vacances scolaires",
    "en toute simplicité",
    "avec beaucoup d’enthousiasme",
    "depuis la rentrée de septembre",
    "un mardi soir sur deux",
    "au pied des grands tilleuls",
    "grâce aux dons des habitants",
    "sans dépenser un centime",
)
REMARKS = (
    "Chacun est reparti avec le sourire et quelques idées pour la suite.",
    "Il reste des places : il suffit de passer à la permanence du mardi.",
    "Les plus jeunes ont posé beaucoup de questions, et c’est tant mieux.",
    "Merci à toutes celles et ceux qui ont donné un coup de main.",
    "Nous publierons bientôt les photos et le compte rendu complet.",
    "L’adhésion reste libre, et la participation à prix libre.",
    "Rien n’aurait été possible sans la patience des voisins.",
    "Le prochain rendez-vous sera annoncé dans la lettre d’information.",
    "Les enfants sont les bienvenus, accompagnés d’un adulte.",
    "Un café et des gâteaux attendent les premiers arrivés.",
)
HEADINGS = (
    "Un atelier participatif",
    "Ce qu’il faut savoir",
    "Les prochains rendez-vous",
    "Comment participer",
    "Un peu d’histoire",
    "Ce que nous avons appris",
    "Le programme de la journée",
    "Merci aux bénévoles",
    "Et maintenant ?",
    "Les chiffres de l’année",
    "Une idée venue des habitants",
    "Questions pratiques",
)
LIST_ITEMS = (
    "apporter ses propres outils si possible",
    "s’inscrire auprès de la permanence du mardi",
    "prévoir des chaussures qui ne craignent pas la boue",
    "venir avec un plat à partager",
    "penser aux gants et à une gourde",
    "garer les vélos dans la cour de la Maison",
    "respecter les horaires de la salle",
    "rapporter les livres empruntés dans la boîte",
    "laisser un mot dans le cahier de l’accueil",
    "signaler ses disponibilités au bureau",
    "trier les déchets avant de partir",
    "accompagner les enfants de moins de douze ans",
)
TOPICS = (
    "Atelier vélo",
    "Jardin partagé",
    "Fête des voisins",
    "Repair café",
    "Boîte à livres",
    "Aide aux devoirs",
    "Cinéma en plein air",
    "Marché des créateurs",
    "Compost collectif",
    "Nettoyage de la Noue",
    "Club de lecture",
    "Repas partagé",
    "Grainothèque",
    "Collecte solidaire",
    "Assemblée générale",
    "Chorale du quartier",
    "Troc de plantes",
    "Balade nature",
    "Club d’anglais",
    "Covoiturage solidaire",
)
ANGLES = (
    "retour en images",
    "ce qui change",
    "les dates à retenir",
    "un bon bilan",
    "appel aux bénévoles",
    "les photos du jour",
    "une belle réussite",
    "on recommence",
    "les coulisses",
    "tout savoir",
    "une nouvelle formule",
    "merci à tous",
)
PLACES = (
    "aux Tilleuls",
    "rue des Charmes",
    "à la Maison",
    "au jardin",
    "à l’école",
    "aux Lilas",
    "place du Marché",
    "près de la Noue",
    "à la médiathèque",
    "au gymnase",
)
WORDS_AS_TAGS = word_list(
    "vélo réparation recyclage jardin printemps nature fête familles enfants association "
    "bénévoles solidarité livres culture cinéma musique cuisine compost écologie rencontre "
    "aînés jeunesse sport balade plantes marché artisanat école lecture partage entraide"
)


def sentence(rng: random.Random) -> str:
    """One plain sentence (10 to 20 words)."""
    if rng.random() < 0.2:
        return rng.choice(REMARKS)
    parts = [rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(OBJECTS)]
    if rng.random() < 0.8:
        parts.append(rng.choice(COMPLEMENTS))
    return " ".join(parts) + "."


def paragraph(rng: random.Random, low: int = 3, high: int = 6) -> str:
    """A paragraph of `low` to `high` sentences: 30 to 120 words, below the SEO maximum."""
    return " ".join(sentence(rng) for _ in range(rng.randint(low, high)))


def bullet_list(rng: random.Random, ordered: bool = False) -> str:
    """A Markdown list of 3 to 6 items, as editors write them (lowercase, `;`, then `.`)."""
    items = rng.sample(LIST_ITEMS, rng.randint(3, 6))
    lines = []
    for number, item in enumerate(items, start=1):
        end = "." if number == len(items) else " ;"
        marker = f"{number}." if ordered else "-"
        lines.append(f"{marker} {item}{end}")
    return "\n".join(lines)


def words(text: str) -> int:
    return len(text.split())
