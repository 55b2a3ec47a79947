"""What is known about Meta's mails, as data: senders, forms, and phrases per language.

The classifier reads only this module for facts about Meta. Adding a language or a platform means
adding an entry here and a fixture mail in tests/fixtures/. Sources are in ../shared/field-guide/
(cited below as "FG"); phrases are matched case-insensitively on text with whitespace collapsed.
Structure comes first (sender domain, form ids), phrases second: a phrase only decides between
kinds of a mail that is already known to be authentic Meta mail.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Registered domains whose subdomains are genuine Meta senders (FG "Senders": Instagram's own list,
# plus mail.instagram.com seen widely, whatsapp.com, threads.net). Order matters for platform: the
# first suffix that matches names the platform the sender speaks for.
SENDER_DOMAINS: tuple[tuple[str, str], ...] = (
    ("instagram.com", "instagram"),  # mail.instagram.com: Instagram and Threads mail
    ("threads.net", "threads"),
    ("whatsapp.com", "whatsapp"),
    ("messenger.com", "messenger"),
    ("facebookmail.com", "facebook"),  # notification@, security@, update@em.
    ("facebook.com", "facebook"),  # support.facebook.com
    ("fb.com", "facebook"),  # business.fb.com
    ("meta.com", "facebook"),  # account.meta.com
    ("metamail.com", "facebook"),  # global./go./internal.metamail.com
)

# Hosts whose links are kept (FG "Links"); any subdomain counts.
LINK_HOSTS: tuple[str, ...] = (
    "facebook.com",
    "instagram.com",
    "threads.net",
    "whatsapp.com",
    "messenger.com",
    "meta.com",
    "fb.com",
    "facebookmail.com",
    "metamail.com",
)

# Names of Meta brands: a sender outside SENDER_DOMAINS that uses one of these in its display
# name or domain claims to be Meta and is listed as suspicious (FG: look-alikes are phishing).
BRAND_WORDS: tuple[str, ...] = ("facebook", "instagram", "whatsapp", "threads", "messenger", "meta")

# Substrings an IMAP server searches for in From. Broad on purpose: brand words also catch
# look-alike and display-name spoofs, which the classifier then lists as suspicious; "meta" alone
# would match every metadata newsletter, so Meta's own domains stand for it.
SEARCH_FROM: tuple[str, ...] = (
    "facebook", "instagram", "whatsapp", "threads", "messenger.com", "meta.com", "metamail.com",
    "fb.com",
)

# Characters that look-alike domains swap in for Latin letters (digits, Cyrillic, Greek).
HOMOGLYPHS = str.maketrans(
    {
        "0": "o",
        "1": "l",
        "3": "e",
        "5": "s",
        "@": "a",
        "ı": "i",
        "а": "a",
        "е": "e",
        "о": "o",
        "р": "p",
        "с": "c",
        "х": "x",
        "і": "i",
        "ѕ": "s",
        "к": "k",
        "ο": "o",
        "α": "a",
        "ε": "e",
        "ι": "i",
        "κ": "k",
        "ν": "v",
        "τ": "t",
    }
)


@dataclass(frozen=True)
class Form:
    platform: str
    role: str  # objection_form | third_party_form | privacy_policy | other
    what: str


# Help Center form ids, the stable part of a form link (FG "Links").
FORMS: dict[str, Form] = {
    "712876720715583": Form("facebook", "objection_form", "Facebook AI objection form (2024)"),
    "6359191084165019": Form("facebook", "objection_form", "Facebook AI objection form (2025, app)"),
    "767264225370182": Form("instagram", "objection_form", "Instagram AI objection form (2024)"),
    "233964459562201": Form("instagram", "objection_form", "Instagram AI objection form (2025, app)"),
    "510058597920541": Form("facebook", "third_party_form", "third-party information used for AI"),
    "1266025207620918": Form("facebook", "third_party_form", "Generative AI data subject rights"),
    "382532939919295": Form("whatsapp", "other", "WhatsApp general data-rights form"),
}

# The form to act on for an account known only from everyday mail (no notice reached the mailbox).
DEFAULT_OBJECTION_URL: dict[str, str] = {
    "facebook": "https://www.facebook.com/help/contact/712876720715583",
    "messenger": "https://www.facebook.com/help/contact/712876720715583",
    "instagram": "https://help.instagram.com/contact/767264225370182",
    "threads": "https://help.instagram.com/contact/767264225370182",  # Threads rides on Instagram
}
# FG: WhatsApp has no AI-training objection form; only its general data-rights form.
WHATSAPP_DATA_RIGHTS_URL = "https://www.whatsapp.com/contact/forms/382532939919295/"

# Paths (on a Meta host) that are privacy pages rather than forms.
PRIVACY_PATHS: tuple[str, ...] = (
    "/privacy/policy",
    "/privacy/center",
    "/privacy/guide",
    "/privacy/genai",
    "/policy",
    "/legal/privacy",
    "/about/privacy",
)
PRIVACY_HOSTS: tuple[str, ...] = (
    "privacycenter.instagram.com",
    "accountscenter.facebook.com",
    "accountscenter.instagram.com",
)

# Redirect wrappers (FG "Links"): host -> query parameter holding the target.
WRAPPERS: dict[str, str] = {
    "l.facebook.com": "u",
    "lm.facebook.com": "u",
    "l.messenger.com": "u",
    "l.instagram.com": "u",
    "l.threads.net": "u",
    "l.threads.com": "u",
}
# facebook.com/n/?<url-encoded path>&…: notification links carry the path as the first query item.
NOTIFICATION_PATH = "/n/"

TRACKING_PARAMS: frozenset[str] = frozenset(
    {
        "aref",
        "medium",
        "mid",
        "bcode",
        "n_m",
        "rms",
        "irms",
        "lloc",
        "h",
        "e",
        "s",
        "ref",
        "__cft__",
        "__tn__",
        "fbclid",
        "igshid",
        "ndid",
        "cmid",
        "notif_id",
        "notif_t",
    }
)
TRACKING_PREFIXES: tuple[str, ...] = ("utm_", "__cft__", "__xts__")

# A six-digit one-time code (FG "Form": codes come in the subject from security@facebookmail.com).
CODE = re.compile(r"(?<![\w.%=-])(\d{6})(?![\w%-])")
# What a code mail calls the number, in the 16 languages (stems: Code, kód, κωδικ…).
CODE_WORDS: tuple[str, ...] = ("code", "codice", "código", "codigo", "kod", "koodi", "kód", "κωδικ",
                               "cod", "kode")
# Instagram usernames: letters, digits, dots and underscores, at most 30.
USERNAME = r"[A-Za-z0-9._]{1,30}"
# The Accounts Center by its name in each language: a confirmation naming it says it covers the
# accounts linked there (FG "Outcome mail", 2025). Stems, since several languages inflect it.
ACCOUNTS_CENTER: tuple[str, ...] = (
    r"accounts? cent(?:er|re)",
    r"kontenübersicht",
    r"konten-?cent",
    r"espace comptes",
    r"centre de comptes",
    r"centro (?:gestione )?account",
    r"centro de cuentas",
    r"accountcentrum",
    r"centrum kont",
    r"central de contas",
    r"centro de contas",
    r"kontocent",
    r"tilikesk",
    r"kontosent",
    r"centrum účtů",
    r"centru(?:l)? de conturi",
    r"fiókközpont",
    r"κέντρο λογαριασμών",
)
# Words that make a following phrase hypothetical: "if your objection is honoured, …" is a notice.
CONDITIONALS = (
    "if",
    "when",
    "wenn",
    "falls",
    "si",
    "se",
    "als",
    "indien",
    "jeśli",
    "jeżeli",
    "pokud",
    "om",
    "hvis",
    "jos",
    "αν",
    "εάν",
    "dacă",
    "ha",
    "once",
)


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    words: tuple[str, ...]  # common words, to tell the language when the mail does not say it
    ai_at_meta: tuple[str, ...]
    right_to_object: tuple[str, ...]  # the right itself, as a notice states it
    confirmation: tuple[str, ...]
    rejection: tuple[str, ...]
    already_objected: tuple[str, ...]  # a notice saying earlier objections still count
    # Broad vocabulary for Meta's replies to an objection, whose wording is not published: the
    # words for objecting, for granting it, and for being unable to. Exact phrases above decide
    # first; these catch the rest (measured on tests/holdout, written blind to these rules).
    objection_words: tuple[str, ...]  # also what a code mail says the code is for
    accept_words: tuple[str, ...]
    unable_words: tuple[str, ...]  # unable to, unfortunately
    # FG: the third-party form's reply asks for the prompts and screenshots; such a request for
    # more is a rejection too (the user must act), whatever the mail calls the objection.
    asks_for_evidence: tuple[str, ...]
    negations: tuple[str, ...]  # a grant with one of these words just before it is a refusal
    login_code: tuple[str, ...]  # login and two-factor codes look alike (FG "Form")
    greeting: tuple[str, ...]  # words before the Instagram username: "Hi username,"
    intended_for: tuple[str, ...]  # the footer naming the username; {u} stands for it


LANGUAGES: tuple[Language, ...] = (
    Language(
        "en",
        "English",
        words=("the", "your", "you", "and", "we", "this", "to"),
        ai_at_meta=(r"ai at meta", r"meta ai", r"generative ai"),
        right_to_object=(r"right to object",),
        # 2024 confirmation quoted by a user; 2025 one seen in a post (FG "Outcome mail").
        confirmation=(
            r"(?:will|we'll) hono(?:u)?r your objection",
            r"reviewed your request and will hono(?:u)?r",
        ),
        # No template is published (FG): refuses, cannot process, asks for more information.
        rejection=(
            r"(?:can ?not|can't|could not|couldn't|are unable to|were unable to|won't be able"
            r" to|are not able to) (?:process|hono(?:u)?r|fulfil+|accept|action) (?:your|this)",
            r"(?:don't|do not) automatically fulfil+ requests",
            r"we (?:need|require) (?:more|additional) information",
            r"provide (?:more|additional) (?:information|details)",
            r"objection (?:was|has been) (?:declined|rejected|denied)",
        ),
        already_objected=(
            r"(?:if|where) you(?:'ve| have)? already objected",
            r"continue to hono(?:u)?r (?:it|your objection)",
        ),
        objection_words=(r"objection", r"object to", r"request to object", r"objected"),
        accept_words=(r"hono(?:u)?r", r"accept(?:ed)?", r"uphold", r"grant(?:ed)?"),
        unable_words=(
            r"unable to",
            r"can ?not",
            r"can't",
            r"could not",
            r"couldn't",
            r"not able to",
            r"not possible",
            r"unfortunately",
        ),
        asks_for_evidence=(r"screenshots?", r"the prompts? you"),
        negations=("not", "n't", "never"),
        login_code=(
            r"log ?in",
            r"sign ?in",
            r"two-factor",
            r"2fa",
            r"reset your password",
            r"security code to",
        ),
        greeting=(r"hi", r"hello", r"hey", r"dear"),
        intended_for=(r"intended for {u}",),
    ),
    Language(
        "de",
        "Deutsch",
        words=("und", "die", "der", "du", "deine", "wir", "nicht", "ist"),
        ai_at_meta=(r"ki bei meta", r"ai bei meta", r"meta ai", r"generative[rn]? ki"),
        right_to_object=(r"widerspruchsrecht", r"recht,? (?:zu )?widersprechen"),
        # "stattgeben" is separable: "Wir geben deinem Widerspruch … statt" (2025 wording).
        confirmation=(
            r"(?:werden wir|wir werden) deinem widerspruch (?:stattgeben|nachkommen)",
            r"wir geben deinem widerspruch\b[^.]{0,160}?\bstatt\b",
            r"deinem widerspruch stattgegeben",
        ),
        rejection=(
            r"(?:können|konnten) wir (?:deinen|deine|deinem) (?:antrag|widerspruch|anfrage)"
            r"[^.]{0,40}? nicht (?:bearbeiten|stattgeben|nachkommen|annehmen|bestätigen)",
            r"weitere (?:informationen|angaben) (?:benötigt|erforderlich|von dir)",
            r"widerspruch (?:wurde )?abgelehnt",
        ),
        already_objected=(r"wenn du bereits widersprochen hast", r"falls du bereits widersprochen hast"),
        objection_words=(r"widerspruch", r"widersprechen", r"widersprochen"),
        accept_words=(
            r"stattgeben",
            r"stattgegeben",
            r"\bgeben\b[^.]{0,120}\bstatt\b",
            r"nachkommen",
            r"akzeptieren",
            r"berücksichtigen",
        ),
        unable_words=(
            r"leider",
            r"nicht stattgeben",
            r"nicht möglich",
            r"nicht bearbeiten",
            r"(?:können|konnten) wir[^.]{0,80}\bnicht\b",
        ),
        asks_for_evidence=(r"bildschirmfotos?", r"screenshots?"),
        negations=("nicht", "kein", "keinen", "nie"),
        login_code=(r"anmeld", r"einloggen", r"login", r"zwei-faktor", r"passwort"),
        greeting=(r"hallo", r"hi", r"liebe[rs]?", r"guten tag"),
        intended_for=(r"für {u} bestimmt",),
    ),
    Language(
        "fr",
        "Français",
        words=("vous", "les", "des", "votre", "vos", "nous", "est", "et"),
        ai_at_meta=(r"l'ia chez meta", r"l'ia de meta", r"ia de meta", r"meta ai"),
        right_to_object=(r"droit d'opposition", r"droit de (?:vous|t')opposer"),
        confirmation=(
            r"accéderons à votre demande d'opposition",
            r"(?:nous )?respecterons votre (?:opposition|objection)",
            r"votre opposition (?:sera|a été) (?:acceptée|prise en compte)",
        ),
        rejection=(
            r"ne (?:pouvons|pourrons) pas (?:traiter|donner suite|accéder|accepter)",
            r"ne sommes pas en mesure (?:d'accéder|de donner suite|de traiter)",
            r"(?:plus d'informations|informations supplémentaires)"
            r" (?:sont nécessaires|pour traiter)",
            r"opposition (?:a été )?(?:refusée|rejetée)",
        ),
        already_objected=(r"si vous vous êtes déjà opposée?", r"si vous avez déjà fait opposition"),
        objection_words=(r"opposition", r"vous opposer", r"t'opposer", r"opposée?s?"),
        accept_words=(
            r"donner(?:ons)? suite",
            r"accéder(?:ons)?",
            r"accept(?:er|ons|erons)",
            r"respect(?:er|ons|erons)",
            r"faire droit",
        ),
        unable_words=(
            r"ne (?:pouvons|pourrons|sommes) pas",
            r"pas en mesure",
            r"impossible",
            r"malheureusement",
        ),
        asks_for_evidence=(r"captures? d'écran",),
        negations=("pas", "ne", "jamais"),
        login_code=(r"connexion", r"connecter", r"deux facteurs", r"mot de passe"),
        greeting=(r"bonjour", r"salut", r"cher", r"chère"),
        intended_for=(r"destiné à {u}", r"destiné au compte {u}"),
    ),
    Language(
        "it",
        "Italiano",
        words=("il", "la", "di", "che", "tuo", "tua", "per", "non"),
        ai_at_meta=(r"ia di meta", r"ia in meta", r"meta ai", r"intelligenza artificiale"),
        right_to_object=(r"diritto di opposizione", r"diritto di opporti"),
        confirmation=(
            r"accoglieremo la tua (?:richiesta di )?opposizione",
            r"la tua (?:richiesta|opposizione) (?:verrà|sarà) (?:applicata|accolta)"
            r" d'ora in avanti",
        ),
        rejection=(
            r"non (?:possiamo|potremo) (?:elaborare|accogliere|dare seguito)",
            r"abbiamo bisogno di (?:ulteriori|maggiori) informazioni",
            r"opposizione (?:è stata )?(?:respinta|rifiutata)",
        ),
        already_objected=(r"se ti sei già oppost[oa]", r"se hai già presentato opposizione"),
        objection_words=(r"opposizione", r"opporti", r"opporsi", r"oppost[oa]"),
        accept_words=(
            r"accogli(?:ere|eremo|amo)",
            r"rispett(?:are|eremo|iamo)",
            r"accett(?:are|eremo|iamo)",
            r"dar(?:e|emo) seguito",
        ),
        unable_words=(
            r"non (?:è stato|era|sarà) possibile",
            r"non (?:possiamo|potremo|siamo in grado)",
            r"purtroppo",
        ),
        asks_for_evidence=(r"screenshot", r"schermat"),
        negations=("non", "mai"),
        login_code=(r"accesso", r"accedere", r"due fattori", r"password"),
        greeting=(r"ciao", r"salve", r"gentile"),
        intended_for=(r"destinato a {u}", r"destinato all'account {u}"),
    ),
    Language(
        "es",
        "Español",
        words=("el", "los", "que", "para", "tu", "tus", "con", "una"),
        ai_at_meta=(r"ia de meta", r"ia en meta", r"meta ai", r"inteligencia artificial"),
        right_to_object=(r"derecho (?:de|a la) oposición", r"derecho a oponerte"),
        confirmation=(
            r"aceptaremos tu (?:solicitud de )?oposición",
            # not "no utilizaremos…": the notice promises that mail in the future
            r"respetaremos tu (?:oposición|objeción)",
        ),
        rejection=(
            r"no (?:podemos|podremos) (?:procesar|tramitar|aceptar|atender)",
            r"necesitamos (?:más información|información adicional)",
            r"oposición (?:ha sido )?(?:rechazada|denegada)",
        ),
        already_objected=(r"si ya te has opuesto", r"si ya has presentado (?:una )?oposición"),
        objection_words=(r"oposición", r"oponerte", r"oponerse", r"opuesto"),
        accept_words=(
            r"atender(?:emos)?",
            r"vamos a atender",
            r"acept(?:ar|aremos|amos)",
            r"respet(?:ar|aremos|amos)",
        ),
        unable_words=(
            r"no (?:podemos|podremos|hemos podido|ha sido posible|fue posible|es posible)",
            r"lamentablemente",
            r"desafortunadamente",
        ),
        asks_for_evidence=(r"capturas? de pantalla",),
        negations=("no", "nunca"),
        login_code=(r"inicio de sesión", r"iniciar sesión", r"dos pasos", r"contraseña"),
        greeting=(r"hola", r"estimad[oa]"),
        intended_for=(r"destinado a {u}", r"dirigido a {u}"),
    ),
    Language(
        "nl",
        "Nederlands",
        words=("je", "het", "een", "van", "we", "jouw", "niet", "voor"),
        ai_at_meta=(r"ai bij meta", r"meta ai"),
        right_to_object=(r"recht (?:van|op|om) bezwaar",),
        confirmation=(
            r"(?:we zullen|zullen we) je bezwaar honoreren",
            r"je bezwaar is gehonoreerd",
            r"we honoreren je bezwaar",
        ),
        rejection=(
            r"(?:kunnen|konden) je (?:verzoek|bezwaar) niet",
            r"(?:meer|aanvullende) informatie nodig",
            r"bezwaar (?:is )?afgewezen",
        ),
        already_objected=(r"als je al bezwaar hebt gemaakt", r"als je eerder bezwaar hebt gemaakt"),
        objection_words=(r"bezwaar",),
        accept_words=(
            r"honoreren",
            r"gehonoreerd",
            r"gehoor (?:geven|gegeven) aan",
            r"geven gehoor aan",
            r"inwilligen",
            r"accepteren",
            r"respecteren",
        ),
        unable_words=(
            r"(?:kunnen|konden) (?:we|wij)[^.]{0,60}\bniet\b",
            r"niet mogelijk",
            r"niet in behandeling",
            r"helaas",
        ),
        asks_for_evidence=(r"schermafbeelding", r"screenshots?"),
        negations=("niet", "geen"),
        login_code=(r"inloggen", r"aanmelden", r"tweestaps", r"wachtwoord"),
        greeting=(r"hoi", r"hallo", r"beste"),
        intended_for=(r"bedoeld voor {u}",),
    ),
    Language(
        "pl",
        "Polski",
        words=("się", "nie", "jest", "twój", "twoje", "oraz", "na", "do"),
        ai_at_meta=(r"ai w meta", r"sztuczn\w+ inteligencj\w+", r"meta ai"),
        right_to_object=(r"prawo do (?:wniesienia )?sprzeciwu",),
        confirmation=(r"uwzględnimy (?:twój|twoj) sprzeciw", r"twój sprzeciw został uwzględniony"),
        rejection=(
            r"nie (?:możemy|mogliśmy) (?:rozpatrzyć|przetworzyć|uwzględnić)",
            r"potrzebujemy (?:więcej|dodatkowych) informacji",
            r"sprzeciw (?:został )?odrzucony",
        ),
        already_objected=(r"jeśli (?:już )?(?:wniosłeś|wniosłaś|zgłosiłeś|zgłosiłaś) sprzeciw",),
        objection_words=(r"sprzeciw",),
        accept_words=(r"uwzględni", r"przyjmujemy", r"akceptujemy", r"respektujemy"),
        unable_words=(r"nie (?:możemy|mogliśmy|było możliwe|jest możliwe|udało się)", r"niestety"),
        asks_for_evidence=(r"zrzut(?:y|ów)? ekranu",),
        negations=("nie",),
        login_code=(r"logowani", r"zaloguj", r"dwuetapow", r"hasł"),
        greeting=(r"cześć", r"witaj", r"dzień dobry"),
        intended_for=(r"przeznaczon[ay] dla (?:użytkownika )?{u}",),
    ),
    Language(
        "pt",
        "Português",
        words=("você", "não", "sua", "seu", "para", "com", "uma", "os"),
        ai_at_meta=(r"ia na meta", r"ia da meta", r"meta ai"),
        right_to_object=(r"direito (?:de|à) oposição", r"direito de se opor"),
        confirmation=(
            r"(?:vamos|iremos) respeitar a (?:sua|tua) oposição",
            r"respeitaremos a (?:sua|tua) oposição",
        ),
        rejection=(
            r"não (?:podemos|conseguimos|pudemos) (?:processar|aceitar|atender)",
            r"precisamos de (?:mais informações|informações adicionais)",
            r"oposição (?:foi )?(?:recusada|rejeitada)",
        ),
        already_objected=(r"se já (?:se opôs|te opuseste|apresentou (?:uma )?oposição)",),
        objection_words=(r"oposição", r"opor-se", r"opor-te", r"opôs"),
        accept_words=(
            r"respeit(?:ar|aremos|amos)",
            r"aceit(?:ar|aremos|amos)",
            r"atender(?:emos)?",
            r"dar seguimento",
        ),
        unable_words=(
            r"não (?:foi|é|será) possível",
            r"não (?:podemos|conseguimos|pudemos)",
            r"infelizmente",
        ),
        asks_for_evidence=(r"capturas? de (?:ecrã|tela)",),
        negations=("não", "nunca"),
        login_code=(
            r"iniciar sessão",
            r"início de sessão",
            r"login",
            r"dois fatores",
            r"palavra-passe",
            r"senha",
        ),
        greeting=(r"olá", r"oi", r"car[oa]"),
        intended_for=(r"destina-se a {u}", r"destinad[ao] a {u}"),
    ),
    Language(
        "sv",
        "Svenska",
        words=("och", "att", "din", "för", "det", "som", "inte", "vi"),
        ai_at_meta=(r"ai hos meta", r"meta ai"),
        right_to_object=(r"rätt att invända", r"rätt att göra invändningar"),
        confirmation=(
            r"(?:vi kommer att|kommer vi att) respektera din invändning",
            r"vi respekterar din invändning",
            r"din invändning (?:har )?beviljats",
        ),
        rejection=(
            r"(?:kan|kunde) inte (?:behandla|bevilja|godta) din",
            r"behöver (?:mer|ytterligare) information",
            r"invändning (?:har )?avslagits",
        ),
        already_objected=(r"om du redan har invänt", r"om du redan har gjort en invändning"),
        objection_words=(r"invändning", r"invända", r"invänt"),
        accept_words=(r"respektera", r"bevilja", r"godta", r"tillmötesgå"),
        unable_words=(r"(?:kan|kunde) (?:vi )?inte", r"inte (?:möjligt|kunnat)", r"tyvärr"),
        asks_for_evidence=(r"skärm(?:bild|dump)",),
        negations=("inte", "ej", "aldrig"),
        login_code=(r"logga in", r"inloggning", r"tvåfaktor", r"lösenord"),
        greeting=(r"hej", r"hallå"),
        intended_for=(r"avsedd? för {u}", r"avsett för {u}"),
    ),
    Language(
        "da",
        "Dansk",
        words=("og", "at", "din", "dine", "ikke", "til", "vi", "som"),
        ai_at_meta=(r"ai hos meta", r"meta ai"),
        right_to_object=(r"ret til (?:at gøre )?indsigelse",),
        confirmation=(
            r"vi (?:vil )?(?:imødekomme|imødekommer|respektere|respekterer|efterkomme"
            r"|efterkommer) din indsigelse",
        ),
        rejection=(
            r"(?:kan|kunne) ikke (?:behandle|imødekomme) din",
            r"(?:behøver|har brug for) (?:flere|yderligere) oplysninger",
            r"indsigelse (?:er )?afvist",
        ),
        already_objected=(r"hvis du allerede har gjort indsigelse",),
        objection_words=(r"indsigelse",),
        accept_words=(
            r"imødekomme",
            r"respektere",
            r"tage[^.]{0,20}til følge",
            r"taget til følge",
            r"efterkomme",
        ),
        unable_words=(r"(?:kan|kunne) (?:vi )?ikke", r"ikke (?:muligt|kunnet)", r"desværre"),
        asks_for_evidence=(r"skærmbilled",),
        negations=("ikke", "aldrig"),
        login_code=(r"log ind", r"logge ind", r"totrins", r"adgangskode"),
        greeting=(r"hej", r"kære"),
        intended_for=(r"beregnet til {u}", r"tiltænkt {u}"),
    ),
    Language(
        "fi",
        "Suomi",
        words=("ja", "on", "sinun", "että", "tai", "ei", "voit", "meta"),
        ai_at_meta=(r"metan tekoäly", r"meta ai", r"tekoäly"),
        right_to_object=(r"oikeus vastustaa", r"vastustamisoikeu"),
        confirmation=(r"(?:hyväksymme|kunnioitamme) vastustuksesi", r"vastustuksesi (?:on )?hyväksytty"),
        rejection=(
            r"emme (?:voi|pysty) (?:käsittelemään|hyväksymään)",
            r"tarvitsemme (?:lisätietoja|lisää tietoja)",
            r"vastustuksesi (?:on )?hylätty",
        ),
        already_objected=(r"jos olet jo vastustanut",),
        objection_words=(r"vastust",),
        accept_words=(r"noudat", r"hyväksy", r"kunnioita"),
        unable_words=(
            r"emme (?:voi|pysty|voineet)",
            r"ei (?:voitu|ole mahdollista|ollut mahdollista)",
            r"valitettavasti",
        ),
        asks_for_evidence=(r"kuvakaappau",),
        negations=("emme", "ei", "en"),
        login_code=(r"kirjautu", r"kaksivaihei", r"salasana"),
        greeting=(r"hei", r"moi"),
        intended_for=(r"tarkoitettu käyttäjälle {u}",),
    ),
    Language(
        "nb",
        "Norsk",
        words=("og", "at", "din", "ikke", "til", "vi", "som", "det"),
        ai_at_meta=(r"ki hos meta", r"ai hos meta", r"meta ai"),
        right_to_object=(r"rett til å protestere", r"rett til å reservere"),
        confirmation=(
            r"vi (?:vil )?(?:imøtekomme|imøtekommer|respektere|respekterer|etterkomme"
            r"|etterkommer) (?:din )?(?:protest|innsigelse|reservasjon)",
        ),
        rejection=(
            r"(?:kan|kunne) ikke (?:behandle|imøtekomme) (?:din|forespørselen)",
            r"trenger (?:mer|ytterligere) informasjon",
            r"(?:protest|innsigelse)(?:en)? (?:er )?avslått",
        ),
        already_objected=(r"hvis du allerede har (?:protestert|reservert deg)",),
        objection_words=(r"protest", r"innsigelse", r"reservasjon", r"reservert"),
        accept_words=(
            r"ta hensyn til",
            r"tatt til følge",
            r"ta til følge",
            r"imøtekomme",
            r"respektere",
            r"etterkomme",
        ),
        unable_words=(r"(?:kan|kunne) (?:vi )?ikke", r"ikke (?:mulig|kunnet)", r"dessverre"),
        asks_for_evidence=(r"skjermbild",),
        negations=("ikke", "aldri"),
        login_code=(r"logge inn", r"pålogging", r"tofaktor", r"passord"),
        greeting=(r"hei", r"kjære"),
        intended_for=(r"beregnet (?:på|for) {u}", r"tiltenkt {u}"),
    ),
    Language(
        "cs",
        "Čeština",
        words=("a", "se", "na", "je", "váš", "vaše", "pro", "že"),
        ai_at_meta=(r"ai ve společnosti meta", r"umělé inteligence", r"meta ai"),
        right_to_object=(r"právo vznést námitku", r"právo na námitku"),
        confirmation=(
            r"(?:vyhovíme|vyhověli jsme) (?:vaší|tvé) námitce",
            r"(?:vaší|tvé) námitce bylo vyhověno",
        ),
        rejection=(
            r"(?:nemůžeme|nemohli jsme) (?:zpracovat|vyhovět)",
            r"potřebujeme (?:další|dodatečné) informace",
            r"námitka (?:byla )?zamítnuta",
        ),
        already_objected=(r"pokud jste již vznesl[ai]? námitku",),
        objection_words=(r"námitk", r"námitce"),
        accept_words=(r"vyhov", r"akceptuj", r"respektuj"),
        unable_words=(r"nemůžeme", r"nemohli jsme", r"nebylo možné", r"není možné", r"bohužel"),
        asks_for_evidence=(r"snímk\w* obrazovky",),
        negations=("ne", "nelze"),
        login_code=(r"přihlá", r"dvoufázov", r"heslo"),
        greeting=(r"ahoj", r"dobrý den", r"vážen[ýá]"),
        intended_for=(r"určen[aoý]? pro (?:uživatele )?{u}",),
    ),
    Language(
        "el",
        "Ελληνικά",
        words=("και", "το", "την", "σας", "να", "για", "της", "με"),
        ai_at_meta=(r"τεχνητή νοημοσύνη (?:της|στη) meta", r"τεχνητής νοημοσύνης", r"meta ai"),
        right_to_object=(r"δικαίωμα (?:να αντιταχθείτε|εναντίωσης|αντίταξης|αντίρρησης)",),
        confirmation=(
            r"θα (?:σεβαστούμε|ικανοποιήσουμε|τηρήσουμε) την (?:αντίρρησή|εναντίωσή|"
            r"αντίταξή) σας",
        ),
        rejection=(
            r"δεν (?:μπορούμε|μπορέσαμε) να (?:επεξεργαστούμε|ικανοποιήσουμε)",
            r"χρειαζόμαστε (?:περισσότερες|πρόσθετες) πληροφορίες",
            r"(?:αντίρρηση|εναντίωση) (?:σας )?(?:απορρίφθηκε)",
        ),
        already_objected=(r"αν έχετε ήδη (?:αντιταχθεί|υποβάλει)",),
        objection_words=(r"αντίρρησ", r"εναντίωσ", r"αντίταξ", r"αντιταχθ"),
        accept_words=(r"ικανοποι", r"σεβαστ", r"σεβόμαστε", r"αποδεχ", r"κάνουμε δεκτ"),
        unable_words=(r"δεν (?:μπορούμε|μπορέσαμε|ήταν δυνατ|είναι δυνατ)", r"δυστυχώς"),
        asks_for_evidence=(r"στιγμιότυπ",),
        negations=("δεν", "μην"),
        login_code=(r"σύνδεση", r"σύνδεσης", r"δύο παραγόντων", r"κωδικό πρόσβασης"),
        greeting=(r"γεια σου", r"γεια σας", r"αγαπητ[έή]"),
        intended_for=(r"προοριζ(?:όταν|εται) για (?:τον χρήστη |την χρήστρια |το )?{u}",),
    ),
    Language(
        "ro",
        "Română",
        words=("și", "de", "la", "pentru", "tău", "tale", "nu", "este"),
        ai_at_meta=(r"ia de la meta", r"ai la meta", r"inteligența artificială", r"meta ai"),
        right_to_object=(r"dreptul de a (?:vă|te) opune", r"dreptul la opoziție"),
        confirmation=(
            r"vom (?:respecta|onora|accepta) (?:opoziția|obiecția) (?:ta|dvs\.?|"
            r"dumneavoastră)",
        ),
        rejection=(
            r"nu (?:putem|am putut) (?:procesa|onora|accepta)",
            r"avem nevoie de (?:mai multe informații|informații suplimentare)",
            r"(?:opoziția|obiecția) (?:ta )?(?:a fost )?respinsă",
        ),
        already_objected=(r"dacă (?:te-ai|v-ați) opus deja",),
        objection_words=(r"opozi", r"obiecți", r"opune", r"opui"),
        accept_words=(
            r"da(?:m|) curs",
            r"vom da curs",
            r"respect(?:a|ăm)",
            r"accept(?:a|ăm)",
            r"onor(?:a|ăm)",
        ),
        unable_words=(r"nu (?:putem|am putut|a fost posibil|este posibil)", r"din păcate"),
        asks_for_evidence=(r"captur[ăi] de ecran",),
        negations=("nu", "niciodată"),
        login_code=(r"conectare", r"autentificare", r"doi factori", r"parol"),
        greeting=(r"bună", r"salut", r"dragă"),
        intended_for=(r"destinat(?:ă)? (?:lui|pentru) {u}",),
    ),
    Language(
        "hu",
        "Magyar",
        words=("és", "a", "az", "hogy", "nem", "vagy", "téged", "ezt"),
        ai_at_meta=(r"mesterséges intelligencia", r"ai a metánál", r"meta ai"),
        right_to_object=(r"tiltakozási jog", r"tiltakozás jog", r"jogod van tiltakozni"),
        confirmation=(
            r"(?:helyt adunk|eleget teszünk) (?:a )?tiltakozásodnak",
            r"tiltakozásodat elfogad(?:juk|tuk)",
        ),
        rejection=(
            r"nem (?:tudjuk|tudtuk) (?:feldolgozni|teljesíteni|elfogadni)",
            r"(?:további|több) információra van szükségünk",
            r"tiltakozásodat elutasít",
        ),
        already_objected=(r"ha már tiltakoztál",),
        objection_words=(r"tiltakoz",),
        accept_words=(r"tiszteletben tart", r"helyt ad", r"eleget tesz", r"elfogad", r"alkalmazzuk"),
        unable_words=(r"nem (?:tudjuk|tudtuk|lehetséges|lehetett|volt lehetséges)", r"sajnos"),
        asks_for_evidence=(r"képernyőkép",),
        negations=("nem", "sem"),
        login_code=(r"bejelentkez", r"kétlépcsős", r"jelszó"),
        greeting=(r"szia", r"kedves", r"helló"),
        intended_for=(r"{u} (?:felhasználó )?számára", r"{u} felhasználónak"),
    ),
)

LANGUAGE_CODES: frozenset[str] = frozenset(lang.code for lang in LANGUAGES)
# Norwegian Bokmål is also tagged "no" by mail clients and Meta's HTML.
LANGUAGE_ALIASES: dict[str, str] = {"no": "nb", "nn": "nb"}
