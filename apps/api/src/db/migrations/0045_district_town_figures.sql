-- 区级汇总 (issue 14 point 4): the district board read every town's snapshot in that town's row scope, two statements
-- per town (7 s of SQL alone at 925 towns). Each town's figures of the month now also sit in the district's own tenant,
-- written by the database whenever a town's snapshot is stored, and the board reads them in one statement.
CREATE TABLE "district_town_figures" (
	"tenant_id" integer NOT NULL,
	"town_tenant_id" integer NOT NULL,
	"period" text NOT NULL,
	"computed_at" timestamp with time zone NOT NULL,
	"figures" jsonb NOT NULL,
	CONSTRAINT "district_town_figures_pk" PRIMARY KEY("tenant_id","period","town_tenant_id")
);
--> statement-breakpoint
ALTER TABLE "district_town_figures" ADD CONSTRAINT "district_town_figures_tenant_id_tenants_id_fk" FOREIGN KEY ("tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "district_town_figures" ADD CONSTRAINT "district_town_figures_town_tenant_id_tenants_id_fk" FOREIGN KEY ("town_tenant_id") REFERENCES "public"."tenants"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- The district's rows, read in the district's own row scope; only the trigger below writes them.
ALTER TABLE "district_town_figures" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE POLICY "scope_read" ON "district_town_figures" FOR SELECT USING (app_scope_all() OR app_scope_town("tenant_id"));--> statement-breakpoint
-- SECURITY DEFINER: the writer is a town's derived caller, whose row scope is the town and not the district. Only what
-- the district reads leaves the snapshot (the per-branch matrix is most of a body). A town of no district writes nothing.
CREATE FUNCTION district_town_figures_keep() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER SET search_path = public AS $$
BEGIN
  INSERT INTO district_town_figures AS f (tenant_id, town_tenant_id, period, computed_at, figures)
  SELECT t.district_id, NEW.tenant_id, NEW.period, NEW.computed_at,
         jsonb_build_object('matrix', jsonb_build_object('totals', NEW.body -> 'matrix' -> 'totals'), 'tiles', NEW.body -> 'tiles')
  FROM tenants t WHERE t.id = NEW.tenant_id AND t.district_id IS NOT NULL
  ON CONFLICT (tenant_id, period, town_tenant_id) DO UPDATE SET computed_at = excluded.computed_at, figures = excluded.figures;
  RETURN NULL;
END
$$;--> statement-breakpoint
CREATE TRIGGER "district_town_figures_keep" AFTER INSERT OR UPDATE ON "dashboard_snapshots" FOR EACH ROW EXECUTE FUNCTION district_town_figures_keep();--> statement-breakpoint
-- The snapshots stored before this migration, once.
INSERT INTO district_town_figures (tenant_id, town_tenant_id, period, computed_at, figures)
SELECT t.district_id, s.tenant_id, s.period, s.computed_at,
       jsonb_build_object('matrix', jsonb_build_object('totals', s.body -> 'matrix' -> 'totals'), 'tiles', s.body -> 'tiles')
FROM dashboard_snapshots s JOIN tenants t ON t.id = s.tenant_id WHERE t.district_id IS NOT NULL;
