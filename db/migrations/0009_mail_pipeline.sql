CREATE TABLE "email_batch_members" (
	"batch_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"outbox_id" uuid NOT NULL,
	"email_key" text,
	"template" text,
	"message" jsonb,
	"outcome" text,
	CONSTRAINT "email_batch_members_batch_id_position_pk" PRIMARY KEY("batch_id","position")
);
--> statement-breakpoint
CREATE TABLE "email_batches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"state" text DEFAULT 'claimed' NOT NULL,
	"lease_until" timestamp with time zone NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"parent_id" uuid,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"sent_at" timestamp with time zone,
	CONSTRAINT "email_batches_state_check" CHECK ("email_batches"."state" in ('claimed', 'ready', 'done'))
);
--> statement-breakpoint
CREATE TABLE "email_outbox" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"payload" jsonb NOT NULL,
	"priority" smallint DEFAULT 0 NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"batch_id" uuid,
	"available_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"done_at" timestamp with time zone,
	CONSTRAINT "email_outbox_state_check" CHECK ("email_outbox"."state" in ('queued', 'batched', 'sent', 'failed', 'skipped'))
);
--> statement-breakpoint
CREATE TABLE "mail_throttle" (
	"id" smallint PRIMARY KEY NOT NULL,
	"next_at" timestamp with time zone NOT NULL,
	"halted_until" timestamp with time zone,
	"halted_reason" text,
	"halted_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "email_deliveries" ADD COLUMN "batch_id" uuid;--> statement-breakpoint
ALTER TABLE "email_batch_members" ADD CONSTRAINT "email_batch_members_batch_id_email_batches_id_fk" FOREIGN KEY ("batch_id") REFERENCES "public"."email_batches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "email_batch_members" ADD CONSTRAINT "email_batch_members_outbox_id_email_outbox_id_fk" FOREIGN KEY ("outbox_id") REFERENCES "public"."email_outbox"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "email_batch_members_outbox_idx" ON "email_batch_members" USING btree ("outbox_id");--> statement-breakpoint
CREATE INDEX "email_batches_open_idx" ON "email_batches" USING btree ("lease_until") WHERE "email_batches"."state" <> 'done';--> statement-breakpoint
CREATE INDEX "email_outbox_ready_idx" ON "email_outbox" USING btree ("priority","created_at") WHERE "email_outbox"."state" = 'queued';--> statement-breakpoint
CREATE INDEX "email_outbox_batch_idx" ON "email_outbox" USING btree ("batch_id");--> statement-breakpoint
INSERT INTO "mail_throttle" ("id", "next_at") VALUES (1, 'epoch') ON CONFLICT DO NOTHING;
--> statement-breakpoint
DO $$ BEGIN
  IF to_regclass('pgboss.job') IS NOT NULL THEN
    INSERT INTO "email_outbox" ("kind", "payload", "priority")
    SELECT j.name, j.data, CASE WHEN j.name = 'rally-email' AND j.data->>'kind' IN ('day_before', 'day_of', 'changed', 'cancelled') THEN 1 ELSE 0 END
    FROM pgboss.job j
    WHERE j.name IN ('signature-confirmation', 'signature-already-signed', 'rally-email') AND j.state IN ('created', 'retry', 'active');
  END IF;
END $$;
