-- mail-outcome-jdbc schema version 4 (H2): the queue id each tracked send's server gave in its reply to the end of
-- data (SES's "250 Ok ID" is the message id of its events), by which a provider's events find their send.
ALTER TABLE mail_outcome_sends ADD COLUMN queue_id VARCHAR(128);
CREATE INDEX mail_outcome_sends_queue_id_idx ON mail_outcome_sends (queue_id);
