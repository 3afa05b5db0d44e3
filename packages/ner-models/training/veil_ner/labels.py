"""BIO label set shared by encoding, decoding and the exported config.json."""

ENTITY_TYPES = ['PERSON', 'ORGANIZATION', 'LOCATION']
LABELS = ['O'] + [f"{p}-{t}" for t in ENTITY_TYPES for p in ('B', 'I')]
LABEL2ID = {label: i for i, label in enumerate(LABELS)}
IGNORE = -100  # [CLS]/[SEP] positions: excluded from the loss
