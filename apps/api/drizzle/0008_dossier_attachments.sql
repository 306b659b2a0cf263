CREATE TABLE "dossier_attachments" (
	"id" text PRIMARY KEY NOT NULL,
	"dossier_id" text NOT NULL,
	"unit_id" text NOT NULL,
	"name" text NOT NULL,
	"kind" text,
	"media_type" text NOT NULL,
	"size" integer NOT NULL,
	"sha256" text NOT NULL,
	"content" "bytea" NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" text
);
--> statement-breakpoint
CREATE INDEX "dossier_attachments_dossier_idx" ON "dossier_attachments" USING btree ("dossier_id");