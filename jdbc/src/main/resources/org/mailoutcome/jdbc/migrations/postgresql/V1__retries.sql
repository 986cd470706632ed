-- mail-outcome-jdbc schema version 1 (PostgreSQL): db-scheduler's task table under the module's own name, and
-- the ledger of every (send, recipient) handed to a durable retry.
CREATE TABLE mail_outcome_tasks (
    task_name            TEXT NOT NULL,
    task_instance        TEXT NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN NOT NULL,
    picked_by            TEXT,
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX mail_outcome_tasks_execution_time_idx ON mail_outcome_tasks (execution_time);
CREATE INDEX mail_outcome_tasks_last_heartbeat_idx ON mail_outcome_tasks (last_heartbeat);
CREATE TABLE mail_outcome_ledger (
    send_id     VARCHAR(64)  NOT NULL,
    recipient   VARCHAR(320) NOT NULL,
    target      VARCHAR(320) NOT NULL,
    state       VARCHAR(16)  NOT NULL,
    attempt     INT          NOT NULL,
    outcome     VARCHAR(1000),
    disposition VARCHAR(16),
    message_id  VARCHAR(998),
    due_at      TIMESTAMP WITH TIME ZONE,
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (send_id, recipient)
);
CREATE INDEX mail_outcome_ledger_state_idx ON mail_outcome_ledger (state);
