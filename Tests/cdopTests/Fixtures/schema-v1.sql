-- A cdop database from before projections.v2.practitioner_links (scripts/make-schema-v1-fixture.sh).
-- Synthetic data only.
CREATE TABLE agencies (
    agency_id      TEXT PRIMARY KEY,
    name           TEXT NOT NULL,
    kind           TEXT NOT NULL,
    lead_email     TEXT,
    contacts       TEXT NOT NULL,
    retired        INTEGER NOT NULL,
    stream_version INTEGER NOT NULL
);
CREATE TABLE case_duplicate_keys (
    key     TEXT NOT NULL,
    case_id TEXT NOT NULL,
    PRIMARY KEY (key, case_id)
) WITHOUT ROWID;
INSERT INTO "case_duplicate_keys" VALUES('dates:2026-06-11|2026-11-14','c0677366-cf30-46af-ba30-1886cb9d5aa6');
INSERT INTO "case_duplicate_keys" VALUES('dates:2026-07-02|2026-11-14','63261462-70e0-4250-af2b-9dd902fdf138');
INSERT INTO "case_duplicate_keys" VALUES('id:alextestchild|2026-07-02|2026-11-14','63261462-70e0-4250-af2b-9dd902fdf138');
INSERT INTO "case_duplicate_keys" VALUES('id:samtestchild|2026-06-11|2026-11-14','c0677366-cf30-46af-ba30-1886cb9d5aa6');
INSERT INTO "case_duplicate_keys" VALUES('nhs:4010232137','c0677366-cf30-46af-ba30-1886cb9d5aa6');
INSERT INTO "case_duplicate_keys" VALUES('nhs:9434765919','63261462-70e0-4250-af2b-9dd902fdf138');
CREATE TABLE case_summaries (
    case_id              TEXT PRIMARY KEY,
    reference            TEXT NOT NULL UNIQUE,
    stage                TEXT NOT NULL,
    counts_for_panel     INTEGER NOT NULL,
    child_name           TEXT NOT NULL,
    sex                  TEXT NOT NULL,
    date_of_birth        TEXT NOT NULL,
    date_of_death        TEXT NOT NULL,
    area_code            TEXT,
    expectation          TEXT,
    notified_at          TEXT NOT NULL,
    possible_duplicate_of TEXT,
    duplicate_of         TEXT,
    outstanding_requests INTEGER NOT NULL,
    stream_version       INTEGER NOT NULL
);
INSERT INTO "case_summaries" VALUES('63261462-70e0-4250-af2b-9dd902fdf138','CDOP-63261462','notified',1,'Alex Testchild','male','2026-07-02','2026-11-14','NTH','unexpected','2026-11-23T17:17:24.164Z',NULL,NULL,0,2);
INSERT INTO "case_summaries" VALUES('c0677366-cf30-46af-ba30-1886cb9d5aa6','CDOP-C0677366','notified',1,'Sam Testchild','male','2026-06-11','2026-11-14','NTH','unexpected','2026-11-23T17:17:24.517Z',NULL,NULL,0,2);
CREATE TABLE checkpoints (
    name     TEXT    NOT NULL PRIMARY KEY,
    position INTEGER NOT NULL CHECK (position >= 0)
) WITHOUT ROWID;
INSERT INTO "checkpoints" VALUES('agencies',4);
INSERT INTO "checkpoints" VALUES('cases',4);
INSERT INTO "checkpoints" VALUES('meetings',4);
INSERT INTO "checkpoints" VALUES('users',4);
CREATE TABLE commands (
    command_id     TEXT    NOT NULL,
    stream_id      TEXT    NOT NULL,
    first_position INTEGER NOT NULL,
    last_position  INTEGER NOT NULL,
    stream_version INTEGER NOT NULL,
    recorded_at    TEXT    NOT NULL,
    PRIMARY KEY (command_id, stream_id)
) WITHOUT ROWID;
INSERT INTO "commands" VALUES('308380cb-f537-4736-bd56-424847324f9e','case-63261462-70e0-4250-af2b-9dd902fdf138',1,2,2,'2026-11-23T17:17:24.164Z');
INSERT INTO "commands" VALUES('6a536256-2012-48a4-8da1-c78fdee74972','case-c0677366-cf30-46af-ba30-1886cb9d5aa6',3,4,2,'2026-11-23T17:17:24.517Z');
CREATE TABLE events (
    position       INTEGER PRIMARY KEY,
    event_id       TEXT    NOT NULL UNIQUE CHECK (length(event_id) = 36),
    stream_id      TEXT    NOT NULL CHECK (length(stream_id) BETWEEN 1 AND 200),
    stream_version INTEGER NOT NULL CHECK (stream_version >= 1),
    type           TEXT    NOT NULL CHECK (length(type) >= 1),
    schema_version INTEGER NOT NULL CHECK (schema_version >= 1),
    data           TEXT    NOT NULL CHECK (json_valid(data)),
    metadata       TEXT    NOT NULL CHECK (json_valid(metadata)),
    recorded_at    TEXT    NOT NULL CHECK (length(recorded_at) = 24),
    UNIQUE (stream_id, stream_version)
);
INSERT INTO "events" VALUES(1,'b25a4dea-f541-4d7b-81c7-dd562b08f9d6','case-63261462-70e0-4250-af2b-9dd902fdf138',1,'case.notificationReceived.v1',1,'{"areaCode":"NTH","at":"2026-11-23T17:17:24.164Z","caseID":"63261462-70e0-4250-af2b-9dd902fdf138","notification":{"areaOfDeathCode":"NTH","child":{"address":{"lines":["1 Example Row","Northtown"],"postcode":"ZZ99 1AA"},"dateOfBirth":"2026-07-02","ethnicity":"whiteBritish","gpPractice":"Northgate Surgery","name":{"aliases":[],"forenames":"Alex","surname":"Testchild"},"nhsNumber":{"number":"9434765919"},"sex":"male"},"circumstances":"Found unresponsive in his cot at 02:10; resuscitation attempted by the ambulance crew.","death":{"birthStatus":"liveBorn","coronerInformed":"yes","date":"2026-11-14","place":{"kind":"home"},"postMortem":"yes","reportedExpectation":"unexpected","time":"02:10"},"notifier":{"dateNotified":"2026-11-14","email":"sam.notifier@ambulance.example.nhs.uk","name":"Sam Notifier","organisation":"Northam Ambulance Service","phone":"01632 960001","role":"Paramedic"},"professionalsInvolved":[{"name":"Dr Jo Example","organisation":"Northgate Surgery","role":"GP"},{"name":"Chris Visitor","organisation":"Northam Health Visiting Service","role":"Health visitor"}],"residenceAreaCode":"NTH"},"residentInPanelArea":true}','{"actor":"fixture","commandId":"308380cb-f537-4736-bd56-424847324f9e","correlationId":"308380cb-f537-4736-bd56-424847324f9e","role":"coordinator"}','2026-11-23T17:17:24.164Z');
INSERT INTO "events" VALUES(2,'06ede74d-1fae-4146-a9ff-84ab7f7c6454','case-63261462-70e0-4250-af2b-9dd902fdf138',2,'case.scheduleStarted.v1',1,'{"at":"2026-11-23T17:17:24.164Z","pausedWhileAwaitingExternal":true,"schedule":{"id":"case-review","version":1},"steps":[{"action":{"target":{"name":"child-death-review-meeting","to":["coordinator","designated-doctor"]}},"dueAt":"2027-02-08T09:00:00Z","name":"review-meeting-reminder","template":"target-reminder"},{"action":{"target":{"name":"child-death-review-meeting","to":["coordinator","designated-doctor"]}},"dueAt":"2027-02-22T09:00:00Z","name":"review-meeting-target-missed","template":"target-missed"},{"action":{"target":{"name":"panel-review","to":["coordinator","panel-chair"]}},"dueAt":"2027-05-10T08:00:00Z","name":"panel-review-reminder","template":"target-reminder"},{"action":{"target":{"name":"panel-review","to":["coordinator","panel-chair"]}},"dueAt":"2027-05-24T08:00:00Z","name":"panel-review-target-missed","template":"target-missed"}],"stoppedBy":["case-closed","case-left-panel","panel-outcome-recorded"],"target":"case-review","title":"Child death review meeting and panel review targets"}','{"actor":"fixture","commandId":"308380cb-f537-4736-bd56-424847324f9e","correlationId":"308380cb-f537-4736-bd56-424847324f9e","role":"coordinator"}','2026-11-23T17:17:24.164Z');
INSERT INTO "events" VALUES(3,'17d9d375-f008-42d2-888c-330b98132f5f','case-c0677366-cf30-46af-ba30-1886cb9d5aa6',1,'case.notificationReceived.v1',1,'{"areaCode":"NTH","at":"2026-11-23T17:17:24.517Z","caseID":"c0677366-cf30-46af-ba30-1886cb9d5aa6","notification":{"areaOfDeathCode":"NTH","child":{"address":{"lines":["1 Example Row","Northtown"],"postcode":"ZZ99 1AA"},"dateOfBirth":"2026-06-11","ethnicity":"whiteBritish","gpPractice":"Northgate Surgery","name":{"aliases":[],"forenames":"Sam","surname":"Testchild"},"nhsNumber":{"number":"4010232137"},"sex":"male"},"circumstances":"Found unresponsive in his cot at 02:10; resuscitation attempted by the ambulance crew.","death":{"birthStatus":"liveBorn","coronerInformed":"yes","date":"2026-11-14","place":{"kind":"home"},"postMortem":"yes","reportedExpectation":"unexpected","time":"02:10"},"notifier":{"dateNotified":"2026-11-14","email":"sam.notifier@ambulance.example.nhs.uk","name":"Sam Notifier","organisation":"Northam Ambulance Service","phone":"01632 960001","role":"Paramedic"},"professionalsInvolved":[{"name":"Dr Jo Example","organisation":"Northgate Surgery","role":"GP"},{"name":"Chris Visitor","organisation":"Northam Health Visiting Service","role":"Health visitor"}],"residenceAreaCode":"NTH"},"residentInPanelArea":true}','{"actor":"fixture","commandId":"6a536256-2012-48a4-8da1-c78fdee74972","correlationId":"6a536256-2012-48a4-8da1-c78fdee74972","role":"coordinator"}','2026-11-23T17:17:24.517Z');
INSERT INTO "events" VALUES(4,'aa808fb0-a865-4e88-92a7-7844864bd686','case-c0677366-cf30-46af-ba30-1886cb9d5aa6',2,'case.scheduleStarted.v1',1,'{"at":"2026-11-23T17:17:24.517Z","pausedWhileAwaitingExternal":true,"schedule":{"id":"case-review","version":1},"steps":[{"action":{"target":{"name":"child-death-review-meeting","to":["coordinator","designated-doctor"]}},"dueAt":"2027-02-08T09:00:00Z","name":"review-meeting-reminder","template":"target-reminder"},{"action":{"target":{"name":"child-death-review-meeting","to":["coordinator","designated-doctor"]}},"dueAt":"2027-02-22T09:00:00Z","name":"review-meeting-target-missed","template":"target-missed"},{"action":{"target":{"name":"panel-review","to":["coordinator","panel-chair"]}},"dueAt":"2027-05-10T08:00:00Z","name":"panel-review-reminder","template":"target-reminder"},{"action":{"target":{"name":"panel-review","to":["coordinator","panel-chair"]}},"dueAt":"2027-05-24T08:00:00Z","name":"panel-review-target-missed","template":"target-missed"}],"stoppedBy":["case-closed","case-left-panel","panel-outcome-recorded"],"target":"case-review","title":"Child death review meeting and panel review targets"}','{"actor":"fixture","commandId":"6a536256-2012-48a4-8da1-c78fdee74972","correlationId":"6a536256-2012-48a4-8da1-c78fdee74972","role":"coordinator"}','2026-11-23T17:17:24.517Z');
CREATE TABLE form_requests (
    request_id      TEXT PRIMARY KEY,
    case_id         TEXT NOT NULL,
    agency_id       TEXT NOT NULL,
    agency_name     TEXT NOT NULL,
    form_type       TEXT NOT NULL,
    contact_email   TEXT NOT NULL,
    requested_at    TEXT NOT NULL,
    due_date        TEXT NOT NULL,
    status          TEXT NOT NULL,
    outstanding     INTEGER NOT NULL,
    reminders       INTEGER NOT NULL,
    escalation      TEXT
);
CREATE TABLE meeting_agenda (
    meeting_id TEXT NOT NULL,
    position   INTEGER NOT NULL,
    case_id    TEXT NOT NULL,
    PRIMARY KEY (meeting_id, position)
) WITHOUT ROWID;
CREATE TABLE meetings (
    meeting_id     TEXT PRIMARY KEY,
    type           TEXT NOT NULL,
    title          TEXT NOT NULL,
    starts_at      TEXT,
    ends_at        TEXT,
    status         TEXT NOT NULL,
    sequence       INTEGER NOT NULL,
    invitees       INTEGER NOT NULL,
    open_actions   INTEGER NOT NULL,
    stream_version INTEGER NOT NULL
);
CREATE TABLE outbox (
    outbox_id         TEXT PRIMARY KEY,
    stream_id         TEXT NOT NULL,
    case_id           TEXT,
    template          TEXT NOT NULL,
    recipient_role    TEXT NOT NULL,
    recipient_address TEXT,
    agency_name       TEXT,
    request_id        TEXT,
    reminder_number   INTEGER,
    created_at        TEXT NOT NULL,
    state             TEXT NOT NULL
);
CREATE TABLE outbox_attempts (
    outbox_id       TEXT PRIMARY KEY,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at TEXT,
    claimed_until   TEXT,
    last_error      TEXT
) WITHOUT ROWID;
CREATE TABLE schema_migrations (
    name TEXT NOT NULL PRIMARY KEY, applied_order INTEGER NOT NULL);
