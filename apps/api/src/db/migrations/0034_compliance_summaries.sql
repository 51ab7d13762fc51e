CREATE TABLE "compliance_summaries" (
	"organization_id" integer NOT NULL,
	"period" text NOT NULL,
	"tenant_id" integer NOT NULL,
	"version" integer NOT NULL,
	"computed_on" date NOT NULL,
	"rules_key" text NOT NULL,
	"rows" jsonb NOT NULL,
	"summary" jsonb NOT NULL,
	"computed_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "compliance_summaries_organization_id_period_pk" PRIMARY KEY("organization_id","period")
);
--> statement-breakpoint
CREATE TABLE "compliance_versions" (
	"organization_id" integer PRIMARY KEY NOT NULL,
	"version" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "compliance_summaries" ADD CONSTRAINT "compliance_summaries_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_summaries" ADD CONSTRAINT "compliance_summaries_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "compliance_versions" ADD CONSTRAINT "compliance_versions_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "compliance_summaries_tenant_idx" ON "compliance_summaries" USING btree ("tenant_id","period");--> statement-breakpoint
-- A summary is derived from rows the reader may see; any user who may see the branch may store its month's
-- calendar (a village secretary's own board fills its own row).
ALTER TABLE "compliance_summaries" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_read" ON "compliance_summaries" FOR SELECT USING ("organization_id" IN (SELECT o."id" FROM "organizations" o WHERE app_scope_sees(o."tenant_id", o."path")));--> statement-breakpoint
CREATE POLICY "scope_insert" ON "compliance_summaries" FOR INSERT WITH CHECK ("organization_id" IN (SELECT o."id" FROM "organizations" o WHERE app_scope_sees(o."tenant_id", o."path")));--> statement-breakpoint
CREATE POLICY "scope_update" ON "compliance_summaries" FOR UPDATE USING ("organization_id" IN (SELECT o."id" FROM "organizations" o WHERE app_scope_sees(o."tenant_id", o."path"))) WITH CHECK ("organization_id" IN (SELECT o."id" FROM "organizations" o WHERE app_scope_sees(o."tenant_id", o."path")));--> statement-breakpoint
CREATE POLICY "scope_delete" ON "compliance_summaries" FOR DELETE USING ("organization_id" IN (SELECT o."id" FROM "organizations" o WHERE app_scope_sees(o."tenant_id", o."path")));--> statement-breakpoint
-- Versions hold organisation ids and counters only; the application reads them, only the triggers below write.
ALTER TABLE "compliance_versions" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_read" ON "compliance_versions" FOR SELECT USING ("organization_id" IN (SELECT o."id" FROM "organizations" o WHERE app_scope_sees(o."tenant_id", o."path")));--> statement-breakpoint
-- Raise the version of these organisations (existing ones: an AFTER DELETE of an organisation touches itself).
-- SECURITY DEFINER: the writer is the application role, which may not write versions itself. Ids in order, so two
-- transactions touching the same branches lock their rows in the same order.
CREATE FUNCTION compliance_touch(ids integer[]) RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  INSERT INTO compliance_versions AS v (organization_id, version)
  SELECT DISTINCT o.id, 1 FROM organizations o WHERE o.id = ANY (ids) ORDER BY 1
  ON CONFLICT (organization_id) DO UPDATE SET version = v.version + 1
$$;--> statement-breakpoint
-- An organisation touches itself and its parent (a group's branch): row by row, organisations change one at a time.
CREATE FUNCTION compliance_touch_row() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP <> 'INSERT' THEN PERFORM compliance_touch(ARRAY[OLD.id, OLD.parent_id]); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM compliance_touch(ARRAY[NEW.id, NEW.parent_id]); END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
-- The branches of these activities, read as the owner (the writer's row-level scope is not the question here).
CREATE FUNCTION compliance_touch_activities(ids integer[]) RETURNS void LANGUAGE sql SECURITY DEFINER SET search_path = public AS $$
  SELECT compliance_touch(ARRAY(SELECT DISTINCT a.organization_id FROM activities a WHERE a.id = ANY (ids)))
$$;--> statement-breakpoint
-- Activities and the roster carry their branch; attendance, files and checklist ticks their activity. Once per
-- statement (saving a meeting's attendance writes dozens of rows; an import or a generator thousands of members).
-- Each statement below is planned only when its branch runs: an INSERT trigger has no old_rows, a DELETE no new_rows.
CREATE FUNCTION compliance_touch_rows() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME IN ('activities', 'members') THEN
    IF TG_OP <> 'INSERT' THEN PERFORM compliance_touch(ARRAY(SELECT DISTINCT organization_id FROM old_rows)); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM compliance_touch(ARRAY(SELECT DISTINCT organization_id FROM new_rows)); END IF;
  ELSE
    IF TG_OP <> 'INSERT' THEN PERFORM compliance_touch_activities(ARRAY(SELECT DISTINCT activity_id FROM old_rows)); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM compliance_touch_activities(ARRAY(SELECT DISTINCT activity_id FROM new_rows)); END IF;
  END IF;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER compliance_touch AFTER INSERT OR DELETE OR UPDATE OF parent_id, kind, status ON organizations FOR EACH ROW EXECUTE FUNCTION compliance_touch_row();--> statement-breakpoint
DO $$
DECLARE
  t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['activities', 'members', 'attendances', 'activity_files', 'activity_checks']
  LOOP
    EXECUTE format('CREATE TRIGGER compliance_touch_ins AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION compliance_touch_rows()', t);
    EXECUTE format('CREATE TRIGGER compliance_touch_upd AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION compliance_touch_rows()', t);
    EXECUTE format('CREATE TRIGGER compliance_touch_del AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION compliance_touch_rows()', t);
  END LOOP;
END
$$;
