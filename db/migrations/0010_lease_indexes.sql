CREATE INDEX "inbox_unhandled_seq_idx" ON "inbox" USING btree ("seq") WHERE handled_at is null;--> statement-breakpoint
CREATE INDEX "inbox_unhandled_received_idx" ON "inbox" USING btree ("received_at") WHERE handled_at is null;--> statement-breakpoint
CREATE INDEX "outbox_unsent_seq_idx" ON "outbox" USING btree ("seq") WHERE sent_at is null;