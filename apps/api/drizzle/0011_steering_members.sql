CREATE TABLE "steering_members" (
	"id" text PRIMARY KEY NOT NULL,
	"unit_id" text NOT NULL,
	"data" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text
);
--> statement-breakpoint
CREATE INDEX "steering_members_unit_idx" ON "steering_members" USING btree ("unit_id");--> statement-breakpoint
-- The change feed (see 0002), like the other record tables: caches built from steering members are dropped when one is written.
CREATE TRIGGER steering_members_change_feed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "steering_members" FOR EACH STATEMENT EXECUTE FUNCTION ntm_notify_change();