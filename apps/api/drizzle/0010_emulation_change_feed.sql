-- The change feed (see 0002): the annual ranking reads commendations and discipline on record
-- (recorded outstanding achievements), so caches built from them are dropped when they are written.
CREATE TRIGGER commendations_change_feed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "commendations" FOR EACH STATEMENT EXECUTE FUNCTION ntm_notify_change();--> statement-breakpoint
CREATE TRIGGER disciplines_change_feed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "disciplines" FOR EACH STATEMENT EXECUTE FUNCTION ntm_notify_change();
