"""The few values command options are built from, in a module that imports nothing: `--help`
and every command's option parsing must not pay for the database or the classifier (issue 21
item 2)."""

MARK_ACTIONS = ("submitted", "confirmed", "ignored", "reset")
DEFAULT_JOBS = 4  # mailboxes synced at once: IMAP waits dominate, and servers limit connections
PLATFORMS = ("facebook", "instagram", "whatsapp")  # Threads counts for Instagram, Messenger for Facebook
# What a person may still write: "threads:USERNAME", "messenger:ADDRESS".
ALIASES = {"threads": "instagram", "messenger": "facebook"}