INSERT INTO "schema_migrations" VALUES('store.v1.events',0);
INSERT INTO "schema_migrations" VALUES('projections.v1.cases',1);
INSERT INTO "schema_migrations" VALUES('projections.v1.agencies',2);
INSERT INTO "schema_migrations" VALUES('projections.v1.meetings',3);
INSERT INTO "schema_migrations" VALUES('projections.v1.timers',4);
INSERT INTO "schema_migrations" VALUES('scheduler.v1.timer_attempts',5);
INSERT INTO "schema_migrations" VALUES('projections.v1.outbox',6);
INSERT INTO "schema_migrations" VALUES('dispatcher.v1.outbox_attempts',7);
INSERT INTO "schema_migrations" VALUES('projections.v1.users',8);
INSERT INTO "schema_migrations" VALUES('users.v1.credentials',10);
INSERT INTO "schema_migrations" VALUES('users.v1.sessions',11);
CREATE TABLE sessions (
    token_hash        TEXT PRIMARY KEY,
    user_id           TEXT NOT NULL,
    csrf_token        TEXT NOT NULL,
    created_at        TEXT NOT NULL,
    last_seen_at      TEXT NOT NULL,
    expires_at        TEXT NOT NULL,
    absolute_expiry   TEXT NOT NULL
);
CREATE TABLE timer_attempts (
    timer_id   TEXT PRIMARY KEY,
    attempts   INTEGER NOT NULL,
    last_error TEXT NOT NULL,
    retry_at   TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE timers (
    timer_id         TEXT PRIMARY KEY,
    case_id          TEXT NOT NULL,
    target           TEXT NOT NULL,
    schedule_id      TEXT NOT NULL,
    schedule_version INTEGER NOT NULL,
    step             TEXT NOT NULL,
    action           TEXT NOT NULL,
    template         TEXT,
    due_at           TEXT,
    state            TEXT NOT NULL
);
INSERT INTO "timers" VALUES('6b51d60d-0495-8066-bcfb-56cf384fa04b','63261462-70e0-4250-af2b-9dd902fdf138','case-review','case-review',1,'review-meeting-reminder','child-death-review-meeting target to coordinator, designated-doctor','target-reminder','2027-02-08T09:00:00.000Z','pending');
INSERT INTO "timers" VALUES('fff96147-0ec1-873d-a82f-affbc1724c06','63261462-70e0-4250-af2b-9dd902fdf138','case-review','case-review',1,'review-meeting-target-missed','child-death-review-meeting target to coordinator, designated-doctor','target-missed','2027-02-22T09:00:00.000Z','pending');
INSERT INTO "timers" VALUES('a478b279-fcb4-8161-9bb0-c6118499761c','63261462-70e0-4250-af2b-9dd902fdf138','case-review','case-review',1,'panel-review-reminder','panel-review target to coordinator, panel-chair','target-reminder','2027-05-10T08:00:00.000Z','pending');
INSERT INTO "timers" VALUES('3ab9def0-6fda-8834-b9d7-2fd7debbeb13','63261462-70e0-4250-af2b-9dd902fdf138','case-review','case-review',1,'panel-review-target-missed','panel-review target to coordinator, panel-chair','target-missed','2027-05-24T08:00:00.000Z','pending');
INSERT INTO "timers" VALUES('2c7a38f2-e82f-8731-ab22-d18ea66b7b60','c0677366-cf30-46af-ba30-1886cb9d5aa6','case-review','case-review',1,'review-meeting-reminder','child-death-review-meeting target to coordinator, designated-doctor','target-reminder','2027-02-08T09:00:00.000Z','pending');
INSERT INTO "timers" VALUES('ad5bdb84-1d69-8104-b80a-5c051cc84b47','c0677366-cf30-46af-ba30-1886cb9d5aa6','case-review','case-review',1,'review-meeting-target-missed','child-death-review-meeting target to coordinator, designated-doctor','target-missed','2027-02-22T09:00:00.000Z','pending');
INSERT INTO "timers" VALUES('e63cfd57-0903-83de-ba14-b62585842dff','c0677366-cf30-46af-ba30-1886cb9d5aa6','case-review','case-review',1,'panel-review-reminder','panel-review target to coordinator, panel-chair','target-reminder','2027-05-10T08:00:00.000Z','pending');
INSERT INTO "timers" VALUES('9075ce03-307e-8be5-8ec3-0eeceb166cba','c0677366-cf30-46af-ba30-1886cb9d5aa6','case-review','case-review',1,'panel-review-target-missed','panel-review target to coordinator, panel-chair','target-missed','2027-05-24T08:00:00.000Z','pending');
CREATE TABLE user_credentials (
    user_id              TEXT PRIMARY KEY,
    password_hash        TEXT NOT NULL,
    must_change_password INTEGER NOT NULL DEFAULT 0,
    totp_secret          TEXT,
    totp_pending_secret  TEXT,
    totp_last_step       INTEGER,
    failed_attempts      INTEGER NOT NULL DEFAULT 0,
    locked_until         TEXT
);
CREATE TABLE users (
    user_id        TEXT PRIMARY KEY,
    username       TEXT NOT NULL,
    display_name   TEXT NOT NULL,
    email          TEXT NOT NULL,
    roles          TEXT NOT NULL,
    areas          TEXT NOT NULL,
    disabled       INTEGER NOT NULL,
    second_factor  INTEGER NOT NULL,
    created_at     TEXT NOT NULL
);
CREATE TRIGGER events_are_never_updated BEFORE UPDATE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only: an event cannot be changed'); END;
CREATE TRIGGER events_are_never_deleted BEFORE DELETE ON events
BEGIN SELECT RAISE(ABORT, 'events are append-only: an event cannot be deleted'); END;
CREATE INDEX case_summaries_by_stage ON case_summaries (stage, area_code);
CREATE INDEX form_requests_by_case ON form_requests (case_id);
CREATE INDEX form_requests_outstanding ON form_requests (outstanding, due_date);
CREATE INDEX agencies_by_name ON agencies (name COLLATE NOCASE);
CREATE INDEX meetings_by_start ON meetings (starts_at);
CREATE INDEX meeting_agenda_by_case ON meeting_agenda (case_id);
CREATE INDEX timers_pending_by_due
    ON timers (due_at, timer_id, case_id, target, schedule_id, step) WHERE state = 'pending';
CREATE INDEX timers_by_case ON timers (case_id);
CREATE INDEX outbox_pending ON outbox (created_at) WHERE state = 'pending';
CREATE INDEX outbox_by_stream ON outbox (stream_id);
CREATE UNIQUE INDEX users_by_username ON users (username COLLATE NOCASE);
CREATE INDEX sessions_by_user ON sessions (user_id);
