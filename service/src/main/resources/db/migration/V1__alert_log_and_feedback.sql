-- Every card Vigil returned, written off the request path.
CREATE TABLE alert_log (
    id                BIGSERIAL PRIMARY KEY,
    logged_at         TIMESTAMPTZ NOT NULL,
    service_id        TEXT        NOT NULL,
    hook              TEXT        NOT NULL,
    hook_instance     TEXT        NOT NULL,
    card_uuid         UUID        NOT NULL UNIQUE,
    rule_id           TEXT        NOT NULL,
    check_name        TEXT        NOT NULL,
    indicator         TEXT        NOT NULL,
    interruptive      BOOLEAN     NOT NULL,
    patient_id        TEXT,
    knowledge_version TEXT        NOT NULL
);
CREATE INDEX alert_log_logged_at ON alert_log (logged_at DESC);
CREATE INDEX alert_log_rule ON alert_log (rule_id, logged_at DESC);
CREATE INDEX alert_log_patient ON alert_log (patient_id, logged_at DESC);

-- CDS Hooks feedback: what the clinician did with a card. The same card, outcome and timestamp is
-- one event however often the client sends it.
CREATE TABLE card_feedback (
    id                   BIGSERIAL PRIMARY KEY,
    received_at          TIMESTAMPTZ NOT NULL,
    service_id           TEXT        NOT NULL,
    card_uuid            TEXT        NOT NULL,
    outcome              TEXT        NOT NULL CHECK (outcome IN ('accepted', 'overridden')),
    accepted_suggestions TEXT[]      NOT NULL DEFAULT '{}',
    override_system      TEXT,
    override_code        TEXT,
    override_display     TEXT,
    user_comment         TEXT,
    outcome_timestamp    TIMESTAMPTZ NOT NULL,
    CONSTRAINT card_feedback_once UNIQUE (card_uuid, outcome, outcome_timestamp)
);
CREATE INDEX card_feedback_card ON card_feedback (card_uuid);
