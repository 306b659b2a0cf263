-- Change feed: every statement that writes one of these tables notifies channel ntm_changes with the
-- table's name, delivered to listeners when the transaction commits (PostgreSQL folds identical
-- payloads of one transaction into one, so a 5,000-row import sends one notification). Each API
-- instance listens and drops what it had validated against that table (src/db/changes.ts). No rows,
-- no locks: writers never wait on each other here. audit_log and rate_limits are not watched (no
-- cache reads them).
CREATE OR REPLACE FUNCTION ntm_notify_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('ntm_changes', TG_TABLE_NAME);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER units_change_feed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "units" FOR EACH STATEMENT EXECUTE FUNCTION ntm_notify_change();
--> statement-breakpoint
CREATE TRIGGER packs_change_feed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "packs" FOR EACH STATEMENT EXECUTE FUNCTION ntm_notify_change();
--> statement-breakpoint
CREATE TRIGGER indicator_values_change_feed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "indicator_values" FOR EACH STATEMENT EXECUTE FUNCTION ntm_notify_change();
--> statement-breakpoint
CREATE TRIGGER publications_change_feed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "publications" FOR EACH STATEMENT EXECUTE FUNCTION ntm_notify_change();
--> statement-breakpoint
CREATE TRIGGER users_change_feed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "users" FOR EACH STATEMENT EXECUTE FUNCTION ntm_notify_change();
--> statement-breakpoint
CREATE TRIGGER sessions_change_feed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "sessions" FOR EACH STATEMENT EXECUTE FUNCTION ntm_notify_change();
--> statement-breakpoint
CREATE TRIGGER api_tokens_change_feed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "api_tokens" FOR EACH STATEMENT EXECUTE FUNCTION ntm_notify_change();
--> statement-breakpoint
CREATE TRIGGER plans_change_feed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "plans" FOR EACH STATEMENT EXECUTE FUNCTION ntm_notify_change();
--> statement-breakpoint
CREATE TRIGGER tasks_change_feed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "tasks" FOR EACH STATEMENT EXECUTE FUNCTION ntm_notify_change();
--> statement-breakpoint
CREATE TRIGGER report_submissions_change_feed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "report_submissions" FOR EACH STATEMENT EXECUTE FUNCTION ntm_notify_change();
--> statement-breakpoint
CREATE TRIGGER dossiers_change_feed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "dossiers" FOR EACH STATEMENT EXECUTE FUNCTION ntm_notify_change();
--> statement-breakpoint
CREATE TRIGGER scoring_change_feed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "scoring" FOR EACH STATEMENT EXECUTE FUNCTION ntm_notify_change();
--> statement-breakpoint
CREATE TRIGGER ocop_products_change_feed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "ocop_products" FOR EACH STATEMENT EXECUTE FUNCTION ntm_notify_change();
--> statement-breakpoint
CREATE TRIGGER contributions_change_feed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "contributions" FOR EACH STATEMENT EXECUTE FUNCTION ntm_notify_change();
--> statement-breakpoint
CREATE TRIGGER housing_change_feed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "housing" FOR EACH STATEMENT EXECUTE FUNCTION ntm_notify_change();
--> statement-breakpoint
CREATE TRIGGER inspections_change_feed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "inspections" FOR EACH STATEMENT EXECUTE FUNCTION ntm_notify_change();
