CREATE TABLE "inbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"seq" bigserial NOT NULL,
	"platform" text NOT NULL,
	"event_id" text NOT NULL,
	"sender" text NOT NULL,
	"message" jsonb NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL,
	"handled_at" timestamp with time zone,
	"last_error" text,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "inbox_platform_event_uq" UNIQUE("platform","event_id")
);
--> statement-breakpoint
CREATE INDEX "inbox_due_idx" ON "inbox" USING btree ("handled_at","next_attempt_at");--> statement-breakpoint
CREATE INDEX "inbox_sender_idx" ON "inbox" USING btree ("platform","sender","seq");