-- mail-outcome-jdbc schema version 2 (H2): the delivery records of tracked sends (the DeliveryStore), so that a notice
-- arriving after a restart still finds its send. One row per send, per recipient, per notice applied.
CREATE TABLE mail_outcome_sends (
    id          VARCHAR(64)  NOT NULL PRIMARY KEY,
    message_id  VARCHAR(998),
    envelope_id VARCHAR(100),
    verp_token  VARCHAR(64),
    sent_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    server      VARCHAR(255) NOT NULL,
    unresolved  BOOLEAN      NOT NULL
);
CREATE INDEX mail_outcome_sends_message_id_idx ON mail_outcome_sends (message_id);
CREATE UNIQUE INDEX mail_outcome_sends_envelope_id_idx ON mail_outcome_sends (envelope_id);
CREATE UNIQUE INDEX mail_outcome_sends_verp_token_idx ON mail_outcome_sends (verp_token);
CREATE INDEX mail_outcome_sends_unresolved_idx ON mail_outcome_sends (unresolved, sent_at);
CREATE TABLE mail_outcome_recipients (
    send_id       VARCHAR(64)  NOT NULL,
    position      INT          NOT NULL,
    address       VARCHAR(320) NOT NULL,
    final_address VARCHAR(320) NOT NULL,
    outcome_stage VARCHAR(16)  NOT NULL,
    outcome_text  VARCHAR(100000) NOT NULL,
    fate          VARCHAR(16)  NOT NULL,
    fate_at       TIMESTAMP WITH TIME ZONE,
    fate_status   VARCHAR(16),
    fate_stage    VARCHAR(16),
    fate_text     VARCHAR(100000),
    PRIMARY KEY (send_id, position)
);
CREATE TABLE mail_outcome_notices (
    send_id   VARCHAR(64)  NOT NULL,
    position  INT          NOT NULL,
    notice_id VARCHAR(998) NOT NULL,
    seq       INT          NOT NULL,
    PRIMARY KEY (send_id, position, notice_id)
);
