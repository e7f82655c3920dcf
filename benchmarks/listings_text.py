"""The words of synthetic listings: what members give, look for, swap, and where they live.

Kept apart from corpus.py so that file stays about layout and files. Category slugs are our
`LISTING_CATEGORIES` (pelicanconf.py); kinds are the listings plugin's defaults.
"""

from __future__ import annotations

import random

ITEMS = {
    "maison": (
        "table en chêne",
        "lot de bocaux en verre",
        "lampe de chevet ancienne",
        "machine à coudre",
        "petit réfrigérateur",
        "étagère en pin",
        "service à café complet",
        "rideaux en lin",
    ),
    "jardin": (
        "outils de jardin",
        "plants de fraisiers",
        "boutures de figuier",
        "tondeuse manuelle",
        "bac à compost",
        "graines de tomates",
        "arrosoir en zinc",
        "chaises de jardin",
    ),
    "enfants": (
        "poussette légère",
        "jouets en bois",
        "vêtements de naissance",
        "lit parapluie",
        "siège auto",
        "jeux de société",
        "vélo enfant 16 pouces",
        "chaise haute",
    ),
    "livres": (
        "lot de livres jeunesse",
        "romans policiers",
        "bandes dessinées",
        "disques vinyles",
        "DVD de films français",
        "encyclopédie illustrée",
        "livres de cuisine",
        "partitions de piano",
    ),
    "sport": (
        "raquettes de badminton",
        "vélo de ville",
        "tapis de yoga",
        "patins à roulettes",
        "sac de randonnée",
        "ballon de basket",
        "casque de vélo",
        "table de ping-pong",
    ),
    "services": (
        "cours de guitare",
        "aide au déménagement",
        "garde de plantes en août",
        "retouches de couture",
        "conversation en anglais",
        "aide informatique",
        "covoiturage au marché",
        "réparation de meubles",
    ),
}
# Short enough that every title fits in 60 characters: the theme cuts longer <title>s, and
# two cut titles can become the same (an SEO warning the benchmark should not time).
CONDITIONS = ("très bon état", "comme neuf", "à petit prix", "à emporter")
VOLUNTEERING = (
    "Bénévoles pour l’aide aux devoirs",
    "Chauffeurs bénévoles pour les aînés",
    "Renfort pour le repas partagé",
    "Bénévoles pour la boîte à livres",
    "Aide au jardin partagé le samedi",
    "Bras pour le nettoyage de la Noue",
    "Accueil à la permanence du mardi",
    "Aide à la collecte solidaire",
    "Animateurs pour l’atelier vélo",
    "Lecteurs pour le club des enfants",
)
EVENTS = (
    "Marché de Noël des créateurs",
    "Galette des rois des voisins",
    "Troc de plantes du printemps",
    "Soirée jeux de société",
    "Concert de la chorale",
    "Bal de quartier",
    "Vide-greniers de la rue des Charmes",
    "Projection au jardin",
    "Atelier compost ouvert à tous",
    "Grande lessive des enfants",
    "Balade contée au bord de la Noue",
    "Loto de l’association",
)
PLACES = (
    "aux Tilleuls",
    "rue des Charmes",
    "aux Lilas",
    "près de la Noue",
    "centre-ville",
    "quartier Gare",
    "place du Marché",
    "les Aubépines",
    "le Haut-Bourg",
    "près de l’école",
    "le Moulin",
    "les Vergers",
    "la Cité jardin",
    "près du gymnase",
    "rue Pasteur",
    "les Peupliers",
    "le Clos Fleuri",
    "la Sablière",
    "le Vieux Pont",
    "avenue Foch",
    "les Glycines",
    "la Croix-Blanche",
    "le Champ de foire",
    "les Prés",
    "rue Victor-Hugo",
    "les Noisetiers",
    "la Garenne",
    "le Bois-Joli",
    "Saint-Martin",
    "les Roses",
)
TOWNS = ("Villebourg", "Villebourg-le-Haut", "Saint-Aubin-sur-Noue", "Les Essarts")
FIRST_NAMES = (
    "Martine",
    "Amina",
    "Jean",
    "Lucie",
    "Karim",
    "Sophie",
    "Paul",
    "Nadia",
    "Hugo",
    "Claire",
    "Yann",
    "Inès",
    "Marc",
    "Louise",
    "Omar",
)
SENTENCES = (
    "À venir chercher de préférence le soir ou le week-end.",
    "Je peux vous le montrer avant, il suffit de me contacter.",
    "Il a bien servi mais fonctionne parfaitement.",
    "Nous déménageons et ne pouvons pas tout emporter.",
    "Un petit geste pour l’association serait le bienvenu, sans obligation.",
    "Idéal pour une famille qui s’installe dans le quartier.",
    "Tout est propre et rangé dans des cartons.",
    "Je préfère que cela serve à quelqu’un du quartier.",
    "Possibilité de livrer à pied dans les rues voisines.",
    "Merci de ne pas réserver si vous n’êtes pas sûr de venir.",
    "Les enfants ont grandi, ces affaires attendent une nouvelle vie.",
    "Rendez-vous possible à la permanence du mardi, à la Maison des Tilleuls.",
    "Quelques traces d’usage, rien de gênant.",
    "Nous cherchons des personnes disponibles une ou deux heures par mois.",
    "Aucune compétence particulière n’est demandée, seulement de la bonne humeur.",
    "Les boissons et le goûter sont offerts par l’association.",
)


def titles(kind: str) -> list[tuple[str, str]]:
    """Every (title start, category) a listing of `kind` can have."""
    pairs = [(item, category) for category, items in ITEMS.items() for item in items]
    if kind == "offre":
        return [(f"{item.capitalize()}, {cond}", cat) for item, cat in pairs for cond in CONDITIONS]
    if kind == "demande":
        return [(f"Cherche {item}", cat) for item, cat in pairs]
    if kind == "don":
        return [(f"Donne {item}", cat) for item, cat in pairs if cat != "services"]
    if kind == "échange":
        return [(f"Échange {item}", cat) for item, cat in pairs]
    if kind == "bénévolat":
        return [(text, "vie-associative") for text in VOLUNTEERING]
    return [(text, "vie-associative") for text in EVENTS]


def description(rng: random.Random, title: str) -> str:
    """Two or three short paragraphs, sometimes a list: 40 to 120 words of Markdown.

    It starts with the title, as members often do: the page's meta description is the start
    of the text, and two listings with the same one would be an SEO warning."""
    paragraphs = [" ".join(rng.sample(SENTENCES, rng.randint(2, 4))) for _ in range(2)]
    paragraphs[0] = f"{title}. {paragraphs[0]}"
    if rng.random() < 0.3:
        details = rng.sample(("propre", "complet", "peu servi", "solide", "facile à porter"), 3)
        paragraphs.insert(
            1, "\n".join(f"- {word} ;" for word in details[:-1]) + f"\n- {details[-1]}."
        )
    if rng.random() < 0.5:
        paragraphs.append(" ".join(rng.sample(SENTENCES, 2)))
    return "\n\n".join(paragraphs)
