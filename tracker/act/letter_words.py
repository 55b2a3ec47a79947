"""The words of the reminder to Meta and of the complaint to a supervisory authority, per language
(English, German, French), as tracker/act/digest_words.py keeps the digest's. Our own wording;
the reminder never says what Meta's yes or no says, so Meta quoting it back cannot decide
(tests/test_own_words.py); the articles are the GDPR's: 21(1) the right to object, 12(3) one
month to act on a request, 77 the right to lodge a complaint, 58(2) the authority's corrective
powers."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LetterWords:
    code: str
    # the reminder to Meta: {filed}, {account}, {platform}, {addresses}, {overdue_since}, {answer_by}
    reminder_subject: str
    reminder_greeting: str
    reminder_body: tuple[str, ...]
    reminder_close: str
    # the complaint: {authority}, {account}, {platform}, {addresses}, {name}
    complaint_title: str
    complainant: str
    controller: str
    account: str
    facts: str
    fact_notice: str  # {notice}
    fact_filed: str  # {filed}
    fact_overdue: str  # {overdue_since}, {today}, {days}
    fact_rejected: str  # {rejected}
    fact_reminded: str  # {reminded}
    ask: str
    ask_text: str
    evidence: str
    evidence_intro: str  # {folder}
    events: str
    files: str
    signature: str  # {today}, {name}
    unnamed: str  # when the config names no complainant


ENGLISH = LetterWords(
    code="en",
    reminder_subject="Reminder: my objection under Article 21 GDPR of {filed} is unanswered",
    reminder_greeting="Dear Meta Privacy team,",
    reminder_body=(
        "On {filed} I objected under Article 21(1) GDPR to Meta using the personal data of my "
        "{platform} account {account} ({addresses}) to develop and improve AI at Meta.",
        "Article 12(3) GDPR gives you one month to act on such a request. That month ended on "
        "{overdue_since}, and I have had no answer.",
        "Please tell me by {answer_by} what you have decided. Otherwise I will lodge a "
        "complaint with the supervisory authority (Article 77 GDPR).",
    ),
    reminder_close="Kind regards,",
    complaint_title="Complaint under Article 77 GDPR against Meta Platforms Ireland Limited",
    complainant="Complainant",
    controller="Controller",
    account="Account concerned",
    facts="Facts",
    fact_notice="On {notice} Meta told me that it would use my information to develop and improve "
                "AI at Meta on the legal basis of legitimate interests, and that I have the right "
                "to object.",
    fact_filed="On {filed} I objected under Article 21(1) GDPR, using Meta's form.",
    fact_overdue="Meta has not answered. The month of Article 12(3) GDPR ended on {overdue_since}; "
                 "today, {today}, {days} days have passed since I objected.",
    fact_rejected="On {rejected} Meta refused my objection or asked for more before acting on it; "
                  "the reply is enclosed.",
    fact_reminded="I reminded Meta of my objection on {reminded}.",
    ask="What I ask",
    ask_text="Please examine this complaint and order Meta to act on my objection and to stop "
             "processing my personal data to develop and improve AI at Meta (Articles 12(3), "
             "21(1) and 58(2) GDPR).",
    evidence="Evidence",
    evidence_intro="Enclosed in the folder {folder}: each mail as received (.eml, with its SHA-256 "
                   "in SHA256SUMS) and a page that lists what happened when (evidence.html).",
    events="Dates",
    files="Files",
    signature="{today}, {name}",
    unnamed="[your name and postal address]",
)

GERMAN = LetterWords(
    code="de",
    reminder_subject="Erinnerung: mein Widerspruch nach Art. 21 DSGVO vom {filed} ist unbeantwortet",
    reminder_greeting="Sehr geehrtes Datenschutzteam von Meta,",
    reminder_body=(
        "am {filed} habe ich nach Art. 21 Abs. 1 DSGVO der Verwendung der personenbezogenen Daten "
        "meines {platform}-Kontos {account} ({addresses}) für die Entwicklung und Verbesserung "
        "von KI bei Meta widersprochen.",
        "Nach Art. 12 Abs. 3 DSGVO haben Sie einen Monat, um auf einen solchen Antrag hin tätig zu "
        "werden. Dieser Monat ist am {overdue_since} abgelaufen; eine Antwort habe ich nicht "
        "erhalten.",
        "Bitte teilen Sie mir bis zum {answer_by} mit, wie Sie entschieden haben. "
        "Andernfalls werde ich Beschwerde bei der Aufsichtsbehörde einlegen (Art. 77 DSGVO).",
    ),
    reminder_close="Mit freundlichen Grüßen",
    complaint_title="Beschwerde nach Art. 77 DSGVO gegen Meta Platforms Ireland Limited",
    complainant="Beschwerdeführer/in",
    controller="Verantwortlicher",
    account="Betroffenes Konto",
    facts="Sachverhalt",
    fact_notice="Am {notice} hat Meta mir mitgeteilt, meine Informationen auf Grundlage berechtigter "
                "Interessen für die Entwicklung und Verbesserung von KI bei Meta zu verwenden, und "
                "dass ich das Recht habe, zu widersprechen.",
    fact_filed="Am {filed} habe ich über das Formular von Meta nach Art. 21 Abs. 1 DSGVO "
               "widersprochen.",
    fact_overdue="Meta hat nicht geantwortet. Die Monatsfrist des Art. 12 Abs. 3 DSGVO ist am "
                 "{overdue_since} abgelaufen; heute, am {today}, sind seit meinem Widerspruch "
                 "{days} Tage vergangen.",
    fact_rejected="Am {rejected} hat Meta meinen Widerspruch abgelehnt oder weitere Angaben "
                  "verlangt, statt ihm nachzukommen; die Antwort liegt bei.",
    fact_reminded="Am {reminded} habe ich Meta an meinen Widerspruch erinnert.",
    ask="Mein Anliegen",
    ask_text="Bitte prüfen Sie diese Beschwerde und weisen Sie Meta an, meinem Widerspruch "
             "nachzukommen und die Verarbeitung meiner personenbezogenen Daten für die Entwicklung "
             "und Verbesserung von KI bei Meta einzustellen (Art. 12 Abs. 3, Art. 21 Abs. 1 und "
             "Art. 58 Abs. 2 DSGVO).",
    evidence="Nachweise",
    evidence_intro="Im Ordner {folder}: jede E-Mail wie empfangen (.eml, mit ihrem SHA-256 in "
                   "SHA256SUMS) und eine Seite, die zeigt, was wann geschah (evidence.html).",
    events="Daten",
    files="Dateien",
    signature="{today}, {name}",
    unnamed="[Ihr Name und Ihre Postanschrift]",
)

FRENCH = LetterWords(
    code="fr",
    reminder_subject="Relance : mon opposition au titre de l'article 21 du RGPD du {filed} est "
                     "sans réponse",
    reminder_greeting="Madame, Monsieur,",
    reminder_body=(
        "Le {filed}, je me suis opposé(e), en vertu de l'article 21, paragraphe 1, du RGPD, à "
        "l'utilisation des données personnelles de mon compte {platform} {account} ({addresses}) "
        "pour développer et améliorer l'IA chez Meta.",
        "L'article 12, paragraphe 3, du RGPD vous donne un mois pour statuer sur une telle "
        "demande. Ce mois a pris fin le {overdue_since} et je n'ai reçu aucune réponse.",
        "Merci de m'indiquer d'ici le {answer_by} votre décision. À "
        "défaut, je saisirai l'autorité de contrôle (article 77 du RGPD).",
    ),
    reminder_close="Veuillez agréer, Madame, Monsieur, mes salutations distinguées.",
    complaint_title="Réclamation au titre de l'article 77 du RGPD contre Meta Platforms Ireland "
                    "Limited",
    complainant="Réclamant(e)",
    controller="Responsable du traitement",
    account="Compte concerné",
    facts="Faits",
    fact_notice="Le {notice}, Meta m'a informé(e) qu'elle utiliserait mes informations pour "
                "développer et améliorer l'IA chez Meta sur la base de l'intérêt légitime, et que "
                "j'avais le droit de m'y opposer.",
    fact_filed="Le {filed}, je me suis opposé(e) au titre de l'article 21, paragraphe 1, du RGPD, "
               "au moyen du formulaire de Meta.",
    fact_overdue="Meta n'a pas répondu. Le délai d'un mois de l'article 12, paragraphe 3, du RGPD a "
                 "pris fin le {overdue_since} ; aujourd'hui, {today}, {days} jours se sont écoulés "
                 "depuis mon opposition.",
    fact_rejected="Le {rejected}, Meta a refusé mon opposition ou demandé davantage d'informations "
                  "au lieu d'y donner suite ; la réponse est jointe.",
    fact_reminded="J'ai relancé Meta le {reminded}.",
    ask="Ma demande",
    ask_text="Je vous prie d'examiner cette réclamation et d'ordonner à Meta de donner suite à mon "
             "opposition et de cesser de traiter mes données personnelles pour développer et "
             "améliorer l'IA chez Meta (articles 12, paragraphe 3, 21, paragraphe 1, et 58, "
             "paragraphe 2, du RGPD).",
    evidence="Pièces",
    evidence_intro="Dans le dossier {folder} : chaque e-mail tel que reçu (.eml, avec son SHA-256 "
                   "dans SHA256SUMS) et une page qui indique ce qui s'est passé et quand "
                   "(evidence.html).",
    events="Dates",
    files="Fichiers",
    signature="{today}, {name}",
    unnamed="[vos nom et adresse postale]",
)

LETTERS = {w.code: w for w in (ENGLISH, GERMAN, FRENCH)}
