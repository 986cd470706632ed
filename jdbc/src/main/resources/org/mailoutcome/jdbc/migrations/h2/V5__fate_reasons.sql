-- mail-outcome-jdbc schema version 5 (H2): a bounce's reason as its notice says it (a failed Status 4.4.7 is EXPIRED
-- whatever the last remote reply was), beside the reply it quotes; empty in older rows, read as the reply's own reason.
ALTER TABLE mail_outcome_recipients ADD COLUMN fate_reason VARCHAR(32);
ALTER TABLE mail_outcome_notices ADD COLUMN fate_reason VARCHAR(32);
