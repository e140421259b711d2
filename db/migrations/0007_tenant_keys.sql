ALTER TABLE "inbox" DROP CONSTRAINT "inbox_platform_event_uq";--> statement-breakpoint
ALTER TABLE "leave_requests" ALTER COLUMN "number" SET DATA TYPE bigint;--> statement-breakpoint
-- Hand-written (issue 15): leave numbers are now counted per tenant by createLeave; the global sequence that made
-- one tenant's numbers reveal another's volume goes. Numbers already given out stay as they are (unique overall, so
-- unique per tenant too), and a tenant's next number follows its highest.
ALTER TABLE "leave_requests" ALTER COLUMN "number" DROP DEFAULT;--> statement-breakpoint
DROP SEQUENCE IF EXISTS "leave_requests_number_seq";--> statement-breakpoint
-- Hand-written (issue 15): the inbox learns each stored message's tenant from the message itself (InboundMessage
-- always carried tenantId; its sender key starts with it too), before the column becomes NOT NULL.
ALTER TABLE "inbox" ADD COLUMN "tenant_id" text;--> statement-breakpoint
UPDATE "inbox" SET "tenant_id" = coalesce("message"->>'tenantId', split_part("sender", ':', 1));--> statement-breakpoint
ALTER TABLE "inbox" ALTER COLUMN "tenant_id" SET NOT NULL;--> statement-breakpoint
ALTER TABLE "processed_events" DROP CONSTRAINT "processed_events_pk";
--> statement-breakpoint
ALTER TABLE "processed_events" ADD CONSTRAINT "processed_events_pk" PRIMARY KEY("tenant_id","platform","event_id");--> statement-breakpoint
ALTER TABLE "leave_requests" ADD CONSTRAINT "leave_requests_tenant_number_uq" UNIQUE("tenant_id","number");--> statement-breakpoint
ALTER TABLE "inbox" ADD CONSTRAINT "inbox_tenant_platform_event_uq" UNIQUE("tenant_id","platform","event_id");
