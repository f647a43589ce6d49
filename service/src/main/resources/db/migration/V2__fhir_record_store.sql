-- The FHIR record store: the current version of every resource, every version ever written, and
-- the search-index rows that make each supported search an index lookup.

-- The current version of each resource. A deleted resource keeps its row (deleted, no body) so a
-- later read answers 410 and the next write continues its version count.
CREATE TABLE fhir_resource (
    resource_type TEXT        NOT NULL,
    id            TEXT        NOT NULL,
    version_id    BIGINT      NOT NULL CHECK (version_id > 0),
    last_updated  TIMESTAMPTZ NOT NULL,
    deleted       BOOLEAN     NOT NULL DEFAULT FALSE,
    resource      JSONB,
    -- the Patient the resource is about (subject or patient when it references a Patient)
    patient_id    TEXT,
    -- the start of the resource's clinically relevant date, for _sort=date
    sort_date     TIMESTAMPTZ,
    PRIMARY KEY (resource_type, id),
    CHECK (deleted OR resource IS NOT NULL)
);
-- A patient-scoped search (Observation?patient=x&...) starts here.
CREATE INDEX fhir_resource_patient ON fhir_resource (patient_id, resource_type, sort_date DESC)
    WHERE NOT deleted;
CREATE INDEX fhir_resource_type_updated ON fhir_resource (resource_type, last_updated DESC)
    WHERE NOT deleted;

-- Every version of every resource, deletions included; never updated, only appended.
CREATE TABLE fhir_resource_history (
    resource_type TEXT        NOT NULL,
    id            TEXT        NOT NULL,
    version_id    BIGINT      NOT NULL,
    last_updated  TIMESTAMPTZ NOT NULL,
    deleted       BOOLEAN     NOT NULL,
    method        TEXT        NOT NULL CHECK (method IN ('POST', 'PUT', 'DELETE')),
    resource      JSONB,
    PRIMARY KEY (resource_type, id, version_id),
    CHECK (deleted OR resource IS NOT NULL)
);

-- Token search parameters (code, category, status, ...): one row per coding. system is '' when
-- the coding has none.
CREATE TABLE fhir_search_token (
    resource_type TEXT NOT NULL,
    resource_id   TEXT NOT NULL,
    param         TEXT NOT NULL,
    system        TEXT NOT NULL,
    code          TEXT NOT NULL,
    FOREIGN KEY (resource_type, resource_id) REFERENCES fhir_resource (resource_type, id)
);
CREATE INDEX fhir_search_token_resource ON fhir_search_token (resource_type, resource_id, param, code);
CREATE INDEX fhir_search_token_code ON fhir_search_token (resource_type, param, code, system);

-- Date search parameters as half-open ranges [low, high): a day is the whole day, a Period its
-- start to its end (open ends stored as far past and far future).
CREATE TABLE fhir_search_date (
    resource_type TEXT        NOT NULL,
    resource_id   TEXT        NOT NULL,
    param         TEXT        NOT NULL,
    low           TIMESTAMPTZ NOT NULL,
    high          TIMESTAMPTZ NOT NULL,
    FOREIGN KEY (resource_type, resource_id) REFERENCES fhir_resource (resource_type, id)
);
CREATE INDEX fhir_search_date_resource ON fhir_search_date (resource_type, resource_id, param, low, high);
